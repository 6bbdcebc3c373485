import { createInbox, headers, type Msg, type Subscription } from '@nats-io/transport-node';
import type { Bus } from './bus';

interface PendingAck {
  resolve(): void;
  reject(err: Error): void;
  deadline: number;
}

const SWEEP_MS = 250;

/**
 * JetStream publishes with many acks awaited at once, for the outbox relay. `js.publish` is a request:
 * a timer, a mux entry and an error object per message made it cost about twice this (bench/README.md).
 * Here each message names a reply subject on one inbox subscription, and one sweep fails the acks that
 * did not come in time. The envelope id is the Nats-Msg-Id, so a publish retried after a lost ack is
 * recognised by JetStream as a duplicate and acknowledged again.
 */
export class PipelinedPublisher {
  private readonly inbox = createInbox();
  private readonly pending = new Map<number, PendingAck>();
  private readonly subscription: Subscription;
  private sweeper: NodeJS.Timeout | undefined;
  private counter = 0;

  constructor(
    private readonly bus: Bus,
    private readonly timeoutMs = 5_000,
  ) {
    this.subscription = bus.nc.subscribe(`${this.inbox}.*`, { callback: (_err, msg) => this.settle(msg) });
  }

  /** Resolves once JetStream has stored the message (or recognised it as a duplicate); headers: trace context. */
  publish(
    subject: string,
    id: string,
    payload: string,
    extraHeaders?: Record<string, string>,
  ): Promise<void> {
    const n = ++this.counter;
    const msgHeaders = headers();
    msgHeaders.set('Nats-Msg-Id', id);
    for (const [name, value] of Object.entries(extraHeaders ?? {})) msgHeaders.set(name, value);
    return new Promise<void>((resolve, reject) => {
      this.pending.set(n, { resolve, reject, deadline: Date.now() + this.timeoutMs });
      this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS);
      try {
        this.bus.nc.publish(this.bus.subject(subject), payload, {
          reply: `${this.inbox}.${n}`,
          headers: msgHeaders,
        });
      } catch (err) {
        this.pending.delete(n);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  close(): void {
    this.subscription.unsubscribe();
    this.failAll(() => true, 'publisher closed');
  }

  private settle(msg: Msg): void {
    const n = Number(msg.subject.slice(this.inbox.length + 1));
    const ack = this.pending.get(n);
    if (!ack) return; // late, after its timeout: the retry will be a duplicate
    this.pending.delete(n);
    if (msg.data.length === 0) {
      // A status message: 503 means no stream captures the subject.
      ack.reject(new Error(`JetStream did not take the message (status ${msg.headers?.code ?? 'unknown'})`));
      return;
    }
    const reply = msg.json<{ error?: { description?: string } }>();
    if (reply.error) ack.reject(new Error(`JetStream refused the message: ${reply.error.description}`));
    else ack.resolve();
  }

  private sweep(): void {
    const now = Date.now();
    this.failAll((ack) => ack.deadline <= now, `JetStream ack not received within ${this.timeoutMs} ms`);
  }

  private failAll(expired: (ack: PendingAck) => boolean, reason: string): void {
    for (const [n, ack] of this.pending) {
      if (!expired(ack)) continue;
      this.pending.delete(n);
      ack.reject(new Error(reason));
    }
    if (this.pending.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }
}
