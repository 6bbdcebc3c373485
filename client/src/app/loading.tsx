/** Shown while a server page loads after a click: a bar along the top and a spoken "Loading". */
export default function Loading() {
  return (
    <div className="loading" role="status">
      <span className="loading__bar" aria-hidden="true" />
      <span className="visually-hidden">Loading…</span>
    </div>
  );
}
