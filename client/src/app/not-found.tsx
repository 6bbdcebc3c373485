import Link from 'next/link';
import { getMessages } from '@/lib/messages/server';

export default async function NotFound() {
  const { notFound: t } = await getMessages();
  return (
    <div className="card empty narrow">
      <h1>{t.title}</h1>
      <p className="muted">{t.text}</p>
      <Link href="/" className="button">
        {t.browse}
      </Link>
    </div>
  );
}
