import type { Logger } from 'pino';

export interface Closeable {
  close(): Promise<void>;
}

export type NamedCloseable = readonly [name: string, part: Closeable];

/** Closes each part in turn; a part that fails to close is logged and the next one still closes. */
export async function closeInOrder(parts: NamedCloseable[], logger: Logger): Promise<void> {
  for (const [name, part] of parts) {
    await part.close().catch((err: unknown) => logger.error({ err, part: name }, 'error while closing'));
  }
}

/**
 * Closes the parts in the given order on SIGTERM/SIGINT (http first so nothing new arrives, pools last),
 * each at most once; exits 1 if the whole shutdown overruns its budget.
 */
export function closeOnSignals(
  parts: NamedCloseable[],
  logger: Logger,
  timeoutMs: number,
): () => Promise<void> {
  let closing: Promise<void> | undefined;
  const shutdown = (signal = 'shutdown') => {
    closing ??= (async () => {
      logger.info({ signal }, 'shutting down');
      const deadline = setTimeout(() => {
        logger.error('shutdown timed out');
        process.exit(1);
      }, timeoutMs);
      deadline.unref();
      for (const [name, part] of parts) {
        await part.close().catch((err: unknown) => logger.error({ err, part: name }, 'error while closing'));
        logger.debug({ part: name }, 'closed');
      }
      clearTimeout(deadline);
      logger.info('stopped');
    })();
    return closing;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void shutdown(signal).then(() => process.exit(0)));
  }
  return shutdown;
}
