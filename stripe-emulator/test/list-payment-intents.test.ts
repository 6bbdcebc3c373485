import { cardPayment, rejectionOf, useEmulator } from './helpers/emulator';

const env = useEmulator();

describe('listing PaymentIntents (GET /v1/payment_intents)', () => {
  it('when the SDK auto-paginates with created[gte], then it gets every intent since then, newest first, page by page', async () => {
    const tag = `list-${Date.now()}`;
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await env.stripe.paymentIntents.create(cardPayment({ metadata: { order_id: `${tag}-${i}` } })),
      );
    }
    const since = made[0]!.created;

    const firstPage = await env.stripe.paymentIntents.list({ created: { gte: since }, limit: 2 });
    expect(firstPage).toMatchObject({ object: 'list', url: '/v1/payment_intents', has_more: true });
    expect(firstPage.data).toHaveLength(2);

    const seen = [];
    for await (const intent of env.stripe.paymentIntents.list({ created: { gte: since }, limit: 2 })) {
      if (intent.metadata.order_id?.startsWith(tag)) seen.push(intent.id);
    }
    expect(seen).toEqual(made.map((i) => i.id).reverse());
  });

  it('when created[gt] is after every intent, then the list is empty and has no more', async () => {
    await env.stripe.paymentIntents.create(cardPayment());
    const later = Math.floor(Date.now() / 1000) + 60;
    const page = await env.stripe.paymentIntents.list({ created: { gt: later } });
    expect(page).toMatchObject({ data: [], has_more: false });
  });

  it('when starting_after names an unknown intent, or a bad limit is sent, then 400 as Stripe answers', async () => {
    const missing = await rejectionOf(env.stripe.paymentIntents.list({ starting_after: 'pi_missing' }));
    expect(missing).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'starting_after' });
    const tooMany = await rejectionOf(env.stripe.paymentIntents.list({ limit: 101 }));
    expect(tooMany).toMatchObject({ statusCode: 400, param: 'limit' });
  });
});
