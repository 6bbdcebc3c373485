import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="card empty narrow">
      <h1>Not found</h1>
      <p className="muted">This page, ticket or order does not exist, or it is not yours to see.</p>
      <Link href="/" className="button">
        Browse tickets
      </Link>
    </div>
  );
}
