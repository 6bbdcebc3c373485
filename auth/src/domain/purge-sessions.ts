import type { Db, PeriodicJobDefinition } from '@ticketing/common';
import { sessionsRepository } from '../data/sessions.repository';

/** Ended sessions are kept a day (for an operator looking into a sign-out or a reuse), then deleted. */
export const ENDED_SESSION_RETENTION_SECONDS = 24 * 3600;

export const sessionsPurge = (db: Db): PeriodicJobDefinition => ({
  name: 'sessions purge',
  intervalMs: 3600_000,
  run: () => sessionsRepository.purgeEnded(db, ENDED_SESSION_RETENTION_SECONDS),
});
