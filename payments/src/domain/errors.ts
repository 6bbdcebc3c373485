import {
  AppError,
  BadRequestError,
  ConflictError,
  defineError,
  ServiceUnavailableError,
} from '@ticketing/common';

/** 402: the provider refused the charge; the order stays open for another card. Candidate for common. */
export class PaymentRequiredError extends AppError {
  readonly status = 402;

  constructor(
    message: string,
    readonly code: string = 'payment_required',
  ) {
    super(message);
  }
}

export class OrderNotPayableError extends defineError(ConflictError, { code: 'order_not_payable' }) {}

export class AlreadyPaidError extends defineError(ConflictError, {
  code: 'already_paid',
  message: 'This order is already paid',
}) {}

/** Another charge attempt for this order is in flight: one at a time, so a buyer is never charged twice. */
export class PaymentInProgressError extends defineError(ConflictError, {
  code: 'payment_in_progress',
  message: 'A payment for this order is already in progress',
}) {}

export class UnknownPaymentMethodError extends defineError(BadRequestError, {
  code: 'invalid_payment_method',
  field: 'paymentMethodId',
}) {}

export class InvalidWebhookSignatureError extends defineError(BadRequestError, {
  code: 'invalid_signature',
  message: 'Missing or invalid Stripe-Signature',
}) {}

/** The order is not in the replica yet: Stripe retries non-2xx webhooks, so it comes back later. */
export class OrderNotReplicatedError extends defineError(ServiceUnavailableError, {
  message: (orderId: string) => `Order ${orderId} is not known yet, retry later`,
}) {}

export class PaymentProviderUnavailableError extends defineError(ServiceUnavailableError, {
  message: 'The payment provider is unavailable, try again shortly',
}) {}

/** The order's amount is one the provider refuses (common/src/money): answered before Stripe is asked. */
export class AmountNotChargeableError extends defineError(BadRequestError, {
  code: 'amount_not_chargeable',
}) {}

/** Only a payment that went through and was not refunded already can be refunded by an admin. */
export class PaymentNotRefundableError extends defineError(ConflictError, {
  code: 'payment_not_refundable',
  message: 'This payment is being refunded or was refunded already',
}) {}
