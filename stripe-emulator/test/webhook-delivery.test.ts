import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cardPayment, startEmulator, useEmulator } from './helpers/emulator';
import { deliveredAbout } from './helpers/webhook-receiver';

const env = useEmulator({ enabledEvents: ['payment_intent.succeeded'] });

beforeEach(() => {
  env.receiver.respond = () => 200;
});

/** A port nothing listens on: bound once, then released. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/webhook`;
}

describe('webhook delivery', () => {
  it('when the endpoint fails twice, then the emulator retries and the third attempt delivers the event', async () => {
    env.receiver.respond = (hook) => (hook.attempt <= 2 ? 500 : 200);

    const intent = await env.stripe.paymentIntents.create(cardPayment());
    const hook = await env.receiver.waitFor(deliveredAbout('payment_intent.succeeded', intent.id));

    expect(hook.attempt).toBe(3);
    const attempts = env.receiver.received.filter((h) => h.event.id === hook.event.id).map((h) => h.status);
    expect(attempts).toEqual([500, 500, 200]);
    const event = env.stripe.webhooks.constructEvent(hook.body, hook.signature, env.emulator.webhookSecret);
    expect(event.id).toBe(hook.event.id);
  });

  it('when only some event types are enabled, then only those are delivered', async () => {
    const intent = await env.stripe.paymentIntents.create(cardPayment());
    await env.receiver.waitFor(deliveredAbout('payment_intent.succeeded', intent.id));
    await env.emulator.events.idle();

    const types = new Set(env.receiver.received.map((hook) => hook.event.type));
    expect([...types]).toEqual(['payment_intent.succeeded']);
    const created = env.emulator.events.list().find((e) => e.type === 'payment_intent.created');
    expect(created).toBeDefined();
    expect(env.emulator.events.deliveries(created?.id ?? '')).toEqual([]);
  });

  it('when a stored event is resent through /_emulator/events/:id/resend, then the same event id is delivered again', async () => {
    const intent = await env.stripe.paymentIntents.create(cardPayment());
    const first = await env.receiver.waitFor(deliveredAbout('payment_intent.succeeded', intent.id));

    const res = await fetch(`${env.url}/_emulator/events/${first.event.id}/resend`, { method: 'POST' });
    expect(res.status).toBe(202);

    const again = await env.receiver.waitFor(
      (hook) => hook.event.id === first.event.id && hook.attempt === 2,
    );
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toEqual(JSON.parse(first.body));
    const event = env.stripe.webhooks.constructEvent(again.body, again.signature, env.emulator.webhookSecret);
    expect(event.id).toBe(first.event.id);
  });

  it('when an unknown event is resent, then 404 resource_missing', async () => {
    const res = await fetch(`${env.url}/_emulator/events/evt_unknown/resend`, { method: 'POST' });

    expect(res.status).toBe(404);
    await expect(res.json()).resolves.toMatchObject({ error: { code: 'resource_missing' } });
  });

  it('when the endpoint is unreachable, then delivery gives up after the attempt limit and the API keeps serving', async () => {
    const unreachable = await startEmulator({
      webhookUrl: await closedPortUrl(),
      webhookRetry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 1_000 },
    });
    try {
      const intent = await unreachable.stripe.paymentIntents.create(cardPayment());
      await unreachable.emulator.events.idle();

      const succeeded = unreachable.emulator.events.list().find((e) => e.type === 'payment_intent.succeeded');
      const attempts = unreachable.emulator.events.deliveries(succeeded?.id ?? '');
      expect(attempts).toHaveLength(3);
      expect(attempts.every((attempt) => attempt.status === undefined && attempt.error)).toBe(true);
      await expect(unreachable.stripe.paymentIntents.retrieve(intent.id)).resolves.toMatchObject({
        status: 'succeeded',
      });
    } finally {
      await unreachable.emulator.close();
    }
  });

  it('when the health endpoint is called, then it answers ok and says it is dev-only', async () => {
    const res = await fetch(`${env.url}/_emulator/health`);

    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toMatchObject({
      status: 'ok',
      devOnly: true,
      webhookUrl: env.receiver.url,
    });
  });
});
