/**
 * The batch replica of bench/bus.bench.ts in a worker thread: its own event loop, heap and connections, as
 * the consuming service is a process of its own. Events the producing side commits at 1,000/s are then not
 * applied on the event loop the producers and the relay are busy on, which only the bench would do.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Bus, connectDatabase, type BusOptions } from '@ticketing/common';
import { logger } from './bus-measure';
import { startReplica } from './bus-phases';

interface Setup {
  databaseUrl: string;
  busOptions: BusOptions;
}

type FromThread = { ready: true } | { ids: string[]; at: number };

/** Starts the thread; resolves once its consumer pulls. `appliedAt` fills as the thread reports. */
export async function startReplicaThread(setup: Setup) {
  const appliedAt = new Map<string, number>();
  const thread = new Worker(__filename, { workerData: setup });
  await new Promise<void>((resolve, reject) => {
    thread.once('error', reject);
    thread.on('message', (message: FromThread) => {
      if ('ready' in message) return resolve();
      for (const id of message.ids) appliedAt.set(id, message.at);
    });
  });
  return {
    appliedAt,
    close: async () => {
      thread.postMessage('close');
      await new Promise((resolve) => thread.once('exit', resolve));
    },
  };
}

async function runInThread({ databaseUrl, busOptions }: Setup) {
  const bus = await Bus.connect(busOptions, logger);
  const database = connectDatabase(databaseUrl, logger, { poolSize: 10 });
  const replica = await startReplica(bus, database, {
    batch: true,
    onApplied: (ids, at) => parentPort!.postMessage({ ids, at } satisfies FromThread),
  });
  parentPort!.postMessage({ ready: true } satisfies FromThread);
  parentPort!.once('message', async () => {
    await replica.close();
    await database.close();
    await bus.close();
    process.exit(0);
  });
}

if (!isMainThread) void runInThread(workerData as Setup);
