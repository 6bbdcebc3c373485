import { toPage, type CurrentUser, type Db, type Keyset, type Page } from '@ticketing/common';
import { eticketsRepository, type EticketWithEvent } from '../data/etickets.repository';
import { EticketNotFoundError } from './errors';
import { getOrder } from './get-order';

/** The codes are admission secrets: only the buyer (or an admin) ever reads them. */
const mayRead = (row: EticketWithEvent, viewer: CurrentUser) =>
  row.eticket.userId === viewer.id || viewer.role === 'admin';

/** "My tickets": the viewer's own e-tickets, newest first. */
export async function listMyEtickets(
  db: Db,
  viewer: CurrentUser,
  limit: number,
  cursor?: Keyset,
): Promise<Page<EticketWithEvent>> {
  const rows = await eticketsRepository.pageOfUser(db, viewer.id, limit, cursor);
  return toPage(rows, limit, ({ eticket }) => ({ at: eticket.issuedAt, id: eticket.id }));
}

/** One order's e-tickets: 404 / 403 exactly as the order itself answers. */
export async function listOrderEtickets(db: Db, orderId: string, viewer: CurrentUser) {
  await getOrder(db, orderId, viewer);
  return eticketsRepository.ofOrder(db, orderId);
}

/** Another user's e-ticket answers 404, as an unknown one does: its existence is no one else's business. */
export async function getEticket(db: Db, id: string, viewer: CurrentUser): Promise<EticketWithEvent> {
  const row = await eticketsRepository.findById(db, id);
  if (!row || !mayRead(row, viewer)) throw new EticketNotFoundError();
  return row;
}
