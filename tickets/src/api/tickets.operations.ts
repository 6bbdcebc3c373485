import { adminOperation, byIdErrors, operation, pageOf, pageResponse } from '@ticketing/common';
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

export const listTickets = operation({
  method: 'get',
  path: '/',
  summary: 'Available tickets, filtered and cursor-paginated (every listing with all=true, admins only)',
  description:
    'Public: available tickets of events to come, soonest first. With `all=true` (admins): every listing ' +
    'in every status, past events too, newest first, as its seller sees it; `status` narrows it to one.',
  access: 'public',
  request: { query: listTicketsQuery },
  responses: {
    200: {
      description: 'A page of available tickets (of every listing, with all=true)',
      body: z.union([pageOf(publicTicket), pageOf(ownerTicket)]),
    },
    400: 'A filter or the cursor is invalid; `status` without all=true',
    401: '`all=true` by nobody signed in',
    403: '`all=true` by a non-admin',
  },
});

export const listMyTickets = operation({
  method: 'get',
  path: '/mine',
  summary: "The seller's own listings, in every status",
  access: 'signed-in',
  request: { query: pageQuery },
  responses: { 200: pageResponse("A page of the seller's tickets", ownerTicket) },
});

export const getTicket = operation({
  method: 'get',
  path: '/:id',
  summary: 'One ticket, in any status',
  description: 'The seller and admins also see `orderId`, the order holding it.',
  access: 'public',
  request: { params: ticketIdParams },
  responses: {
    200: { description: 'The ticket', body: z.union([ownerTicket, publicTicket]) },
    ...byIdErrors('ticket'),
  },
});

export const createTicket = operation({
  method: 'post',
  path: '/',
  summary: 'List a ticket for sale',
  access: 'signed-in',
  request: { body: createTicketBody },
  responses: {
    201: { description: 'The new listing, available', body: ownerTicket },
    400: 'Invalid fields; `price_not_chargeable`: a currency or amount Stripe does not take',
    403: '`email_not_verified`: the seller has not confirmed their email address yet',
  },
});

export const updateTicket = operation({
  method: 'put',
  path: '/:id',
  summary: 'Edit a listing (its seller)',
  access: 'signed-in',
  request: { params: ticketIdParams, body: updateTicketBody },
  responses: {
    200: { description: 'The edited listing', body: ownerTicket },
    400: 'Invalid fields, or nothing to update',
    403: 'Not the seller',
    404: 'Unknown ticket',
    409: '`ticket_not_modifiable`: some of it reserved or sold, or withdrawn',
  },
});

export const withdrawTicket = operation({
  method: 'delete',
  path: '/:id',
  summary: 'Withdraw a listing (its seller or an admin)',
  access: 'signed-in',
  request: { params: ticketIdParams },
  responses: {
    204: { description: 'Withdrawn' },
    403: 'Neither the seller nor an admin',
    404: 'Unknown ticket',
    409: '`ticket_not_modifiable`: some of it reserved or sold',
  },
});

export const moderateTicket = adminOperation({
  method: 'post',
  path: '/:id/moderation',
  summary: 'Withdraw a listing as moderation, with a reason its seller sees (admins)',
  request: { params: ticketIdParams, body: moderateTicketBody },
  responses: {
    204: { description: 'Withdrawn; the listing shows the reason to its seller' },
    404: 'Unknown ticket',
    409: '`ticket_not_modifiable`: reserved or sold',
  },
});
