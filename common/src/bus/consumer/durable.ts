/** A consumer's JetStream side: its durable, created or brought to this configuration, and the pull from it. */
import { AckPolicy, DeliverPolicy, type ConsumerMessages } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { Bus } from '../bus';

export class Durable {
  constructor(
    private readonly bus: Bus,
    private readonly name: string,
    private readonly subject: string,
    private readonly logger: Logger,
    private readonly limits: { ackWaitMs: number; maxMessages: number },
  ) {}

  /** Creates the durable pull consumer, or brings an existing one to this configuration. */
  async ensure(): Promise<void> {
    const { jsm, options } = this.bus;
    const config = {
      filter_subject: this.bus.subject(this.subject),
      ack_wait: nanos(this.limits.ackWaitMs),
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

  /** Pulls from the durable; the messages end by themselves when the durable is deleted. */
  async pull(): Promise<ConsumerMessages> {
    const consumer = await this.bus.js.consumers.get(this.bus.options.stream, this.name);
    const messages = await consumer.consume({ max_messages: this.limits.maxMessages });
    // Left alone, consume() waits forever for a deleted consumer; end it so that the consumer's loop
    // recreates the durable.
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
}
