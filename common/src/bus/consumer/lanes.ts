/**
 * Per-key ordered, bounded concurrency: an item goes to the lane its key hashes to; each lane works its
 * queue in order, up to `batchSize` items at a time, while the lanes run in parallel. Items of one key are
 * therefore never handled concurrently nor out of order; items of different keys mostly are in parallel.
 */
export class KeyedLanes<T> {
  private readonly queues: T[][];
  private readonly running: Array<Promise<void> | undefined>;
  private queued = 0;
  private roomWaiters: Array<() => void> = [];

  constructor(
    lanes: number,
    private readonly batchSize: number,
    private readonly maxQueued: number,
    private readonly work: (batch: T[]) => Promise<void>,
  ) {
    this.queues = Array.from({ length: lanes }, () => []);
    this.running = Array.from({ length: lanes }, () => undefined);
  }

  /** Queues an item; resolves once there is room for the next (backpressure on the puller). */
  async push(key: string, item: T): Promise<void> {
    const lane = hash(key) % this.queues.length;
    this.queues[lane]!.push(item);
    this.queued++;
    this.running[lane] ??= this.drainLane(lane);
    while (this.queued >= this.maxQueued)
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
  }

  /** Resolves when every queued item has been worked. */
  async idle(): Promise<void> {
    while (this.running.some(Boolean)) await Promise.all(this.running);
  }

  private async drainLane(lane: number): Promise<void> {
    const queue = this.queues[lane]!;
    while (queue.length > 0) {
      const batch = queue.splice(0, this.batchSize);
      await this.work(batch);
      this.queued -= batch.length;
      for (const wake of this.roomWaiters.splice(0)) wake();
    }
    this.running[lane] = undefined;
  }
}

/** FNV-1a: cheap and evenly spread for UUIDs. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
