import { RetryLaterError } from './consumer/definition';

export type VersionDecision = 'apply' | 'stale';

/**
 * Replicas apply versioned updates in order. `stored` is the replica's version (undefined when the row
 * does not exist yet). A stale or repeated version is skipped; a gap waits for its predecessor.
 */
export function nextVersionDecision(
  stored: number | undefined,
  incoming: number,
  what: string,
): VersionDecision {
  if (stored !== undefined && incoming <= stored) return 'stale';
  if (stored === undefined || incoming !== stored + 1) {
    throw new RetryLaterError(`${what} version ${incoming} arrived before version ${incoming - 1}`);
  }
  return 'apply';
}

/**
 * nextVersionDecision for a batch: walks the updates in order, each on top of its aggregate's version so
 * far (`stored`, then what the batch applied), and answers the last one to apply per aggregate (a replica
 * that overwrites its row needs no more). Stale and repeated updates are skipped; a gap throws
 * RetryLaterError, as the same updates one by one would have on the first of them that could not apply.
 */
export function latestInVersionOrder<T extends { id: string; version: number }>(
  updates: T[],
  stored: ReadonlyMap<string, number>,
  what: string,
): T[] {
  const latest = new Map<string, T>();
  for (const update of updates) {
    const current = latest.get(update.id)?.version ?? stored.get(update.id);
    if (nextVersionDecision(current, update.version, `${what} ${update.id}`) === 'apply')
      latest.set(update.id, update);
  }
  return [...latest.values()];
}
