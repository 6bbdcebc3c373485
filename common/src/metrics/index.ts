import { HTTP_METRICS } from '../http/metrics';
import { BUS_METRICS } from './bus-metrics';
import { BUS_STATE_METRICS } from './bus-state';
import { CONNECTION_METRICS } from './connections';
import type { MetricSpec } from './spec';

export type { Registry } from 'prom-client';
export * from './spec';
export * from './scraped';
export * from './bus-metrics';
export * from './bus-state';
export * from './connections';
export * from './service-metrics';

/** Every metric common defines; services add their own (payments' refunds, expiration's queue). */
export const COMMON_METRICS: MetricSpec[] = [
  HTTP_METRICS,
  BUS_METRICS,
  BUS_STATE_METRICS,
  CONNECTION_METRICS,
].flatMap((group) => Object.values(group) as MetricSpec[]);
