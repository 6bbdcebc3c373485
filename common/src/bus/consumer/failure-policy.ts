import type { JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { isConnectionError, type Database } from '../../db/database';
import type { Envelope } from '../../events/contract';
import type { ConsumerMetrics } from '../../metrics/bus-metrics';
import { backoffDelay } from '../../retry/backoff';
import { isTransient } from '../../retry/transient';
import { RetryLaterError } from './definition';
import { describeError, FailureLedger } from './failures';
import type { Outcome, ProcessorOptions } from './message-processor';

const RETRY_LATER = { baseMs: 100, maxMs: 10_000 };
const TRANSIENT = { baseMs: 500, maxMs: 30_000 };
const FAILED = { baseMs: 200, maxMs: 30_000 };
const OVERDUE_MEMORY = 10_000;

/**
 * What becomes of a message that was not applied: retried later (a missing predecessor, infrastructure
 * away, a handler failure with attempts left) or dead-lettered (invalid, or out of attempts).
 */
export class FailurePolicy {
  private readonly ledger: FailureLedger;
  /** Events already reported as overdue by this instance (so each is reported once). */
  private readonly overdue = new Set<string>();

  constructor(
    private readonly name: string,
    database: Database,
    private readonly logger: Logger,
    private readonly metrics: ConsumerMetrics,
    private readonly options: Pick<ProcessorOptions, 'maxHandlerFailures' | 'predecessorAlertMs'>,
  ) {
    this.ledger = new FailureLedger(database.db, name);
  }

  /** The event was applied: it is no longer overdue. */
  applied(eventId: string): void {
    this.overdue.delete(eventId);
  }

  async failed(message: JsMsg, envelope: Envelope, err: unknown): Promise<Outcome> {
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
  unavailable(message: JsMsg, err: unknown, log: object): Outcome {
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

  async deadLetter(message: JsMsg, reason: string, eventId: string | undefined, attempts: number) {
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
