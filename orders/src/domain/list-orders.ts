import { ForbiddenError, type CurrentUser, type Db } from '@ticketing/common';
import { encodeCursor, type PageCursor } from '../data/cursor';
import { orders, type OrderWithTicket } from '../data/orders.repository';

export interface ListOrders {
  viewer: CurrentUser;
  /** Everyone's orders: admins only. */
  all: boolean;
  limit: number;
  cursor?: PageCursor;
}

export interface OrderPage {
  items: OrderWithTicket[];
  nextCursor: string | null;
}

export async function listOrders(db: Db, { viewer, all, limit, cursor }: ListOrders): Promise<OrderPage> {
  if (all && viewer.role !== 'admin') throw new ForbiddenError('Only admins may list every order');
  const rows = await orders.page(db, { userId: all ? undefined : viewer.id, limit, after: cursor });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.order) : null };
}
