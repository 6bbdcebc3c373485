import { Router, type RequestHandler } from 'express';
import { requireAuth, userOf, validate, type Db } from '@ticketing/common';
import { createTicket } from '../domain/create-ticket';
import { eventsOf } from '../domain/find-events';
import { getTicket, listAvailableTickets, listSellerTickets } from '../domain/find-tickets';
import { updateTicket } from '../domain/update-ticket';
import { withdrawTicket } from '../domain/withdraw-ticket';
import { ownerView, publicView, viewFor } from './ticket-view';
import {
  createTicketBody,
  listTicketsQuery,
  pageQuery,
  ticketIdParams,
  updateTicketBody,
  type CreateTicketBody,
  type ListTicketsQuery,
  type PageQuery,
  type UpdateTicketBody,
} from './tickets.schemas';

export interface TicketsRouterDeps {
  db: Db;
  /** Limits POST / per user. */
  createLimit: RequestHandler;
}

// validate() has replaced req.query/params/body with the parsed values.
const parsed = <T>(value: unknown) => value as T;

export function ticketsRouter({ db, createLimit }: TicketsRouterDeps): Router {
  const router = Router();

  router.get('/', validate({ query: listTicketsQuery }), async (req, res) => {
    const { limit, cursor, ...filters } = parsed<ListTicketsQuery>(req.query);
    const page = await listAvailableTickets(db, filters, { limit, cursor });
    const events = await eventsOf(db, page.items);
    res.json({
      items: page.items.map((t) => publicView(t, events.get(t.eventId))),
      nextCursor: page.nextCursor,
    });
  });

  // Before '/:id', which would otherwise take "mine" for an id.
  router.get('/mine', requireAuth, validate({ query: pageQuery }), async (req, res) => {
    const { limit, cursor } = parsed<PageQuery>(req.query);
    const page = await listSellerTickets(db, userOf(req).id, { limit, cursor });
    const events = await eventsOf(db, page.items);
    res.json({
      items: page.items.map((t) => ownerView(t, events.get(t.eventId))),
      nextCursor: page.nextCursor,
    });
  });

  router.get('/:id', validate({ params: ticketIdParams }), async (req, res) => {
    const ticket = await getTicket(db, parsed<{ id: string }>(req.params).id);
    const events = await eventsOf(db, [ticket]);
    res.json(viewFor(ticket, req.currentUser, events.get(ticket.eventId)));
  });

  router.post('/', requireAuth, createLimit, validate({ body: createTicketBody }), async (req, res) => {
    const ticket = await createTicket(db, parsed<CreateTicketBody>(req.body), userOf(req).id);
    res.status(201).json(ownerView(ticket));
  });

  router.put(
    '/:id',
    requireAuth,
    validate({ params: ticketIdParams, body: updateTicketBody }),
    async (req, res) => {
      const { id } = parsed<{ id: string }>(req.params);
      const ticket = await updateTicket(db, id, parsed<UpdateTicketBody>(req.body), userOf(req));
      res.json(ownerView(ticket));
    },
  );

  router.delete('/:id', requireAuth, validate({ params: ticketIdParams }), async (req, res) => {
    await withdrawTicket(db, parsed<{ id: string }>(req.params).id, userOf(req));
    res.status(204).end();
  });

  return router;
}
