import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { ZodError } from 'zod';
import { isConnectionError, type Database, type Executor } from '../db/database';
import { envelopeSchema, type Contract, type Envelope, type EventData } from '../events/contract';
import type { Bus } from './bus';
import { deadLetters, processedEvents } from './schema';

export type EventHandler<C extends Contract> = (
  tx: Executor,
  data: EventData<C>,
  envelope: Envelope<EventData<C>>,
) => Promise<void>;

export interface ConsumerDefinition<C extends Contract = Contract> {
  readonly contract: C;
  readonly service: string;
  readonly handle: EventHandler<C>;
}

/** Declares a consumer: the bus supplies idempotency, ordering retries and dead letters. */
export function consumer<C extends Contract>(
  contract: C,
  service: string,
  handle: EventHandler<C>,
): ConsumerDefinition<C> {
  return { contract, service, handle };
}

/** Thrown by a handler that cannot apply the event yet (a predecessor is missing): nak and retry later. */
export class RetryLaterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/** The durable name, shared by every instance of a service so each message reaches one of them. */
export const durableName = (definition: ConsumerDefinition): string =>
  `${definition.service}_${definition.contract.subject.replace(/\./g, '_')}`;

const ACK_WAIT_MS = 30_000;
const MAX_NAK_DELAY_MS = 10_000;

export const redeliveryDelay = (deliveryCount: number): number =>
  Math.min(100 * 2 ** Math.max(0, deliveryCount - 1), MAX_NAK_DELAY_MS);

const describe = (err: unknown): string =>
  err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 2_000) : String(err).slice(0, 2_000);

/** A running durable pull consumer. */
export class EventConsumer<C extends Contract = Contract> {
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> = Promise.resolve();
  private stopping = false;
  readonly name: string;

  constructor(
    private readonly bus: Bus,
    private readonly database: Database,
    private readonly definition: ConsumerDefinition<C>,
    private readonly logger: Logger,
  ) {
    this.name = durableName(definition);
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
      // Unlimited on the server: the bound is ours, so the last delivery can be recorded as a dead letter.
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
    const messages = await consumer.consume({ max_messages: 64 });
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
          if (this.stopping) {
            message.nak();
            continue;
          }
          await this.process(message).catch((err) => {
            this.logger.error({ err, consumer: this.name }, 'message handling failed unexpectedly');
            message.nak(redeliveryDelay(message.info.deliveryCount));
          });
        }
      } catch (err) {
        this.logger.warn({ err, consumer: this.name }, 'consumer subscription failed');
      }
      if (this.stopping) break;
      // The iterator ended without close(): the consumer was deleted or the stream recreated. Start again.
      failures++;
      messages = undefined;
      this.logger.warn({ consumer: this.name }, 'consumer stopped unexpectedly, resubscribing');
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** failures, 10_000)));
      await this.ensureDurable().catch((err) =>
        this.logger.warn({ err, consumer: this.name }, 'recreating consumer failed'),
      );
    }
  }

  private async process(message: JsMsg): Promise<void> {
    const attempts = message.info.deliveryCount;
    const maxDeliveries = this.bus.options.maxDeliveries;
    const parsed = this.parse(message);
    if (!parsed.ok) return this.deadLetter(message, `invalid message: ${parsed.reason}`, undefined);
    const { envelope } = parsed;
    if (attempts > maxDeliveries) {
      return this.deadLetter(message, `exceeded ${maxDeliveries} deliveries`, envelope.id);
    }
    try {
      await this.database.db.transaction(async (tx) => {
        const fresh = await tx
          .insert(processedEvents)
          .values({ consumer: this.name, eventId: envelope.id })
          .onConflictDoNothing()
          .returning({ eventId: processedEvents.eventId });
        if (fresh.length === 0) return; // a duplicate delivery: already applied
        await this.definition.handle(tx, envelope.data, envelope);
      });
      message.ack();
    } catch (err) {
      const log = { err, consumer: this.name, eventId: envelope.id, attempts };
      if (attempts >= maxDeliveries && !isConnectionError(err)) {
        this.logger.error(log, 'event failed its last delivery');
        return this.deadLetter(message, describe(err), envelope.id);
      }
      if (err instanceof RetryLaterError) this.logger.debug(log, 'event not applicable yet, retrying');
      else this.logger.warn(log, 'event handler failed, retrying');
      message.nak(redeliveryDelay(attempts));
    }
  }

  private parse(
    message: JsMsg,
  ): { ok: true; envelope: Envelope<EventData<C>> } | { ok: false; reason: string } {
    let json: unknown;
    try {
      json = message.json();
    } catch {
      return { ok: false, reason: 'body is not JSON' };
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) return { ok: false, reason: `envelope: ${summarize(envelope.error)}` };
    if (envelope.data.subject !== this.definition.contract.subject) {
      return {
        ok: false,
        reason: `subject ${envelope.data.subject} does not match ${this.definition.contract.subject}`,
      };
    }
    const data = this.definition.contract.schema.safeParse(envelope.data.data);
    if (!data.success) return { ok: false, reason: `data: ${summarize(data.error)}` };
    return { ok: true, envelope: { ...envelope.data, data: data.data as EventData<C> } };
  }

  private async deadLetter(message: JsMsg, reason: string, eventId: string | undefined): Promise<void> {
    try {
      await this.database.db.insert(deadLetters).values({
        consumer: this.name,
        subject: message.subject,
        eventId: eventId ?? message.headers?.get('Nats-Msg-Id') ?? null,
        payload: message.string(),
        reason,
        attempts: message.info.deliveryCount,
      });
      // No reason argument: NATS 2.9 ignores a '+TERM <reason>' it cannot parse.
      message.term();
      this.logger.error({ consumer: this.name, eventId, reason }, 'message moved to dead_letters');
    } catch (err) {
      // Without the dead letter recorded, terminating would lose the message: let it come back.
      this.logger.error({ err, consumer: this.name }, 'could not record dead letter, retrying');
      message.nak(redeliveryDelay(message.info.deliveryCount));
    }
  }
}

function summarize(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
