import { getMessages } from '@/lib/messages/server';

/** Shown while a server page loads after a click: a bar along the top and a spoken "Loading". */
export default async function Loading() {
  const t = await getMessages();
  return (
    <div className="loading" role="status">
      <span className="loading__bar" aria-hidden="true" />
      <span className="visually-hidden">{t.site.loading}</span>
    </div>
  );
}
