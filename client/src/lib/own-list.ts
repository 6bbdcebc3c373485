import { requireUser } from '@/lib/api/server';
import type { Messages } from '@/lib/messages';
import { getMessages } from '@/lib/messages/server';

/** The query of a page of a list: `?cursor=` names the page after the first. */
export type CursorParams = Promise<{ cursor?: string }>;

/**
 * A page of the signed-in user's own list (orders, e-tickets, listings, sales) and the catalogue to show it
 * in; a visitor is sent to sign in first, then back to `returnTo`.
 */
export async function ownListPage<T>(
  returnTo: string,
  searchParams: CursorParams,
  read: (cursor?: string) => Promise<T>,
): Promise<[T, Messages]> {
  await requireUser(returnTo);
  const { cursor } = await searchParams;
  return Promise.all([read(cursor), getMessages()]);
}
