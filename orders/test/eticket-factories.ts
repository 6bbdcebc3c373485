import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { paymentCreated, paymentRefunded, type TicketCreated } from '@ticketing/common';
import { signIn, waitFor, type SignedIn } from '@ticketing/common/testing';
import { confirmReservation, placeOrder, type OrdersTestService, type PlacedOrder } from './factories';

export interface EticketBody {
  id: string;
  orderId: string;
  code: string;
  seat: string | null;
  status: 'valid' | 'used' | 'voided';
  event: { ticketId: string; title: string; venue: string; eventDate: string };
}

export interface PaidOrder extends PlacedOrder {
  paymentId: string;
  seller: SignedIn;
  etickets: EticketBody[];
}

export const orderEtickets = (service: OrdersTestService, orderId: string, who: SignedIn) =>
  request(service.app).get(`/api/orders/${orderId}/etickets`).set('Cookie', who.cookie);

/** A buyer orders, tickets confirms, the payment arrives: resolves once the e-tickets are there. */
export async function paidOrder(
  service: OrdersTestService,
  listing: Partial<TicketCreated> = {},
): Promise<PaidOrder> {
  const order = await placeOrder(service, signIn(), listing);
  await confirmReservation(service, order);
  const paymentId = randomUUID();
  await service.bus.publish(paymentCreated, {
    id: paymentId,
    orderId: order.id,
    amountCents: order.ticket.priceCents * (order.ticket.quantity ?? 1),
    currency: order.ticket.currency,
    provider: 'stripe',
    providerPaymentId: `pi_${randomUUID().slice(0, 12)}`,
    paidAt: new Date().toISOString(),
  });
  const etickets = await waitFor(async () => {
    const { body } = await orderEtickets(service, order.id, order.buyer).expect(200);
    const items = (body as { items: EticketBody[] }).items;
    return items.length ? items : undefined;
  });
  return { ...order, paymentId, seller: signIn({ id: order.ticket.sellerId }), etickets };
}

/** Payments refunded a charge for the order (the one that paid it, or another one). */
export const refund = (
  service: OrdersTestService,
  orderId: string,
  paymentId: string,
  reason = 'order_cancelled',
) =>
  service.bus.publish(paymentRefunded, {
    id: paymentId,
    orderId,
    amountCents: 4_500,
    currency: 'eur',
    reason,
  });

export const checkIn = (service: OrdersTestService, who: SignedIn, code: unknown) =>
  request(service.app).post('/api/orders/checkin').set(who.headers).send({ code });
