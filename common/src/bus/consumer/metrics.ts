import { Counter, type Registry } from 'prom-client';

export interface BusMetrics {
  predecessorOverdue: Counter<'consumer'>;
  handlerFailures: Counter<'consumer'>;
  deadLettered: Counter<'consumer'>;
}

/** The consumers' counters, on the service's registry (served at /metrics). One set per registry. */
export function createBusMetrics(registry: Registry): BusMetrics {
  const counter = (name: string, help: string) =>
    new Counter({ name, help, labelNames: ['consumer'] as const, registers: [registry] });
  return {
    predecessorOverdue: counter(
      'bus_predecessor_overdue_total',
      'Events still waiting for their predecessor after BUS_PREDECESSOR_ALERT_MS (each counted once)',
    ),
    handlerFailures: counter(
      'bus_handler_failures_total',
      'Non-transient handler failures counted towards dead-lettering',
    ),
    deadLettered: counter('bus_dead_lettered_total', 'Messages moved to dead_letters'),
  };
}
