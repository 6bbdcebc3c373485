import type { CurrentUser, Db } from '@ticketing/common';
import { ordersRepository, type OrderWithTicket } from '../data/orders.repository';
import { OrderNotFoundError } from './errors';
import { isOwnedBy, NotYourOrderError } from './order';

export async function getOrder(db: Db, orderId: string, viewer: CurrentUser): Promise<OrderWithTicket> {
  const found = await ordersRepository.findWithTicket(db, orderId);
  if (!found) throw new OrderNotFoundError();
  if (!isOwnedBy(found.order, viewer.id) && viewer.role !== 'admin') throw new NotYourOrderError();
  return found;
}
