import { createHash } from 'node:crypto';
import {
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { connect, headers as natsHeaders, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { createEnvelope, type EnvelopeOptions } from '../events/envelope';
import type { Contract, EventData } from '../events/contract';
import { STREAM_SUBJECT_FAMILIES } from '../events';
import { currentTraceContext, publishTraced } from '../tracing/bus-context';
import { natsServer } from './nats-url';

export interface BusOptions {
  url: string;
  stream: string;
  /** Prepended to every subject ("" in deployments; unique per test run). */
  subjectPrefix: string;
  /** Connection name shown by the NATS server. */
  name: string;
  /** Stream replicas (1 on a single server; 3 on a JetStream cluster). */
  replicas?: number;
}

/** JetStream drops a second publish with the same Nats-Msg-Id within this window (the stream's setting). */
export const DUPLICATE_WINDOW_MS = 2 * 60_000;

/** One NATS connection with JetStream: stream setup, publishing; relay and consumers build on it. */
export class Bus {
  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly options: BusOptions,
    readonly logger: Logger,
  ) {}

  static async connect(options: BusOptions, logger: Logger): Promise<Bus> {
    const nc = await connect({
      ...natsServer(options.url),
      name: options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
      // An async stack trace per request costs more than the publish itself (the relay's hot path).
      noAsyncTraces: true,
    });
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type === 'disconnect' || status.type === 'reconnect')
          logger.warn({ nats: status.type }, 'nats connection');
      }
    })();
    const jsm = await jetstreamManager(nc, { timeout: 5_000 });
    return new Bus(nc, jetstream(nc, { timeout: 5_000 }), jsm, options, logger);
  }

  /** The wire subject for a contract subject. */
  subject(subject: string): string {
    return this.options.subjectPrefix ? `${this.options.subjectPrefix}.${subject}` : subject;
  }

  /** Creates the stream, or brings an existing one to this configuration. */
  async ensureStream(): Promise<void> {
    const config: Partial<StreamConfig> & { name: string } = {
      name: this.options.stream,
      subjects: STREAM_SUBJECT_FAMILIES.map((family) => this.subject(`${family}.>`)),
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      num_replicas: this.options.replicas ?? 1,
    };
    const exists = await this.jsm.streams.info(config.name).then(
      () => true,
      () => false,
    );
    if (exists) await this.jsm.streams.update(config.name, config);
    else await this.jsm.streams.add(config);
  }

  /** Publishes an already-built envelope; the envelope id is the Nats-Msg-Id, so a retry is deduplicated. */
  async publishRaw(
    subject: string,
    id: string,
    payload: string,
    timeoutMs = 5_000,
    extraHeaders?: Record<string, string>,
  ): Promise<void> {
    const hdrs = extraHeaders ? natsHeaders() : undefined;
    for (const [name, value] of Object.entries(extraHeaders ?? {})) hdrs!.set(name, value);
    const ack = await this.js.publish(this.subject(subject), payload, {
      msgID: id,
      timeout: timeoutMs,
      ...(hdrs ? { headers: hdrs } : {}),
    });
    if (ack.duplicate) this.logger.debug({ id, subject }, 'duplicate publish ignored by JetStream');
  }

  /** Direct publish for producers without a database (expiration); prefer the outbox elsewhere. */
  async publish<C extends Contract>(contract: C, data: EventData<C>, options: EnvelopeOptions = {}) {
    const envelope = createEnvelope(contract, data, options);
    await publishTraced(contract.subject, envelope.id, currentTraceContext(), (headers) =>
      this.publishRaw(contract.subject, envelope.id, JSON.stringify(envelope), undefined, headers),
    );
    return envelope;
  }

  isConnected(): boolean {
    return !this.nc.isClosed() && !this.nc.isDraining() && this.nc.info !== undefined;
  }

  async close(): Promise<void> {
    if (this.nc.isClosed()) return;
    await this.nc.drain().catch(() => this.nc.close());
  }
}

/** A UUID derived from a name: the same input always gives the same event id (for deduplication). */
export function deterministicId(namespace: string, name: string): string {
  const hex = createHash('sha256').update(`${namespace}:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Readiness check: the connection is up and the server answers. */
export function busCheck(bus: Bus) {
  return async () => {
    if (bus.nc.isClosed()) throw new Error('nats connection closed');
    await bus.nc.flush();
  };
}
