import type { Logger } from 'pino';

export interface FatalErrorPolicy {
  /** The graceful shutdown to attempt first (closes http, consumers, pools); omitted: exit at once. */
  shutdown?: () => Promise<void>;
  /** How long the shutdown may take before the process exits anyway. */
  graceMs: number;
}

/**
 * The process-wide policy for errors nobody handled. An unhandled promise rejection or an uncaught
 * exception leaves the process in a state no code reasoned about, so it is not kept running: the error is
 * logged at fatal level, the graceful shutdown gets `graceMs`, and the process exits 1 for its supervisor
 * (Kubernetes, the dev runner) to start a fresh one. Every event already committed stays in the outbox
 * and every unacknowledged message is redelivered, so an exit loses nothing.
 */
export function exitOnUnhandledErrors(logger: Logger, policy: FatalErrorPolicy): void {
  let exiting = false;
  const die = (kind: 'unhandledRejection' | 'uncaughtException') => (err: unknown) => {
    logger.fatal({ err, kind }, `${kind}: exiting for a restart`);
    if (exiting) return;
    exiting = true;
    const deadline = setTimeout(() => process.exit(1), policy.graceMs);
    deadline.unref();
    void (policy.shutdown ?? (() => Promise.resolve()))()
      .catch((error: unknown) => logger.error({ err: error }, 'shutdown after a fatal error failed'))
      .finally(() => process.exit(1));
  };
  process.on('unhandledRejection', die('unhandledRejection'));
  process.on('uncaughtException', die('uncaughtException'));
}
