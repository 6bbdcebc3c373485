import { jsonResponse, operation, pageQuery, pageResponse } from '@ticketing/common';
import { z } from 'zod';
import { checkInSchema, eticketSchema } from './eticket-view';
import { checkInBody, eticketParams } from './etickets.schemas';
import { orderByIdErrors } from './orders.operations';
import { orderParams } from './orders.schemas';

// The e-ticket routes under /api/orders, declared once: etickets.router.ts mounts these, the OpenAPI
// document describes them. Every answer carrying a code is `Cache-Control: private, no-store`.

export const listMyEtickets = operation('get /etickets', {
  summary: "The signed-in buyer's e-tickets (My tickets), newest first",
  access: 'signed-in',
  query: pageQuery,
  responses: {
    200: pageResponse('A page of e-tickets', eticketSchema),
    400: 'Bad cursor',
  },
});

/** An e-ticket's QR code as an image: `qr.svg` or `qr.png`, the same code in two formats. */
const qrCode = (format: 'svg' | 'png', contentType: string, summary: string) =>
  operation(`get /etickets/:eticketId/qr.${format}`, {
    summary,
    access: 'signed-in',
    params: eticketParams,
    responses: {
      200: { description: 'The QR code of the e-ticket code', contentType },
      400: 'Malformed id',
      404: "Unknown, or another user's e-ticket",
    },
  });

export const eticketQrSvg = qrCode('svg', 'image/svg+xml', "An e-ticket's QR code (SVG)");
export const eticketQrPng = qrCode('png', 'image/png', "An e-ticket's QR code (PNG, 480 px)");

export const checkIn = operation('post /checkin', {
  summary: "Admit an e-ticket at the door (the event's seller or an admin); each code admits once",
  access: 'signed-in',
  body: checkInBody,
  responses: {
    200: jsonResponse(
      'The scan worked; the result says admitted, already used (with when) or not valid',
      checkInSchema,
    ),
    400: 'Missing or non-text code',
    429: 'Too many check-in attempts by this user',
  },
});

export const listOrderEtickets = operation('get /:id/etickets', {
  summary: "An order's e-tickets (empty until it is paid)",
  access: 'signed-in',
  params: orderParams,
  responses: {
    200: jsonResponse("The order's e-tickets", z.object({ items: z.array(eticketSchema) })),
    ...orderByIdErrors,
  },
});

export const orderEticketsPdf = operation('get /:id/etickets/pdf', {
  summary: "An order's e-tickets as a PDF, one A4 page each (event, seat, QR code, code)",
  access: 'signed-in',
  params: orderParams,
  responses: {
    200: { description: 'The PDF', contentType: 'application/pdf' },
    ...orderByIdErrors,
    409: '`etickets_not_issued`: the order is not paid',
  },
});
