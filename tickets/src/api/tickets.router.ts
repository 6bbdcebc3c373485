import { Router } from 'express';
import { handle, requireAuth, requireRole, requireVerifiedEmail, userOf } from '@ticketing/common';
import { createTicket } from '../domain/create-ticket';
import { eventsOf } from '../domain/find-events';
import { getTicket, listAllTickets, listAvailableTickets, listSellerTickets } from '../domain/find-tickets';
import { updateTicket } from '../domain/update-ticket';
import { withdrawTicket } from '../domain/withdraw-ticket';
import type { RouterDeps } from './router-deps';
import { toOwnerTicketView, toPublicTicketView, viewFor } from './ticket-view';
import * as api from './tickets.operations';

export function ticketsRouter({ db, createLimit }: RouterDeps): Router {
  const router = Router();

  handle(router, api.listTickets, async (req, res) => {
    const { limit, cursor, all, status, ...filters } = req.query;
    const page = all
      ? await listAllTickets(db, userOf(req), { ...filters, status }, { limit, cursor })
      : await listAvailableTickets(db, filters, { limit, cursor });
    const events = await eventsOf(db, page.items);
    // Admins (the only ones answered with all=true) see what a seller sees: reserved, sold, moderation.
    const view = all ? toOwnerTicketView : toPublicTicketView;
    res.json({
      items: page.items.map((t) => view(t, events.get(t.eventId))),
      nextCursor: page.nextCursor,
    });
  });

  // Before '/:id', which would otherwise take "mine" for an id.
  handle(router, api.listMyTickets, requireAuth, async (req, res) => {
    const { limit, cursor } = req.query;
    const page = await listSellerTickets(db, userOf(req).id, { limit, cursor });
    const events = await eventsOf(db, page.items);
    res.json({
      items: page.items.map((t) => toOwnerTicketView(t, events.get(t.eventId))),
      nextCursor: page.nextCursor,
    });
  });

  handle(router, api.getTicket, async (req, res) => {
    const ticket = await getTicket(db, req.params.id);
    const events = await eventsOf(db, [ticket]);
    res.json(viewFor(ticket, req.currentUser, events.get(ticket.eventId)));
  });

  handle(router, api.createTicket, requireVerifiedEmail, createLimit, async (req, res) => {
    const ticket = await createTicket(db, req.body, userOf(req).id);
    res.status(201).json(toOwnerTicketView(ticket));
  });

  handle(router, api.updateTicket, requireAuth, async (req, res) => {
    const ticket = await updateTicket(db, req.params.id, req.body, userOf(req));
    res.json(toOwnerTicketView(ticket));
  });

  handle(router, api.withdrawTicket, requireAuth, async (req, res) => {
    await withdrawTicket(db, req.params.id, userOf(req));
    res.status(204).end();
  });

  handle(router, api.moderateTicket, requireRole('admin'), async (req, res) => {
    await withdrawTicket(db, req.params.id, userOf(req), req.body.reason);
    res.status(204).end();
  });

  return router;
}
