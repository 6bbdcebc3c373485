import { consumer, paymentRefunded } from '@ticketing/common';
import { applyPaymentRefunded } from '../domain/void-etickets';

export const onPaymentRefunded = consumer(paymentRefunded, 'orders', applyPaymentRefunded);
