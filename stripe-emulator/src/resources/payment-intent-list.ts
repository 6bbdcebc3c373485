import type Stripe from 'stripe';
import { invalidRequest, resourceMissing } from '../errors';
import { assertKnownParams, readInteger, readObject, readString, type Params } from '../params';
import { snapshot, type Handler } from '../state';

type Bound = 'gt' | 'gte' | 'lt' | 'lte';
const BOUNDS: readonly Bound[] = ['gt', 'gte', 'lt', 'lte'];

/**
 * GET /v1/payment_intents as Stripe answers it: newest first, `limit` 1–100 (default 10), cursor
 * pagination by `starting_after` / `ending_before` (an object id), a `created` filter given as a Unix
 * time or as created[gt|gte|lt|lte], and `has_more`. The SDK's auto-pagination walks it unchanged.
 */
export const listPaymentIntents: Handler = (state, ctx) => {
  assertKnownParams(ctx.params, [
    'created',
    'limit',
    'starting_after',
    'ending_before',
    'customer',
    'expand',
  ]);
  const limit = readInteger(ctx.params, 'limit', 1, 100) ?? 10;
  const startingAfter = readString(ctx.params, 'starting_after');
  const endingBefore = readString(ctx.params, 'ending_before');
  if (startingAfter && endingBefore) {
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.');
  }
  const customer = readString(ctx.params, 'customer');
  const inRange = createdFilter(ctx.params);
  const newestFirst = [...state.paymentIntents.values()]
    .reverse()
    .filter((intent) => inRange(intent.created) && (!customer || intent.customer === customer));

  let page: Stripe.PaymentIntent[];
  let hasMore: boolean;
  if (endingBefore) {
    const end = indexOf(newestFirst, endingBefore, 'ending_before');
    const start = Math.max(0, end - limit);
    page = newestFirst.slice(start, end);
    hasMore = start > 0;
  } else {
    const start = startingAfter ? indexOf(newestFirst, startingAfter, 'starting_after') + 1 : 0;
    page = newestFirst.slice(start, start + limit);
    hasMore = start + limit < newestFirst.length;
  }
  return {
    object: 'list',
    url: '/v1/payment_intents',
    has_more: hasMore,
    data: page.map((i) => snapshot(i)),
  };
};

function indexOf(intents: Stripe.PaymentIntent[], id: string, param: string): number {
  const index = intents.findIndex((intent) => intent.id === id);
  if (index < 0) throw resourceMissing('payment_intent', id, param);
  return index;
}

function createdFilter(params: Params): (created: number) => boolean {
  if (typeof params.created === 'string') {
    const exact = readInteger(params, 'created', 0, Number.MAX_SAFE_INTEGER);
    return (created) => created === exact;
  }
  const range = readObject(params, 'created') ?? {};
  assertKnownParams(range, BOUNDS);
  const bound = (name: Bound) => readInteger(range, name, 0, Number.MAX_SAFE_INTEGER);
  const [gt, gte, lt, lte] = BOUNDS.map(bound);
  return (created) =>
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte);
}
