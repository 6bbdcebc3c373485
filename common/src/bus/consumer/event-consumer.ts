import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import type { Contract } from '../../events/contract';
import { backoffDelay } from '../../retry/backoff';
import type { Bus } from '../bus';
import { durableName, type ConsumerDefinition } from './definition';
import { KeyedLanes } from './lanes';
import { MessageProcessor, type Outcome, type ProcessorOptions } from './message-processor';
import { parseMessage, type Parsed } from './parse';

type Item<C extends Contract> = { message: JsMsg; parsed: Parsed<C> };

export type ConsumerOptions = Omit<ProcessorOptions, 'ackWaitMs'> & {
  /** Lanes working in parallel (each its own transaction); one key's messages always share a lane. */
  concurrency: number;
};

export const DEFAULT_CONSUMER_OPTIONS: ConsumerOptions = {
  maxHandlerFailures: 5,
  predecessorAlertMs: 60_000,
  concurrency: 4,
};

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
  readonly name: string;

  constructor(
    private readonly bus: Bus,
    private readonly database: Database,
    private readonly definition: ConsumerDefinition<C>,
    private readonly logger: Logger,
    options: { [K in keyof ConsumerOptions]?: ConsumerOptions[K] | undefined } = {},
  ) {
    this.name = durableName(definition);
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
    await this.ensureDurable();
    this.messages = await this.subscribe();
    this.loop = this.run(this.messages);
    return this;
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.messages?.close();
    await this.loop;
  }

  private async ensureDurable(): Promise<void> {
    const { jsm, options } = this.bus;
    const config = {
      filter_subject: this.bus.subject(this.definition.contract.subject),
      ack_wait: nanos(ACK_WAIT_MS),
      // Unlimited: JetStream never drops a message on its own; the bus decides what is dead-lettered.
      max_deliver: -1,
    };
    const exists = await jsm.consumers.info(options.stream, this.name).then(
      () => true,
      () => false,
    );
    if (exists) await jsm.consumers.update(options.stream, this.name, config);
    else
      await jsm.consumers.add(options.stream, {
        ...config,
        durable_name: this.name,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
      });
  }

  private async subscribe(): Promise<ConsumerMessages> {
    const consumer = await this.bus.js.consumers.get(this.bus.options.stream, this.name);
    const messages = await consumer.consume({ max_messages: MAX_QUEUED });
    // Left alone, consume() waits forever for a deleted consumer; end it so run() recreates the durable.
    void (async () => {
      for await (const status of messages.status()) {
        if (status.type === 'consumer_deleted' || status.type === 'consumer_not_found') {
          this.logger.warn({ consumer: this.name, status: status.type }, 'durable consumer gone');
          await messages.close();
          break;
        }
      }
    })();
    return messages;
  }

  private async run(first: ConsumerMessages): Promise<void> {
    let messages: ConsumerMessages | undefined = first;
    let failures = 0;
    while (!this.stopping) {
      try {
        messages ??= this.messages = await this.subscribe();
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
      await this.ensureDurable().catch((err) =>
        this.logger.warn({ err, consumer: this.name }, 'recreating consumer failed'),
      );
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
