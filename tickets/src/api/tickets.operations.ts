import { adminOperation, byIdErrors, jsonResponse, operation, pageOf, pageResponse } from '@ticketing/common';
import { z } from 'zod';
import { ownerTicket, publicTicket } from './ticket-view';
import {
  createTicketBody,
  moderateTicketBody,
  listTicketsQuery,
  pageQuery,
  ticketIdParams,
  updateTicketBody,
} from './tickets.schemas';

// Each route of /api/tickets, declared once: tickets.router.ts mounts these, the OpenAPI document describes them.

export const listTickets = operation('get /', {
  summary: 'Available tickets, filtered and cursor-paginated (every listing with all=true, admins only)',
  description:
    'Public: available tickets of events to come, soonest first. With `all=true` (admins): every listing ' +
    'in every status, past events too, newest first, as its seller sees it; `status` narrows it to one.',
  access: 'public',
  query: listTicketsQuery,
  responses: {
    200: jsonResponse(
      'A page of available tickets (of every listing, with all=true)',
      z.union([pageOf(publicTicket), pageOf(ownerTicket)]),
    ),
    400: 'A filter or the cursor is invalid; `status` without all=true',
    401: '`all=true` by nobody signed in',
    403: '`all=true` by a non-admin',
  },
});

export const listMyTickets = operation('get /mine', {
  summary: "The seller's own listings, in every status",
  access: 'signed-in',
  query: pageQuery,
  responses: {
    200: pageResponse("A page of the seller's tickets", ownerTicket),
  },
});

export const getTicket = operation('get /:id', {
  summary: 'One ticket, in any status',
  description: 'The seller and admins also see `orderId`, the order holding it.',
  access: 'public',
  params: ticketIdParams,
  responses: {
    200: jsonResponse('The ticket', z.union([ownerTicket, publicTicket])),
    ...byIdErrors('ticket'),
  },
});

export const createTicket = operation('post /', {
  summary: 'List a ticket for sale',
  access: 'signed-in',
  body: createTicketBody,
  responses: {
    201: jsonResponse('The new listing, available', ownerTicket),
    400: 'Invalid fields; `price_not_chargeable`: a currency or amount Stripe does not take',
    403: '`email_not_verified`: the seller has not confirmed their email address yet',
  },
});

export const updateTicket = operation('put /:id', {
  summary: 'Edit a listing (its seller)',
  access: 'signed-in',
  params: ticketIdParams,
  body: updateTicketBody,
  responses: {
    200: jsonResponse('The edited listing', ownerTicket),
    400: 'Invalid fields, or nothing to update',
    403: 'Not the seller',
    404: 'Unknown ticket',
    409: '`ticket_not_modifiable`: some of it reserved or sold, or withdrawn',
  },
});

export const withdrawTicket = operation('delete /:id', {
  summary: 'Withdraw a listing (its seller or an admin)',
  access: 'signed-in',
  params: ticketIdParams,
  responses: {
    204: 'Withdrawn',
    403: 'Neither the seller nor an admin',
    404: 'Unknown ticket',
    409: '`ticket_not_modifiable`: some of it reserved or sold',
  },
});

export const moderateTicket = adminOperation('post /:id/moderation', {
  summary: 'Withdraw a listing as moderation, with a reason its seller sees (admins)',
  params: ticketIdParams,
  body: moderateTicketBody,
  responses: {
    204: 'Withdrawn; the listing shows the reason to its seller',
    404: 'Unknown ticket',
    409: '`ticket_not_modifiable`: reserved or sold',
  },
});
