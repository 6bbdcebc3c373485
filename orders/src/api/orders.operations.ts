import { byIdErrors, jsonResponse, operation, pageResponse } from '@ticketing/common';
import { z } from 'zod';
import { orderView } from './order-view';
import { createOrderBody, listOrdersQuery, orderParams } from './orders.schemas';

// Each route of /api/orders, declared once: orders.router.ts mounts these, the OpenAPI document describes them.

/** The failures of a route on one of the buyer's orders, by the id in its path. */
export const orderByIdErrors = { ...byIdErrors('order'), 403: "`not_your_order`: another user's order" };

export const orderPolicy = operation('get /policy', {
  summary: 'How long an order holds its ticket, and the fee rates (shown before Buy and while listing)',
  access: 'public',
  responses: {
    200: jsonResponse(
      'The hold and the fees',
      z.object({
        holdSeconds: z.int().positive(),
        serviceFeePercent: z
          .number()
          .meta({ description: "Added to the ticket price: the buyer's service fee." }),
        sellerFeePercent: z.number().meta({ description: "Deducted from the seller's proceeds." }),
      }),
    ),
  },
});

export const createOrder = operation('post /', {
  summary: 'Reserve `quantity` tickets of a listing: one order that holds them until `expiresAt`',
  access: 'signed-in',
  body: createOrderBody,
  responses: {
    201: jsonResponse('The order, holding the tickets', orderView),
    400: '`own_ticket`: the buyer is its seller; `quantity_not_allowed`: more than listed, or a split the seller forbids',
    404: 'Unknown ticket (or not known here yet)',
    409: '`ticket_not_available`: reserved, sold, withdrawn or past; `not_enough_tickets`: fewer left than asked',
  },
});

export const listOrders = operation('get /', {
  summary: "The buyer's orders, newest first (every order with all=true, admins only)",
  access: 'signed-in',
  query: listOrdersQuery,
  responses: {
    200: pageResponse('A page of orders', orderView),
    400: 'A filter or the cursor is invalid',
    403: '`all=true` by a non-admin',
  },
});

export const getOrder = operation('get /:id', {
  summary: 'One order',
  access: 'signed-in',
  params: orderParams,
  responses: {
    200: jsonResponse('The order', orderView),
    ...orderByIdErrors,
  },
});

export const cancelOrder = operation('delete /:id', {
  summary: 'Cancel an unpaid order (reason `user`); its ticket goes back on sale',
  access: 'signed-in',
  params: orderParams,
  responses: {
    204: 'Cancelled',
    ...orderByIdErrors,
    409: '`order_not_cancellable`: already paid or cancelled',
  },
});

export const cancelPaidOrder = operation('post /:id/cancellation', {
  summary:
    'Cancel a paid order within its cancellation window (reason `buyer_cancelled`): refunded, e-tickets voided, ticket back on sale',
  access: 'signed-in',
  params: orderParams,
  responses: {
    200: jsonResponse('The cancelled order (also when it was cancelled already)', orderView),
    ...byIdErrors('order'),
    403: "`not_your_order`: another user's order (admins may cancel any)",
    409: '`cancellation_not_offered`, `cancellation_window_closed` (deadline passed or event started) or `eticket_used`',
  },
});
