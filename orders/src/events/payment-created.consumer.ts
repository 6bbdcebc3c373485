import { consumer, paymentCreated } from '@ticketing/common';
import { completeOrder } from '../domain/complete-order';
import type { EticketSigner } from '../domain/eticket-code';

/** Completing an order issues its e-tickets, so the consumer carries the platform's signer. */
export const onPaymentCreated = (signer: EticketSigner) =>
  consumer(paymentCreated, 'orders', (tx, data) => completeOrder(tx, data, signer));
