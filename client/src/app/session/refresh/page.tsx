import type { Metadata } from 'next';
import { SessionRefresh } from '@/components/session-refresh';

export const metadata: Metadata = { title: 'Signing you back in', robots: { index: false } };

/** Where the proxy sends a page load whose access token has expired (see src/proxy.ts). */
export default async function SessionRefreshPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const { next } = await searchParams;
  return <SessionRefresh next={next ?? '/'} />;
}
