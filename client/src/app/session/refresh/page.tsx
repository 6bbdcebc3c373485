import { SessionRefresh } from '@/components/session-refresh';
import { pageTitle } from '@/lib/messages/server';

export const generateMetadata = pageTitle((t) => t.auth.refreshTitle, { robots: { index: false } });

/** Where the proxy sends a page load whose access token has expired (see src/proxy.ts). */
export default async function SessionRefreshPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const { next } = await searchParams;
  return <SessionRefresh next={next ?? '/'} />;
}
