import { AppError, BadRequestError, ConflictError, ServiceUnavailableError } from '@ticketing/common';

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

export class OrderNotPayableError extends ConflictError {
  override readonly code = 'order_not_payable';
}

export class AlreadyPaidError extends ConflictError {
  override readonly code = 'already_paid';

  constructor() {
    super('This order is already paid');
  }
}

/** Another charge attempt for this order is in flight: one at a time, so a buyer is never charged twice. */
export class PaymentInProgressError extends ConflictError {
  override readonly code = 'payment_in_progress';

  constructor() {
    super('A payment for this order is already in progress');
  }
}

export class UnknownPaymentMethodError extends BadRequestError {
  override readonly code = 'invalid_payment_method';

  constructor(message: string) {
    super(message, 'paymentMethodId');
  }
}

export class InvalidWebhookSignatureError extends BadRequestError {
  override readonly code = 'invalid_signature';

  constructor() {
    super('Missing or invalid Stripe-Signature');
  }
}

/** The order is not in the replica yet: Stripe retries non-2xx webhooks, so it comes back later. */
export class OrderNotReplicatedError extends ServiceUnavailableError {
  constructor(orderId: string) {
    super(`Order ${orderId} is not known yet, retry later`);
  }
}

export class PaymentProviderUnavailableError extends ServiceUnavailableError {
  constructor() {
    super('The payment provider is unavailable, try again shortly');
  }
}

/** The order's amount is one the provider refuses (common/src/money): answered before Stripe is asked. */
export class AmountNotChargeableError extends BadRequestError {
  override readonly code = 'amount_not_chargeable';
}

/** Only a payment that went through and was not refunded already can be refunded by an admin. */
export class PaymentNotRefundableError extends ConflictError {
  override readonly code = 'payment_not_refundable';

  constructor() {
    super('This payment is being refunded or was refunded already');
  }
}
