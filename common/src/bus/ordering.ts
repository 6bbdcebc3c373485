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
