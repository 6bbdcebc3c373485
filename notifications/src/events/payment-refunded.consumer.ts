import { consumer, paymentRefunded } from '@ticketing/common';
import { announceRefund } from '../domain/announce-refund';
import type { MailDeps } from '../domain/links';

export const onPaymentRefunded = (deps: MailDeps) =>
  consumer(paymentRefunded, 'notifications', (tx, refund) => announceRefund(tx, deps, refund));
