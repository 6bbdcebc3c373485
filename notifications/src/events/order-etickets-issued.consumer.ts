import { consumer, orderEticketsIssued } from '@ticketing/common';
import { confirmOrder } from '../domain/confirm-order';
import type { MailDeps } from '../domain/links';

export const onEticketsIssued = (deps: MailDeps) =>
  consumer(orderEticketsIssued, 'notifications', (tx, issued) => confirmOrder(tx, deps, issued));
