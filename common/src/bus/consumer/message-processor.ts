import type { JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import type { Contract, Envelope, EventData } from '../../events/contract';
import { withCorrelationId } from '../../logging/correlation';
import { unscrapedBusMetrics, type BusMetrics, type ConsumerMetrics } from '../../metrics/bus-metrics';
import { applyOnce } from './apply-once';
import type { ConsumerDefinition } from './definition';
import { FailurePolicy } from './failure-policy';
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

/** One message (or a lane's batch): parse → apply once → ack; a failure is judged by the FailurePolicy. */
export class MessageProcessor<C extends Contract = Contract> {
  private readonly metrics: ConsumerMetrics;
  private readonly failures: FailurePolicy;

  constructor(
    private readonly name: string,
    private readonly database: Database,
    private readonly definition: ConsumerDefinition<C>,
    private readonly logger: Logger,
    private readonly options: ProcessorOptions,
  ) {
    this.metrics = (options.metrics ?? unscrapedBusMetrics()).consumer(name, definition.contract.subject);
    this.failures = new FailurePolicy(name, database, logger, this.metrics, options);
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
          this.failures.applied(envelope.id);
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
    if (!parsed.ok)
      return this.failures.deadLetter(message, `invalid message: ${parsed.reason}`, undefined, 1);
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
      this.failures.applied(envelope.id);
      this.logger.debug({ consumer: this.name, eventId: envelope.id }, 'event handled');
      return 'acked';
    } catch (err) {
      return this.failures.failed(message, envelope, err);
    } finally {
      clearInterval(keepAlive);
    }
  }
}
