import type { JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { isConnectionError, type Database } from '../../db/database';
import type { Contract, Envelope, EventData } from '../../events/contract';
import { withCorrelationId } from '../../logging/correlation';
import { backoffDelay } from '../../retry/backoff';
import { isTransient } from '../../retry/transient';
import { unscrapedBusMetrics, type BusMetrics, type ConsumerMetrics } from '../../metrics/bus-metrics';
import { applyOnce } from './apply-once';
import { RetryLaterError, type ConsumerDefinition } from './definition';
import { describeError, FailureLedger } from './failures';
import { parseMessage, type Parsed } from './parse';

export interface ProcessorOptions {
  /** Non-transient handler failures of one event before it is dead-lettered. */
  maxHandlerFailures: number;
  /** A wait for a predecessor longer than this is logged at error level and counted (once per event). */
  predecessorAlertMs: number;
  /** How long JetStream waits for an ack; a longer handler tells it that it is still working. */
  ackWaitMs: number;
  metrics?: BusMetrics;
}

/** What became of a message; `database-unavailable` tells the consumer to stop pulling until it is back. */
export type Outcome = 'acked' | 'retrying' | 'dead-lettered' | 'database-unavailable';

const RETRY_LATER = { baseMs: 100, maxMs: 10_000 };
const TRANSIENT = { baseMs: 500, maxMs: 30_000 };
const FAILED = { baseMs: 200, maxMs: 30_000 };
const OVERDUE_MEMORY = 10_000;

/** One message: parse → apply once → ack; or decide between retrying and dead-lettering. */
export class MessageProcessor<C extends Contract = Contract> {
  private readonly ledger: FailureLedger;
  /** Events already reported as overdue by this instance (so each is reported once). */
  private readonly overdue = new Set<string>();
  private readonly metrics: ConsumerMetrics;

  constructor(
    private readonly name: string,
    private readonly database: Database,
    private readonly definition: ConsumerDefinition<C>,
    private readonly logger: Logger,
    private readonly options: ProcessorOptions,
  ) {
    this.ledger = new FailureLedger(database.db, name);
    this.metrics = (options.metrics ?? unscrapedBusMetrics()).consumer(name, definition.contract.subject);
  }

  /**
   * Several messages (in order, of one lane) in one transaction, acked together after its commit. If any
   * fails, the transaction rolls back and each is processed on its own, so a failure is judged alone.
   */
  async processBatch(items: Array<{ message: JsMsg; parsed: Parsed<C> }>): Promise<Outcome[]> {
    const valid = items.flatMap(({ message, parsed }) =>
      parsed.ok ? [{ message, envelope: parsed.envelope }] : [],
    );
    if (items.length > 1 && valid.length === items.length) {
      try {
        const envelopes = valid.map((v) => v.envelope);
        const redelivered = valid.filter((v) => v.message.info.deliveryCount > 1).map((v) => v.envelope.id);
        const timed = this.metrics.timeHandler();
        await applyOnce(this.database.db, this.name, envelopes, this.definition, redelivered);
        timed();
        this.metrics.processed(valid.length);
        for (const { message, envelope } of valid) {
          message.ack();
          this.overdue.delete(envelope.id);
        }
        return items.map(() => 'acked');
      } catch {
        // Judged one by one below.
      }
    }
    const outcomes: Outcome[] = [];
    for (const { message, parsed } of items) {
      if (outcomes.includes('database-unavailable')) {
        message.nak();
        this.metrics.retried('unavailable');
        outcomes.push('retrying');
      } else outcomes.push(await this.process(message, parsed));
    }
    return outcomes;
  }

  async process(message: JsMsg, parsed = parseMessage(message, this.definition.contract)): Promise<Outcome> {
    if (!parsed.ok) return this.deadLetter(message, `invalid message: ${parsed.reason}`, undefined, 1);
    const { envelope } = parsed;
    // Everything logged or emitted while handling it carries the correlation id of what caused it.
    return withCorrelationId(envelope.correlationId, () => this.apply(message, envelope));
  }

  private async apply(message: JsMsg, envelope: Envelope<EventData<C>>): Promise<Outcome> {
    const keepAlive = setInterval(() => message.working(), this.options.ackWaitMs / 3);
    try {
      const redelivered = message.info.deliveryCount > 1 ? [envelope.id] : [];
      const timed = this.metrics.timeHandler();
      await applyOnce(this.database.db, this.name, [envelope], this.definition, redelivered);
      timed();
      message.ack();
      this.metrics.processed(1);
      this.overdue.delete(envelope.id);
      this.logger.debug({ consumer: this.name, eventId: envelope.id }, 'event handled');
      return 'acked';
    } catch (err) {
      return this.failed(message, envelope, err);
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async failed(message: JsMsg, envelope: Envelope, err: unknown): Promise<Outcome> {
    const delivery = message.info.deliveryCount;
    const log = { err, consumer: this.name, eventId: envelope.id, delivery };
    if (err instanceof RetryLaterError) {
      this.reportIfOverdue(message, envelope, err);
      message.nak(backoffDelay(delivery, RETRY_LATER));
      this.metrics.retried('predecessor');
      return 'retrying';
    }
    if (isTransient(err)) return this.unavailable(message, err, log);
    let attempts: number;
    try {
      attempts = await this.ledger.record(envelope.id, err);
    } catch (recordErr) {
      return this.unavailable(message, recordErr, log);
    }
    this.metrics.handlerFailed();
    if (attempts >= this.options.maxHandlerFailures) {
      this.logger.error({ ...log, attempts }, 'event handler failed its last allowed time');
      return this.deadLetter(message, describeError(err), envelope.id, attempts);
    }
    this.logger.warn({ ...log, attempts }, 'event handler failed, retrying');
    message.nak(backoffDelay(attempts, FAILED));
    this.metrics.retried('failed');
    return 'retrying';
  }

  /** Infrastructure is away: retry with backoff, count nothing; the database being away pauses the consumer. */
  private unavailable(message: JsMsg, err: unknown, log: object): Outcome {
    const databaseDown = isConnectionError(err);
    this.logger.warn({ ...log, err }, databaseDown ? 'database unavailable' : 'dependency unavailable');
    message.nak(backoffDelay(message.info.deliveryCount, TRANSIENT));
    this.metrics.retried('unavailable');
    return databaseDown ? 'database-unavailable' : 'retrying';
  }

  private reportIfOverdue(message: JsMsg, envelope: Envelope, err: Error) {
    const waitedMs = Date.now() - Number(message.info.timestampNanos) / 1e6;
    if (waitedMs < this.options.predecessorAlertMs || this.overdue.has(envelope.id)) {
      this.logger.debug({ consumer: this.name, eventId: envelope.id }, err.message);
      return;
    }
    if (this.overdue.size >= OVERDUE_MEMORY) this.overdue.clear();
    this.overdue.add(envelope.id);
    this.metrics.predecessorOverdue();
    this.logger.error(
      { consumer: this.name, eventId: envelope.id, waitedMs, reason: err.message },
      'event still waiting for its predecessor; it keeps waiting',
    );
  }

  private async deadLetter(message: JsMsg, reason: string, eventId: string | undefined, attempts: number) {
    try {
      await this.ledger.deadLetter(message, reason, eventId, attempts);
    } catch (err) {
      // Without the dead letter recorded, terminating would lose the message: let it come back.
      return this.unavailable(message, err, { consumer: this.name, eventId });
    }
    // No reason argument: NATS 2.9 ignores a '+TERM <reason>' it cannot parse.
    message.term();
    this.overdue.delete(eventId ?? '');
    this.metrics.deadLettered();
    this.logger.error({ consumer: this.name, eventId, reason }, 'message moved to dead_letters');
    return 'dead-lettered' as const;
  }
}
