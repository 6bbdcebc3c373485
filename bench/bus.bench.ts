/**
 * Event bus throughput and latency against the machine's real PostgreSQL and NATS JetStream, with the raw
 * NATS rates measured in the same run as the baseline:
 *   npm run bench:bus -- [events=10000] [steadySeconds=10]
 * 1. raw JetStream publish (js.publish, 1,000 acks awaited at once) and raw durable pull consume (ack only);
 * 2. relay: `events` committed outbox rows → JetStream;
 * 3. consumer: the same events applied as replica upserts, first by common's consumer() (a statement per
 *    event), then by batchConsumer() (a lane's batch in one statement), as the services' replicas are (2 and
 *    3 also print this process's CPU per event, which a busy machine sways less than the rates);
 * 4. event committed → applied in the (batch) replica, p50/p99, while producing a steady 1,000 events/s;
 * 5. replica lag (committed → applied) while sellers produce as fast as 8 connections commit;
 * 6. what a NOTIFY inside each producing transaction (the relay's old wake-up) costs the producers.
 * The producers and the relay stand for the producing service: a pool of their own (the services' default
 * size), as the consumer has its own in the consuming service; they never share one.
 * Prints figures and writes them to bench/results/; nothing is asserted.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createMigratedDatabase, createTestBus, waitFor } from '@ticketing/common/testing';
import { connectDatabase, OutboxRelay } from '@ticketing/common';
import { cpuMicrosPerEvent, logger, perSecond } from './bus-measure';
import { rawConsume, rawPublish, relayRate, startReplica } from './bus-phases';
import { notifyCost, produce, type Produced } from './bus-producer';
import { type BusResults, lagsOf, report } from './bus-report';

const events = Number(process.argv[2] ?? 10_000);
const steadyMs = Number(process.argv[3] ?? 10) * 1_000;
const CATCH_UP_MS = 120_000;

/** Waits (at most CATCH_UP_MS) until every event produced is applied. */
const caughtUp = ({ committedAt }: Produced, appliedAt: Map<string, number>) =>
  waitFor(() => [...committedAt.keys()].every((id) => appliedAt.has(id)), {
    timeoutMs: CATCH_UP_MS,
    intervalMs: 100,
  }).catch(() => undefined);

/** Starts a replica consumer on the stream's `events` ticket.created and times it until all are applied. */
async function applyRate(start: () => ReturnType<typeof startReplica>) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const replica = await start();
  await waitFor(() => replica.appliedAt.size >= events, { timeoutMs: 1_800_000, intervalMs: 50 });
  return {
    replica,
    perSecond: perSecond(events, performance.now() - started),
    cpuMicrosPerEvent: cpuMicrosPerEvent(cpu, events),
  };
}

const loadAverage = () => os.loadavg()[0]!.toFixed(1);

async function main() {
  const database = await createMigratedDatabase('bench_bus');
  const bus = await createTestBus();
  // The producing service's pool (DATABASE_POOL_SIZE's default), shared by its producers and its relay.
  const producer = connectDatabase(database.url, logger, { poolSize: 10 });
  const loadAtStart = loadAverage();
  let replica: Awaited<ReturnType<typeof startReplica>> | undefined;
  let running: OutboxRelay | undefined;
  try {
    const raw = { publish: await rawPublish(bus, events), consume: await rawConsume(bus, events) };
    const { perSecond: relay, cpuMicrosPerEvent: relayCpu } = await relayRate(bus, producer, events);
    const perMessage = await applyRate(() => startReplica(bus, database, { batch: false }));
    await perMessage.replica.close();
    const batched = await applyRate(() => startReplica(bus, database, { batch: true }));
    replica = batched.replica;
    const { appliedAt } = replica;
    const { perSecond: apply, cpuMicrosPerEvent: applyCpu } = batched;

    running = new OutboxRelay(bus, producer, logger);
    const steady = await produce(producer, steadyMs, { perSecond: 1_000, concurrency: 8 });
    await caughtUp(steady, appliedAt);
    const peak = await produce(producer, steadyMs, { concurrency: 8 });
    await caughtUp(peak, appliedAt);
    const notify = await notifyCost(producer, steadyMs);

    const results: BusResults = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${loadAtStart} → ${loadAverage()}`,
      events,
      rawPublishPerSecond: raw.publish,
      rawConsumePerSecond: raw.consume,
      relayPerSecond: relay,
      relayVsRawPublish: +(relay / raw.publish).toFixed(2),
      relayCpuMicrosPerEvent: relayCpu,
      consumerPerMessageApplyPerSecond: perMessage.perSecond,
      consumerPerMessageCpuMicrosPerEvent: perMessage.cpuMicrosPerEvent,
      consumerApplyPerSecond: apply,
      consumerVsRawConsume: +(apply / raw.consume).toFixed(3),
      consumerCpuMicrosPerEvent: applyCpu,
      steady1000PerSecond: lagsOf(steady, appliedAt),
      peak: lagsOf(peak, appliedAt),
      producerCommitsPerSecond: notify,
    };
    report(results);
  } finally {
    // Closed before the pools end: pool.end() waits for the relay's listener connection forever.
    await running?.close();
    await replica?.close();
    await producer.close();
    await bus.destroy();
    await database.drop();
  }
}

void main();
