import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { paymentRefunded } from '@ticketing/common';
import { anonymousCsrf, eventHandled, signIn, waitFor } from '@ticketing/common/testing';
import { eticketSigner } from '../src/domain/eticket-code';
import { checkIn, orderEtickets, paidOrder, refund } from './eticket-factories';
import { startOrders, type OrdersTestService } from './factories';

const RATE_POINTS = 40;
let service: OrdersTestService;

beforeAll(async () => {
  // A pool as wide as the burst below, so the concurrent check-ins really meet in the database.
  service = await startOrders({ CHECKIN_RATE_POINTS: String(RATE_POINTS), DATABASE_POOL_SIZE: '20' });
});

afterAll(() => service.close());

describe('POST /api/orders/checkin', () => {
  test('when the seller checks a code in, then it is admitted, and a second time it is already used (with when)', async () => {
    const order = await paidOrder(service);
    const { code } = order.etickets[0]!;

    const first = await checkIn(service, order.seller, code).expect(200);
    expect(first.body).toMatchObject({
      result: 'admitted',
      reason: null,
      eticket: { id: order.etickets[0]!.id, seat: null, event: { title: order.ticket.title } },
    });
    expect(JSON.stringify(first.body)).not.toContain(code);

    const second = await checkIn(service, order.seller, code).expect(200);
    expect(second.body).toMatchObject({ result: 'already_used' });
    expect(Date.parse(second.body.usedAt)).not.toBeNaN();
    const { body } = await orderEtickets(service, order.id, order.buyer).expect(200);
    expect(body.items[0]).toMatchObject({ status: 'used', usedAt: second.body.usedAt });
  });

  test('when many scanners check one code in at the same moment, then exactly one is admitted', async () => {
    const order = await paidOrder(service);
    const scans = await Promise.all(
      Array.from({ length: 30 }, () => checkIn(service, order.seller, order.etickets[0]!.code)),
    );
    const results = scans.map((res) => res.body.result);
    expect(results.filter((r) => r === 'admitted')).toHaveLength(1);
    expect(results.filter((r) => r === 'already_used')).toHaveLength(29);
  });

  test('when someone who is not the event seller checks a real code, then it is not valid and stays unused', async () => {
    const order = await paidOrder(service);
    for (const who of [signIn(), order.buyer]) {
      const res = await checkIn(service, who, order.etickets[0]!.code).expect(200);
      expect(res.body).toEqual({ result: 'not_valid', reason: 'unknown', usedAt: null, eticket: null });
    }
    expect((await checkIn(service, order.seller, order.etickets[0]!.code)).body.result).toBe('admitted');
  });

  test('when an admin checks a code in, then it is admitted', async () => {
    const order = await paidOrder(service);
    const res = await checkIn(service, signIn({ role: 'admin' }), order.etickets[0]!.code).expect(200);
    expect(res.body.result).toBe('admitted');
  });

  test('when the code is forged, unknown or garbage, then it is not valid', async () => {
    const order = await paidOrder(service);
    const [id] = order.etickets[0]!.code.split('.');
    const forged = `${id}.${'A'.repeat(22)}`;
    const otherKey = eticketSigner('another_platform_key_0123456789abcdef').issue();
    const signedButUnknown = eticketSigner('test_only_eticket_signing_key_0123456789').issue();
    for (const code of [forged, otherKey, signedButUnknown, 'hello', '💥'.repeat(50)]) {
      const res = await checkIn(service, order.seller, code).expect(200);
      expect(res.body).toMatchObject({ result: 'not_valid', reason: 'unknown' });
    }
  });

  test('when the code is missing or not text, then 400 naming the field', async () => {
    const seller = signIn();
    for (const code of [undefined, '', 42, { $ne: null }, 'x'.repeat(201)]) {
      const res = await checkIn(service, seller, code);
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ code: 'invalid', field: 'code' });
    }
  });

  test('when one user keeps trying codes, then check-ins are rate limited (429)', async () => {
    const scanner = signIn();
    const answers: number[] = [];
    for (let i = 0; i <= RATE_POINTS; i += 1)
      answers.push((await checkIn(service, scanner, `guess-${i}`)).status);
    expect(answers.slice(0, RATE_POINTS).every((status) => status === 200)).toBe(true);
    expect(answers.at(-1)).toBe(429);
  });

  test('when signed out, then 401', async () => {
    const res = await request(service.app)
      .post('/api/orders/checkin')
      .set(anonymousCsrf())
      .send({ code: 'x' });
    expect(res.status).toBe(401);
  });
});

describe('voided e-tickets', () => {
  test('when the payment that completed the order is refunded, then its e-ticket is voided and not valid at the door', async () => {
    const order = await paidOrder(service);
    await refund(service, order.id, order.paymentId);
    await waitFor(async () => {
      const { body } = await orderEtickets(service, order.id, order.buyer).expect(200);
      return body.items[0].status === 'voided';
    });
    const res = await checkIn(service, order.seller, order.etickets[0]!.code).expect(200);
    expect(res.body).toMatchObject({ result: 'not_valid', reason: 'voided' });
  });

  test('when a duplicate payment of a paid order is refunded, then the e-ticket stays valid', async () => {
    const order = await paidOrder(service);
    const duplicate = await refund(service, order.id, randomUUID(), 'duplicate');
    await eventHandled(service, { service: 'orders', contract: paymentRefunded }, duplicate);
    const { body } = await orderEtickets(service, order.id, order.buyer).expect(200);
    expect(body.items[0].status).toBe('valid');
    expect((await checkIn(service, order.seller, order.etickets[0]!.code)).body.result).toBe('admitted');
  });
});
