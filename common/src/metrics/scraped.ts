export interface ScrapeOptions {
  /** The longest a scrape waits for the value: /metrics answers even while the dependency hangs. */
  timeoutMs: number;
  /** A value read this recently is answered again without asking (several scrapers, several gauges). */
  cacheMs: number;
}

/**
 * A value read from a dependency (a query, a JetStream request, Redis) when /metrics is scraped. A read
 * that fails or outlasts the timeout answers `undefined`, which the gauges show as NaN (unknown) rather
 * than a made-up 0; a slow read that finishes later still fills the cache for the next scrape.
 */
export class ScrapedReading<T> {
  private cached: { value: T; at: number } | undefined;
  private inFlight: Promise<T | undefined> | undefined;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly options: ScrapeOptions,
  ) {}

  get(): Promise<T | undefined> {
    if (this.cached && Date.now() - this.cached.at < this.options.cacheMs) {
      return Promise.resolve(this.cached.value);
    }
    this.inFlight ??= this.read()
      .then(
        (value) => {
          this.cached = { value, at: Date.now() };
          return value;
        },
        () => undefined,
      )
      .finally(() => {
        this.inFlight = undefined;
      });
    return withTimeout(this.inFlight, this.options.timeoutMs);
  }
}

function withTimeout<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
