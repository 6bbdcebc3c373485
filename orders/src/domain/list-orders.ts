import { ForbiddenError, toPage, type CurrentUser, type Db, type Keyset, type Page } from '@ticketing/common';
import { ordersRepository, type OrderWithTicket } from '../data/orders.repository';

export interface ListOrders {
  viewer: CurrentUser;
  /** Everyone's orders: admins only. */
  all: boolean;
  /** Only orders for this ticket (a buyer finding their own reservation of it). */
  ticketId?: string;
  limit: number;
  cursor?: Keyset;
}

export async function listOrders(
  db: Db,
  { viewer, all, ticketId, limit, cursor }: ListOrders,
): Promise<Page<OrderWithTicket>> {
  if (all && viewer.role !== 'admin') throw new ForbiddenError('Only admins may list every order');
  const rows = await ordersRepository.page(db, {
    userId: all ? undefined : viewer.id,
    ticketId,
    limit,
    after: cursor,
  });
  return toPage(rows, limit, ({ order }) => ({ at: order.createdAt, id: order.id }));
}
