/** Jest's file hooks, as its test environment provides them (common does not build against Jest's types). */
interface FileHooks {
  beforeAll(fn: () => Promise<unknown>, timeoutMs?: number): void;
  afterAll(fn: () => Promise<unknown> | undefined, timeoutMs?: number): void;
}

/**
 * What one test file starts before its tests and closes after them: a service under test, a harness. Call it
 * at the top of the file; the object it returns gets the started one's parts once `beforeAll` has run.
 */
export function forThisFile<T extends { close(): Promise<unknown> }>(
  start: () => Promise<T>,
  { timeoutMs }: { timeoutMs?: number } = {},
): T {
  const { beforeAll, afterAll } = globalThis as unknown as FileHooks;
  const started = {} as Partial<T>;
  beforeAll(async () => {
    Object.assign(started, await start());
  }, timeoutMs);
  // When starting failed, that failure is the one to read: there is nothing to close.
  afterAll(() => started.close?.());
  return started as T;
}
