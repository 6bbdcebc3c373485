import Link from 'next/link';
import { getMessages } from '@/lib/messages/server';

/** Cursor pages: an optional way back to the first page and a link to the next one, when there is one. */
export async function Pagination({
  firstHref,
  nextHref,
  nextLabel,
}: {
  firstHref?: string;
  nextHref?: string;
  nextLabel?: string;
}) {
  if (!firstHref && !nextHref) return null;
  const { pagination: t } = await getMessages();
  return (
    <nav className="pagination" aria-label={t.pages}>
      {firstHref && (
        <Link href={firstHref} className="button button--secondary">
          {t.first}
        </Link>
      )}
      {nextHref && (
        <Link href={nextHref} className="button button--secondary" rel="next">
          {nextLabel ?? t.next}
        </Link>
      )}
    </nav>
  );
}

/** `base?cursor=…` for the next page of a list, or undefined on the last page. */
export const nextPageHref = (base: string, nextCursor: string | null) =>
  nextCursor ? `${base}?cursor=${encodeURIComponent(nextCursor)}` : undefined;
