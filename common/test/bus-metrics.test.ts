import { sql } from 'drizzle-orm';
import request from 'supertest';
import {
  consumer,
  loadConfig,
  outbox,
  serviceConfigSchema,
  ticketCreated,
  type ServiceDefinition,
  type TicketCreated,
} from '../src';
import {
  parseMetrics,
  startNatsServer,
  startTestService,
  ticketCreatedData,
  waitFor,
  type OwnNats,
  type TestService,
} from '../src/testing';

// A service of its own with one consumer, on a nats-server of the test's own (so it can be stopped), read
// only through GET /metrics, as Prometheus reads it.
const needs = { bus: true, redis: true } as const;
const schema = serviceConfigSchema(needs, {});
type Config = ReturnType<typeof schema.parse>;

let releaseHeld: () => void = () => undefined;
const definition: ServiceDefinition<Config> = {
  name: 'metered',
  needs,
  migrationsDir: null,
  wire: () => ({
    consumers: [
      consumer(ticketCreated, 'metered', async (tx, ticket) => {
        if (ticket.title === 'poison')
          throw new TypeError("Cannot read properties of undefined (reading 'x')");
        if (ticket.title === 'held') await new Promise<void>((resolve) => (releaseHeld = resolve));
        await tx.execute(sql`select 1`);
      }),
    ],
  }),
};
const CONSUMER = { consumer: 'metered_ticket_created_v1', subject: ticketCreated.subject };

let nats: OwnNats;
let service: TestService<Config>;

const scrape = async () => parseMetrics((await request(service.app).get('/metrics').expect(200)).text);
const listing = (title: string): TicketCreated => ({ ...ticketCreatedData(), title });

beforeAll(async () => {
  nats = await startNatsServer();
  service = await startTestService(definition, (env) => loadConfig(schema, env), {
    NATS_URL: nats.url,
    BUS_MAX_HANDLER_FAILURES: '2',
  });
});

afterAll(async () => {
  await service?.close();
  await nats?.destroy();
});

test('when the service runs, then /metrics shows its pool, its NATS and Redis connections up and an empty outbox', async () => {
  const metrics = await scrape();
  expect(metrics.value('pg_pool_connections')).toBeGreaterThanOrEqual(1);
  expect(metrics.value('pg_pool_idle_connections')).toBeGreaterThanOrEqual(0);
  expect(metrics.value('pg_pool_waiting_clients')).toBe(0);
  expect(metrics.value('nats_connection_up')).toBe(1);
  expect(metrics.value('redis_connection_up', { connection: 'shared' })).toBe(1);
  expect(metrics.value('outbox_pending_events', { service: 'metered' })).toBe(0);
  expect(metrics.value('outbox_oldest_pending_age_seconds')).toBe(0);
  expect(metrics.value('bus_dead_letters_open')).toBe(0);
});

test('when an event is handled, then processed and the handler duration count it', async () => {
  await service.bus.publish(ticketCreated, listing('fine'));
  await waitFor(async () => (await scrape()).value('bus_events_processed_total', CONSUMER) === 1);
  expect((await scrape()).value('bus_handler_duration_seconds_count', CONSUMER)).toBe(1);
});

test('when a message’s handler keeps throwing, then its failures, retry and dead letter are counted and it stays open', async () => {
  await service.bus.publish(ticketCreated, listing('poison'));
  await waitFor(async () => (await scrape()).value('bus_dead_lettered_total', CONSUMER) === 1, {
    timeoutMs: 20_000,
  });
  const metrics = await scrape();
  expect(metrics.value('bus_handler_failures_total', CONSUMER)).toBe(2);
  expect(metrics.value('bus_events_retried_total', { ...CONSUMER, reason: 'failed' })).toBe(1);
  // Read from the database at scrape time, at most a second old.
  await waitFor(async () => (await scrape()).value('bus_dead_letters_open') === 1);
});

test('when a handler is still working on a message, then JetStream’s ack-pending count shows it until it is done', async () => {
  await service.bus.publish(ticketCreated, listing('held'));
  await waitFor(async () => (await scrape()).value('bus_consumer_ack_pending_messages', CONSUMER) === 1, {
    timeoutMs: 20_000,
  });
  releaseHeld();
  await waitFor(
    async () => {
      const metrics = await scrape();
      return (
        metrics.value('bus_consumer_ack_pending_messages', CONSUMER) === 0 &&
        metrics.value('bus_consumer_pending_messages', CONSUMER) === 0
      );
    },
    { timeoutMs: 20_000 },
  );
});

test('when NATS is unreachable, then the outbox backlog, its age and the failed publishes show, and drain to 0 after', async () => {
  const published = (await scrape()).value('outbox_published_total') ?? 0;
  await nats.stop();
  for (let i = 0; i < 3; i++) {
    await service.database.db.transaction((tx) => outbox.add(tx, ticketCreated, listing(`waiting ${i}`)));
  }
  await waitFor(
    async () => {
      const metrics = await scrape();
      return (
        metrics.value('outbox_pending_events') === 3 &&
        metrics.value('outbox_oldest_pending_age_seconds')! > 0 &&
        metrics.value('nats_connection_up') === 0 &&
        metrics.value('outbox_publish_failures_total')! >= 1
      );
    },
    { timeoutMs: 30_000 },
  );

  await nats.start();
  await waitFor(
    async () => {
      const metrics = await scrape();
      return (
        metrics.value('outbox_pending_events') === 0 &&
        metrics.value('outbox_oldest_pending_age_seconds') === 0 &&
        metrics.value('nats_connection_up') === 1
      );
    },
    { timeoutMs: 30_000 },
  );
  expect((await scrape()).value('outbox_published_total')).toBeGreaterThanOrEqual(published + 3);
}, 90_000);
