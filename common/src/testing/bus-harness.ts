import type { Logger } from 'pino';
import type { Bus } from '../bus/bus';
import type { ConsumerOptions } from '../bus/consumer/consumer-options';
import type { ConsumerDefinition } from '../bus/consumer/definition';
import { EventConsumer } from '../bus/consumer/event-consumer';
import { outbox } from '../bus/outbox';
import { OutboxRelay, type RelayOptions } from '../bus/relay';
import type { Database } from '../db/database';
import type { Contract, EventData } from '../events/contract';
import type { TicketUpdated } from '../events/ticket-updated';
import { createLogger } from '../logging/logger';
import { createTestBus, EventRecorder } from './bus';
import { createMigratedDatabase } from './database';
import { ticketCreatedData } from './events';
import { forThisFile } from './for-this-file';

/** A valid ticket.updated payload for a listing nobody has bought; `overrides` set what a test looks at. */
export const ticketUpdatedData = (overrides: Partial<TicketUpdated> = {}): TicketUpdated => ({
  ...ticketCreatedData(),
  orderId: null,
  ...overrides,
});

interface Closable {
  close(): Promise<unknown> | unknown;
}

/** What a bus test runs on: a migrated database, a stream of its own and the outbox relay. */
export interface BusHarness {
  database: Database & { drop(): Promise<void>; url: string };
  bus: Bus & { destroy(): Promise<void> };
  relay: OutboxRelay;
  /** Starts a consumer on the harness's bus and database (silent unless given a logger); closed with it. */
  consume<C extends Contract>(
    definition: ConsumerDefinition<C>,
    options?: Partial<ConsumerOptions> & { logger?: Logger },
  ): Promise<EventConsumer<C>>;
  /**
   * Adds an event to the outbox in a transaction that then throws, as a broken business rule would; resolves
   * once it rolled back with that error, and throws if it did not.
   */
  rollBack<C extends Contract>(contract: C, data: EventData<C>): Promise<void>;
  /** Something the test opened on the harness (a pool, another relay): closed first, last added first. */
  closeWith(...closables: Closable[]): void;
  close(): Promise<void>;
}

export interface BusHarnessOptions {
  /** The relay's logger and the consumers' unless they are given theirs; silent by default. */
  logger?: Logger;
  relay?: RelayOptions;
  /** With an EventRecorder of every event on the harness's subjects, started before the relay. */
  record?: boolean;
}

/** The harness a test asked for: with `record: true`, its recorder. */
export type BusHarnessOf<O extends BusHarnessOptions> = BusHarness &
  (O extends { record: true } ? { recorder: EventRecorder } : unknown);

export async function startBusHarness<O extends BusHarnessOptions>(
  label: string,
  options: O = {} as O,
): Promise<BusHarnessOf<O>> {
  const { logger = createLogger('test', 'silent'), relay, record } = options;
  const database = await createMigratedDatabase(label);
  const bus = await createTestBus();
  const recorder = record ? await EventRecorder.start(bus.options.url, bus.options.subjectPrefix) : undefined;
  const closing: Closable[] = [];
  const consumers: EventConsumer[] = [];
  const outboxRelay = new OutboxRelay(bus, database, logger, relay);
  const harness: BusHarness = {
    database,
    bus,
    relay: outboxRelay,
    async consume(definition, { logger: consumerLogger = logger, ...consumerOptions } = {}) {
      const consumer = new EventConsumer(bus, database, definition, consumerLogger, consumerOptions);
      consumers.push(await consumer.start());
      return consumer;
    },
    async rollBack(contract, data) {
      const broken = new Error('business rule failed');
      const outcome = await database.db
        .transaction(async (tx) => {
          await outbox.add(tx, contract, data);
          throw broken;
        })
        .then(
          () => new Error('the transaction committed'),
          (err: unknown) => err,
        );
      if (outcome !== broken) throw outcome;
    },
    closeWith: (...closables) => void closing.push(...closables),
    async close() {
      for (const c of closing.reverse()) await c.close();
      for (const c of consumers) await c.close();
      await outboxRelay.close();
      await recorder?.close();
      await bus.destroy();
      await database.drop();
    },
  };
  return Object.assign(harness, recorder && { recorder }) as BusHarnessOf<O>;
}

/** The harness for one test file: started before its tests, closed after them. */
export const busHarnessForThisFile = <O extends BusHarnessOptions>(label: string, options: O = {} as O) =>
  forThisFile(() => startBusHarness(label, options));
