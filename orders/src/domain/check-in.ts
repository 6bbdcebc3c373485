import type { CurrentUser, Db } from '@ticketing/common';
import { eticketsRepository, type EticketWithEvent } from '../data/etickets.repository';
import type { EticketSigner } from './eticket-code';

/** What the door sees. A code that is forged, unknown or for another seller's event is simply not valid. */
export type CheckInOutcome =
  | { result: 'admitted'; eticket: EticketWithEvent }
  | { result: 'already_used'; usedAt: Date; eticket: EticketWithEvent }
  | { result: 'not_valid'; reason: 'unknown' }
  | { result: 'not_valid'; reason: 'voided'; eticket: EticketWithEvent };

/**
 * Admits a code once. The admission is the conditional UPDATE alone (eticketsRepository.admit), never a read
 * followed by a write; the read after it only explains a refusal.
 */
export async function checkIn(
  db: Db,
  signer: EticketSigner,
  code: string,
  checker: CurrentUser,
): Promise<CheckInOutcome> {
  if (!signer.isSigned(code)) return { result: 'not_valid', reason: 'unknown' };
  const isAdmin = checker.role === 'admin';
  const admittedId = await eticketsRepository.admit(db, code, { id: checker.id, isAdmin });
  const row = await eticketsRepository.findByCode(db, code);
  if (!row || (!isAdmin && row.ticket.sellerId !== checker.id))
    return { result: 'not_valid', reason: 'unknown' };
  if (admittedId) return { result: 'admitted', eticket: row };
  if (row.eticket.voidedAt) return { result: 'not_valid', reason: 'voided', eticket: row };
  return { result: 'already_used', usedAt: row.eticket.usedAt!, eticket: row };
}
