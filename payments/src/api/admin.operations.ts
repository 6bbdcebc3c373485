import { adminOperation, jsonResponse, pageResponse } from '@ticketing/common';
import { z } from 'zod';
import { paymentView } from './payment-view';
import { listPaymentsQuery } from './payments.schemas';

// The admin console's routes of /api/payments (role admin; 403 for anyone else).

export const listAllPayments = adminOperation('get /all', {
  summary: "Every user's payments, newest first (admins)",
  query: listPaymentsQuery,
  responses: {
    200: pageResponse('A page of payments', paymentView),
  },
});

export const refundPayment = adminOperation('post /:id/refund', {
  summary: 'Refund a paid order (admins): the refund worker gives the money back through Stripe',
  params: z.object({ id: z.uuid() }),
  responses: {
    202: jsonResponse('The refund is under way (status `refund_pending`)', paymentView),
    404: 'Unknown payment',
    409: '`payment_not_refundable`: being refunded or refunded already',
  },
});
