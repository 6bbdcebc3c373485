export * from './contract';
export * from './shared';
export * from './splits';
export * from './ticket-created';
export * from './ticket-updated';
export * from './ticket-reservation-rejected';
export * from './order-created';
export * from './order-cancelled';
export * from './order-completed';
export * from './order-etickets-issued';
export * from './expiration-complete';
export * from './payment-created';
export * from './payment-refunded';
export * from './user-registered';
export * from './user-password-reset-requested';
export * from './user-email-verification-requested';

import { expirationComplete } from './expiration-complete';
import { orderCancelled } from './order-cancelled';
import { orderCompleted } from './order-completed';
import { orderCreated } from './order-created';
import { orderEticketsIssued } from './order-etickets-issued';
import { paymentCreated } from './payment-created';
import { paymentRefunded } from './payment-refunded';
import { ticketCreated } from './ticket-created';
import { ticketReservationRejected } from './ticket-reservation-rejected';
import { ticketUpdated } from './ticket-updated';
import { userEmailVerificationRequested } from './user-email-verification-requested';
import { userPasswordResetRequested } from './user-password-reset-requested';
import { userRegistered } from './user-registered';

/** Every v1 contract, by subject. */
export const contracts = {
  ticketCreated,
  ticketUpdated,
  ticketReservationRejected,
  orderCreated,
  orderCancelled,
  orderCompleted,
  orderEticketsIssued,
  expirationComplete,
  paymentCreated,
  paymentRefunded,
  userRegistered,
  userPasswordResetRequested,
  userEmailVerificationRequested,
} as const;

export const subjects = Object.fromEntries(Object.entries(contracts).map(([k, c]) => [k, c.subject])) as {
  [K in keyof typeof contracts]: (typeof contracts)[K]['subject'];
};

/** The stream's subject families (docs/events.md). */
export const STREAM_SUBJECT_FAMILIES = ['ticket', 'order', 'payment', 'expiration', 'user'] as const;
export * from './envelope';
