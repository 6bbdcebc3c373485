import type Stripe from 'stripe';
import { resourceMissing, unexpectedState } from '../errors';
import { newId, nowSeconds, randomToken } from '../ids';
import { assertKnownParams, readEnum, readExpand, readString } from '../params';
import { snapshot, type EmulatorState, type Handler } from '../state';
import { resolvePaymentMethod } from '../test-cards';
import { emitEvent } from './events';
import { assertConfirmable, confirmWith } from './payment-attempt';
import { parseCreateParams, type CreatePaymentIntentInput } from './payment-intent-params';

const CANCELLABLE: readonly Stripe.PaymentIntent.Status[] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];

export const createPaymentIntent: Handler = (state, ctx) => {
  const input = parseCreateParams(ctx.params, state.paymentMethods, ctx.apiVersion);
  const expand = readExpand(ctx.params, ['latest_charge']);
  const intent = newPaymentIntent(input);
  // Invalid confirmation parameters reject the request before anything is created.
  if (input.confirm) assertConfirmable(intent, input.paymentMethod, input.returnUrl);
  state.paymentIntents.set(intent.id, intent);
  emitEvent(state, ctx, 'payment_intent.created', intent);
  if (input.confirm) confirmWith(state, ctx, intent, input.paymentMethod, input.returnUrl);
  return present(state, intent, expand);
};

export const retrievePaymentIntent: Handler = (state, ctx) => {
  assertKnownParams(ctx.params, ['expand', 'client_secret']);
  return present(state, findIntent(state, ctx.path.id), readExpand(ctx.params, ['latest_charge']));
};

export const confirmPaymentIntent: Handler = (state, ctx) => {
  const params = ctx.params;
  assertKnownParams(params, [
    'payment_method',
    'return_url',
    'receipt_email',
    'error_on_requires_action',
    'expand',
  ]);
  const expand = readExpand(params, ['latest_charge']);
  const intent = findIntent(state, ctx.path.id);
  const methodId = readString(params, 'payment_method') ?? stringId(intent.payment_method);
  const method = methodId ? resolvePaymentMethod(state.paymentMethods, methodId) : undefined;
  const receiptEmail = readString(params, 'receipt_email');
  if (receiptEmail !== undefined) intent.receipt_email = receiptEmail;
  confirmWith(state, ctx, intent, method, readString(params, 'return_url'));
  return present(state, intent, expand);
};

export const cancelPaymentIntent: Handler = (state, ctx) => {
  assertKnownParams(ctx.params, ['cancellation_reason', 'expand']);
  const reasons = ['abandoned', 'duplicate', 'fraudulent', 'requested_by_customer'] as const;
  const reason = readEnum(ctx.params, 'cancellation_reason', reasons) ?? null;
  const expand = readExpand(ctx.params, ['latest_charge']);
  const intent = findIntent(state, ctx.path.id);
  if (!CANCELLABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELLABLE.join(', ')}.`,
    );
  }
  Object.assign(intent, { status: 'canceled', canceled_at: nowSeconds(), cancellation_reason: reason });
  emitEvent(state, ctx, 'payment_intent.canceled', intent);
  return present(state, intent, expand);
};

function findIntent(state: EmulatorState, id = ''): Stripe.PaymentIntent {
  const intent = state.paymentIntents.get(id);
  if (!intent) throw resourceMissing('payment_intent', id, 'intent', 404);
  return intent;
}

const stringId = (value: string | { id: string } | null) => (typeof value === 'string' ? value : value?.id);

function present(state: EmulatorState, intent: Stripe.PaymentIntent, expand: string[]): Stripe.PaymentIntent {
  const copy = snapshot(intent);
  const chargeId = stringId(copy.latest_charge);
  const charge = chargeId ? state.charges.get(chargeId) : undefined;
  if (expand.includes('latest_charge') && charge) copy.latest_charge = snapshot(charge);
  return copy;
}

function newPaymentIntent(input: CreatePaymentIntentInput): Stripe.PaymentIntent {
  const id = newId('pi');
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: input.methods.allowedTypes,
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: input.methods.automatic,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: input.confirmationMethod,
    created: nowSeconds(),
    currency: input.currency,
    customer: null,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod?.paymentMethod.id ?? null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: input.receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: input.statementDescriptorSuffix,
    status: input.paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}
