import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { Bus, type BusOptions } from '../bus/bus';
import { durableName, type ConsumerDefinition } from '../bus/consumer/definition';
import type { Contract, Envelope, EventData } from '../events/contract';
import { createLogger } from '../logging/logger';
import { testServers, uniqueSuffix } from './env';

/** A stream and subject prefix nobody else uses, so parallel or repeated runs never see each other. */
export function uniqueBusOptions(overrides: Partial<BusOptions> = {}): BusOptions {
  const id = uniqueSuffix();
  return {
    url: testServers.natsUrl,
    stream: `TEST_${id}`,
    subjectPrefix: `t${id}`,
    name: 'test',
    ...overrides,
  };
}

export async function createTestBus(
  // maxDeliveries is ignored (handler failures are counted by each consumer); kept for older callers.
  { maxDeliveries: _ignored, ...overrides }: Partial<BusOptions> & { maxDeliveries?: number } = {},
): Promise<Bus & { destroy(): Promise<void> }> {
  const bus = await Bus.connect(uniqueBusOptions(overrides), createLogger('test-bus', 'silent'));
  await bus.ensureStream();
  return Object.assign(bus, {
    destroy: async () => {
      await bus.jsm.streams.delete(bus.options.stream).catch(() => undefined);
      await bus.close();
    },
  });
}

/**
 * What a service's durable consumer of `definition` still has to do: messages of the stream not yet delivered
 * to it (`pending`), and messages delivered but not yet acknowledged (`ackPending`).
 */
export async function consumerBacklog(
  bus: Bus,
  definition: Pick<ConsumerDefinition, 'service' | 'contract'>,
): Promise<{ pending: number; ackPending: number }> {
  const info = await bus.jsm.consumers.info(bus.options.stream, durableName(definition));
  return { pending: info.num_pending, ackPending: info.num_ack_pending };
}

/** Deletes a test run's stream; use with the options a service under test was configured with. */
export async function deleteStream(url: string, stream: string): Promise<void> {
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(stream).catch(() => undefined);
  } finally {
    await nc.close();
  }
}

/**
 * Records every event published on a contract's subject (core subscription, so it sees JetStream
 * publishes as they happen). Start it before the action under test.
 */
export class EventRecorder {
  private constructor(
    private readonly nc: NatsConnection,
    readonly events: Envelope[],
  ) {}

  static async start(url: string, subjectPrefix: string, subjects: string[] = ['>']): Promise<EventRecorder> {
    const nc = await connect({ servers: url });
    const events: Envelope[] = [];
    for (const subject of subjects) {
      const wire = subjectPrefix ? `${subjectPrefix}.${subject}` : subject;
      nc.subscribe(wire, {
        callback: (_err, msg: Msg) => {
          events.push(msg.json<Envelope>());
        },
      });
    }
    await nc.flush();
    return new EventRecorder(nc, events);
  }

  of<C extends Contract>(contract: C): Envelope<EventData<C>>[] {
    return this.events.filter((e) => e.subject === contract.subject) as Envelope<EventData<C>>[];
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}
