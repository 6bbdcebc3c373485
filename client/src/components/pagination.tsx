import Link from 'next/link';

/** Cursor pages: an optional way back to the first page and a link to the next one, when there is one. */
export function Pagination({
  firstHref,
  nextHref,
  nextLabel = 'Next page',
}: {
  firstHref?: string;
  nextHref?: string;
  nextLabel?: string;
}) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {firstHref && (
        <Link href={firstHref} className="button button--secondary">
          First page
        </Link>
      )}
      {nextHref && (
        <Link href={nextHref} className="button button--secondary" rel="next">
          {nextLabel}
        </Link>
      )}
    </nav>
  );
}

/** `base?cursor=…` for the next page of a list, or undefined on the last page. */
export const nextPageHref = (base: string, nextCursor: string | null) =>
  nextCursor ? `${base}?cursor=${encodeURIComponent(nextCursor)}` : undefined;
