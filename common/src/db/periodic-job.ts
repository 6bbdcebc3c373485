import type { Logger } from 'pino';

export interface PeriodicJobDefinition {
  /** For logs, e.g. "processed_events purge". */
  name: string;
  intervalMs: number;
  /** One pass; answers how many rows (or items) it handled, for the log. */
  run: () => Promise<number>;
}

/**
 * Housekeeping on a timer: one pass every `intervalMs` (the first after one interval), never two at once,
 * a failed pass logged and tried again next time. Closing waits for a pass in progress.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private closed = false;

  constructor(
    private readonly definition: PeriodicJobDefinition,
    private readonly logger: Logger,
  ) {}

  get name(): string {
    return this.definition.name;
  }

  start(): this {
    this.schedule();
    return this;
  }

  /** Runs a pass now (or joins the one in progress); tests and operators use it. */
  runNow(): Promise<number> {
    this.running ??= this.definition.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => void this.tick(), this.definition.intervalMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const handled = await this.runNow();
      this.logger.info({ job: this.name, handled }, `${this.name} done`);
    } catch (err) {
      this.logger.warn({ err, job: this.name }, `${this.name} failed, will try again`);
    }
    this.schedule();
  }
}
