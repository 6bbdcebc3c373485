/** Shared by the bus bench's phases: the events it sends and how timings become figures. */
import { randomUUID } from 'node:crypto';
import { createEnvelope, createLogger, ticketCreated } from '@ticketing/common';

export const logger = createLogger('bench', 'silent');
/** Publishes awaited, and outbox rows inserted, at once. */
export const WINDOW = 1_000;
const eventDate = new Date(Date.now() + 86_400_000).toISOString();
export const payloadOf = (i: number) =>
  createEnvelope(ticketCreated, {
    id: randomUUID(),
    version: 0,
    title: `Bench ${i}`,
    venue: 'Hall',
    eventDate,
    priceCents: 1_000 + i,
    currency: 'usd',
    sellerId: randomUUID(),
    status: 'available',
  });

export const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1_000);

/** This process's CPU (user + system) per event since `since`: less swayed by a busy machine than rates. */
export const cpuMicrosPerEvent = (since: NodeJS.CpuUsage, events: number) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / events);
};

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
