import { outbox, ticketCreated, type Db } from '@ticketing/common';
import { ticketsRepository } from '../data/tickets.repository';
import { assertChargeable, toTicketCreated, type Ticket } from './ticket';

export interface NewTicket {
  title: string;
  venue: string;
  eventDate: Date;
  priceCents: number;
  currency: string;
  description: string;
}

export function createTicket(db: Db, input: NewTicket, sellerId: string): Promise<Ticket> {
  assertChargeable(input.priceCents, input.currency);
  return db.transaction(async (tx) => {
    const ticket = await ticketsRepository.insert(tx, { ...input, sellerId });
    await outbox.add(tx, ticketCreated, toTicketCreated(ticket));
    return ticket;
  });
}
