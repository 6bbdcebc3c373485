import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import type { Contract } from '../../events/contract';
import { backoffDelay } from '../../retry/backoff';
import type { Bus } from '../bus';
import { DEFAULT_CONSUMER_OPTIONS, type ConsumerOptions } from './consumer-options';
import { durableName, type ConsumerDefinition } from './definition';
import { Durable } from './durable';
import { KeyedLanes } from './lanes';
import { MessageProcessor, type Outcome } from './message-processor';
import { parseMessage, type Parsed } from './parse';

type Item<C extends Contract> = { message: JsMsg; parsed: Parsed<C> };

/** Messages of one lane applied in one transaction at most; messages pulled and not yet applied at most. */
const BATCH_SIZE = 64;
const MAX_QUEUED = 512;

const ACK_WAIT_MS = 30_000;
const RESUBSCRIBE = { baseMs: 250, maxMs: 10_000 };
const PROBE = { baseMs: 250, maxMs: 5_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A running durable pull consumer: subscribes, hands each message to its processor, stops pulling while
 * the database is away (resuming by itself once a probe succeeds), and recreates its durable if deleted.
 */
export class EventConsumer<C extends Contract = Contract> {
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> = Promise.resolve();
  private stopping = false;
  private paused = false;
  private readonly processor: MessageProcessor<C>;
  private readonly lanes: KeyedLanes<Item<C>>;
  private readonly durable: Durable;
  readonly name: string;

  constructor(
    bus: Bus,
    private readonly database: Database,
    private readonly definition: ConsumerDefinition<C>,
    private readonly logger: Logger,
    options: { [K in keyof ConsumerOptions]?: ConsumerOptions[K] | undefined } = {},
  ) {
    this.name = durableName(definition);
    this.durable = new Durable(bus, this.name, definition.contract.subject, logger, {
      ackWaitMs: ACK_WAIT_MS,
      maxMessages: MAX_QUEUED,
    });
    this.processor = new MessageProcessor(this.name, database, definition, logger, {
      maxHandlerFailures: options.maxHandlerFailures ?? DEFAULT_CONSUMER_OPTIONS.maxHandlerFailures,
      predecessorAlertMs: options.predecessorAlertMs ?? DEFAULT_CONSUMER_OPTIONS.predecessorAlertMs,
      metrics: options.metrics,
      ackWaitMs: ACK_WAIT_MS,
    });
    const lanes = options.concurrency ?? DEFAULT_CONSUMER_OPTIONS.concurrency;
    this.lanes = new KeyedLanes(lanes, BATCH_SIZE, MAX_QUEUED, (batch) => this.work(batch));
  }

  async start(): Promise<this> {
    await this.durable.ensure();
    this.messages = await this.durable.pull();
    this.loop = this.run(this.messages);
    return this;
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.messages?.close();
    await this.loop;
  }

  private async run(first: ConsumerMessages): Promise<void> {
    let messages: ConsumerMessages | undefined = first;
    let failures = 0;
    while (!this.stopping) {
      try {
        messages ??= this.messages = await this.durable.pull();
        for await (const message of messages) {
          failures = 0;
          await this.handle(message, messages);
        }
      } catch (err) {
        this.logger.warn({ err, consumer: this.name }, 'consumer subscription failed');
      }
      messages = undefined;
      // What was pulled is applied (or, once paused or closing, handed back) before anything else.
      await this.lanes.idle();
      if (this.stopping) break;
      if (this.paused) {
        await this.waitForDatabase();
        continue;
      }
      // The iterator ended without close(): the consumer was deleted or the stream recreated. Start again.
      failures++;
      this.logger.warn({ consumer: this.name }, 'consumer stopped unexpectedly, resubscribing');
      await sleep(backoffDelay(failures, RESUBSCRIBE));
      await this.durable
        .ensure()
        .catch((err) => this.logger.warn({ err, consumer: this.name }, 'recreating consumer failed'));
    }
  }

  /** Into the lane of its aggregate (the contract's key): that key's messages stay in order. */
  private async handle(message: JsMsg, messages: ConsumerMessages): Promise<void> {
    if (this.stopping || this.paused) return message.nak();
    const parsed = parseMessage(message, this.definition.contract);
    const key = parsed.ok ? this.definition.contract.key(parsed.envelope.data) : '';
    await this.lanes.push(key, { message, parsed });
    if (this.paused) {
      // Not awaited: close() settles when this very iteration ends. What is buffered comes back as nak.
      void messages.close().catch(() => undefined);
    }
  }

  private async work(batch: Array<Item<C>>): Promise<void> {
    // Pulled before the pause or the close: back to the stream untouched, for whoever pulls next.
    if (this.stopping || this.paused) return void batch.forEach(({ message }) => message.nak());
    const outcomes = await this.processor.processBatch(batch).catch((err: unknown) => {
      this.logger.error({ err, consumer: this.name }, 'message handling failed unexpectedly');
      batch.forEach(({ message }) => message.nak(backoffDelay(message.info.deliveryCount, RESUBSCRIBE)));
      return [] as Outcome[];
    });
    if (outcomes.includes('database-unavailable') && !this.paused) {
      this.paused = true;
      this.logger.warn({ consumer: this.name }, 'database unavailable: consumer paused');
      void this.messages?.close().catch(() => undefined);
    }
  }

  /** Stops pulling until the database answers again: nothing is attempted, so nothing counts as failed. */
  private async waitForDatabase(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      await sleep(backoffDelay(attempt, PROBE));
      try {
        await this.database.pool.query('select 1');
        this.paused = false;
        this.logger.info({ consumer: this.name }, 'database back: consumer resumed');
        return;
      } catch {
        // still away
      }
    }
  }
}
