import type Stripe from 'stripe';
import { invalidRequest, missingParam } from '../errors';
import {
  assertKnownParams,
  readBoolean,
  readEnum,
  readInteger,
  readMetadata,
  readObject,
  readString,
  readStringArray,
  requireString,
  type Params,
} from '../params';
import { resolvePaymentMethod, type StoredPaymentMethod } from '../test-cards';

const CREATE_PARAMS = [
  'amount',
  'currency',
  'payment_method',
  'confirm',
  'metadata',
  'automatic_payment_methods',
  'description',
  'return_url',
  'receipt_email',
  'statement_descriptor_suffix',
  'capture_method',
  'confirmation_method',
  'error_on_requires_action',
  'expand',
] as const;

/** Stripe's minimum charge per currency, in minor units (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
const MINIMUM_AMOUNTS: Readonly<Record<string, number>> = {
  usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, nzd: 50, chf: 50, sgd: 50, jpy: 50,
  dkk: 250, nok: 300, sek: 300, pln: 200, czk: 1500, mxn: 1000, hkd: 400,
}; // prettier-ignore

export interface CreatePaymentIntentInput {
  amount: number;
  currency: string;
  confirm: boolean;
  paymentMethod: StoredPaymentMethod | undefined;
  returnUrl: string | undefined;
  methods: PaymentMethodChoice;
  description: string | null;
  metadata: Record<string, string>;
  receiptEmail: string | null;
  statementDescriptorSuffix: string | null;
  confirmationMethod: 'automatic' | 'manual';
}

export function parseCreateParams(
  params: Params,
  paymentMethods: Map<string, StoredPaymentMethod>,
  apiVersion: string,
): CreatePaymentIntentInput {
  assertKnownParams(params, [...CREATE_PARAMS, typesParamFor(apiVersion)]);
  const amount = readInteger(params, 'amount');
  if (amount === undefined) throw missingParam('amount');
  const currency = requireString(params, 'currency').toLowerCase();
  if (!/^[a-z]{3}$/.test(currency))
    throw invalidRequest(`Invalid currency: ${currency}.`, { param: 'currency' });
  assertMinimumAmount(amount, currency);
  if (readEnum(params, 'capture_method', ['automatic', 'automatic_async', 'manual']) === 'manual') {
    throw invalidRequest('capture_method=manual is not supported by the local Stripe emulator.', {
      param: 'capture_method',
    });
  }
  readBoolean(params, 'error_on_requires_action');
  const paymentMethodId = readString(params, 'payment_method');
  return {
    amount,
    currency,
    confirm: readBoolean(params, 'confirm') ?? false,
    paymentMethod: paymentMethodId ? resolvePaymentMethod(paymentMethods, paymentMethodId) : undefined,
    returnUrl: readString(params, 'return_url'),
    methods: readPaymentMethodChoice(params, apiVersion),
    description: readString(params, 'description') ?? null,
    metadata: readMetadata(params),
    receiptEmail: readString(params, 'receipt_email') ?? null,
    statementDescriptorSuffix: readString(params, 'statement_descriptor_suffix') ?? null,
    confirmationMethod: readEnum(params, 'confirmation_method', ['automatic', 'manual']) ?? 'automatic',
  };
}

function assertMinimumAmount(amount: number, currency: string): void {
  const minimum = MINIMUM_AMOUNTS[currency];
  if (minimum === undefined || amount >= minimum) return;
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  const shown = format.format(minimum / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  throw invalidRequest(`Amount must be at least ${shown} ${currency}`, {
    code: 'amount_too_small',
    param: 'amount',
  });
}

/** The API version (the SDK v23 default) from which `allowed_payment_method_types` replaced `payment_method_types`. */
const ALLOWED_TYPES_SINCE = '2026-10-28';

const typesParamFor = (apiVersion: string) =>
  apiVersion < ALLOWED_TYPES_SINCE ? 'payment_method_types' : 'allowed_payment_method_types';

export interface PaymentMethodChoice {
  automatic: Stripe.PaymentIntent.AutomaticPaymentMethods | null;
  allowedTypes: string[] | null;
}

/**
 * Which payment methods the intent may use: `automatic_payment_methods` and/or
 * `allowed_payment_method_types` (`payment_method_types` before API version 2026-10-28).
 * With neither, automatic payment methods are on, as in Stripe's recent API versions.
 */
export function readPaymentMethodChoice(params: Params, apiVersion: string): PaymentMethodChoice {
  const typesParam = typesParamFor(apiVersion);
  const legacy = typesParam === 'payment_method_types';
  const allowedTypes = readStringArray(params, typesParam) ?? null;
  if (allowedTypes && !allowedTypes.includes('card')) {
    throw invalidRequest(`The local Stripe emulator supports only the "card" payment method type.`, {
      param: typesParam,
    });
  }
  const automatic = readAutomatic(params);
  if (legacy && automatic && allowedTypes) {
    throw invalidRequest(
      'You may only specify one of these parameters: automatic_payment_methods, payment_method_types.',
    );
  }
  if (automatic === undefined) return { automatic: allowedTypes ? null : { enabled: true }, allowedTypes };
  return { automatic: automatic.enabled ? automatic : null, allowedTypes };
}

function readAutomatic(params: Params): Stripe.PaymentIntent.AutomaticPaymentMethods | undefined {
  const automatic = readObject(params, 'automatic_payment_methods');
  if (!automatic) return undefined;
  assertKnownParams(automatic, ['enabled', 'allow_redirects']);
  const enabled = readBoolean(automatic, 'enabled');
  if (enabled === undefined) throw missingParam('automatic_payment_methods[enabled]');
  const allowRedirects = readEnum(automatic, 'allow_redirects', ['always', 'never']);
  return allowRedirects ? { enabled, allow_redirects: allowRedirects } : { enabled };
}

/** Stripe refuses to confirm without `return_url` when a redirect-based method could be chosen. */
export function mayRedirect(intent: Stripe.PaymentIntent): boolean {
  const automatic = intent.automatic_payment_methods;
  if (!automatic?.enabled || automatic.allow_redirects === 'never') return false;
  const allowed = intent.allowed_payment_method_types;
  return !allowed || allowed.some((type) => type !== 'card');
}
