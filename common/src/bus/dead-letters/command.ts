import { z } from 'zod';
import { appEnv, ConfigError, configParts, loadConfig } from '../../config/config';
import { connectDatabase, type Db } from '../../db/database';
import { createLogger } from '../../logging/logger';
import {
  discardDeadLetter,
  findDeadLetter,
  listDeadLetters,
  replayDeadLetter,
  type DeadLetter,
} from './store';

const USAGE = `usage: npm run dead-letters -w <service> -- <command> [--by NAME]
  list [--all]      open dead letters (--all: replayed and discarded ones too)
  show ID           one dead letter with its payload
  replay ID | --all publish it again through the outbox; the consumer applies it once
  discard ID        mark it as needing nothing more`;

const state = (l: DeadLetter) =>
  l.replayedAt
    ? `replayed by ${l.replayedBy} at ${l.replayedAt.toISOString()}`
    : l.discardedAt
      ? `discarded by ${l.discardedBy} at ${l.discardedAt.toISOString()}`
      : 'open';

const line = (l: DeadLetter) =>
  [
    l.id,
    l.createdAt.toISOString(),
    l.consumer,
    l.eventId ?? '-',
    `attempts ${l.attempts}`,
    state(l),
    l.reason,
  ]
    .join('  ')
    .slice(0, 400);

/**
 * The dead-letters command on a service's database. Exit codes: 0 done, 1 nothing to do (unknown id,
 * already replayed or discarded, not replayable), 2 bad usage.
 */
export async function runDeadLettersCommand(
  db: Db,
  args: string[],
  print: (text: string) => void,
  defaultBy = process.env.USER ?? 'unknown',
): Promise<number> {
  const byAt = args.indexOf('--by');
  const by = byAt >= 0 ? args[byAt + 1] : defaultBy;
  const rest = byAt >= 0 ? args.filter((_, i) => i !== byAt && i !== byAt + 1) : args;
  const [command, target] = rest;
  const id = Number(target);
  const validId = Number.isSafeInteger(id) && id > 0;
  if (!by) return usage(print);

  if (command === 'list' && (target === undefined || target === '--all')) {
    const letters = await listDeadLetters(db, { all: target === '--all' });
    print(letters.length ? letters.map(line).join('\n') : 'No dead letters.');
    return 0;
  }
  if (command === 'show' && validId) {
    const letter = await findDeadLetter(db, id);
    if (!letter) return notFound(print, id);
    print(JSON.stringify({ ...letter, payload: parse(letter.payload) }, null, 2));
    return 0;
  }
  if (command === 'replay' && target === '--all') {
    const letters = await listDeadLetters(db);
    let replayed = 0;
    for (const letter of letters) if ((await replayDeadLetter(db, letter.id, by)) === 'replayed') replayed++;
    print(`Replayed ${replayed} of ${letters.length} dead letters.`);
    return 0;
  }
  if (command === 'replay' && validId) {
    const result = await replayDeadLetter(db, id, by);
    print(
      {
        replayed: `Dead letter ${id} replayed: published again through the outbox.`,
        'not-found': `No dead letter ${id}.`,
        'already-handled': `Dead letter ${id} was already replayed or discarded.`,
        'not-replayable': `Dead letter ${id} is not an event envelope and cannot be replayed; discard it.`,
      }[result],
    );
    return result === 'replayed' ? 0 : 1;
  }
  if (command === 'discard' && validId) {
    const result = await discardDeadLetter(db, id, by);
    if (result === 'not-found') return notFound(print, id);
    print(result === 'discarded' ? `Dead letter ${id} discarded.` : `Dead letter ${id} was already handled.`);
    return result === 'discarded' ? 0 : 1;
  }
  return usage(print);
}

function usage(print: (text: string) => void) {
  print(USAGE);
  return 2;
}

function notFound(print: (text: string) => void, id: number) {
  print(`No dead letter ${id}.`);
  return 1;
}

function parse(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

const cliConfig = z.object({ APP_ENV: appEnv.default('production'), ...configParts.database });

/**
 * A service's `npm run dead-letters`: needs only DATABASE_URL (in APP_ENV=development it defaults to the
 * local platform's database of that service, named after it), runs the command, exits.
 */
export function deadLettersMain(service: string): void {
  const say = (text: string) => void process.stdout.write(`${text}\n`);
  let url: string;
  try {
    url = loadConfig(cliConfig, process.env, {
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${service}`,
    }).DATABASE_URL;
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : String(err));
    process.exit(2);
  }
  const database = connectDatabase(url, createLogger(`${service}-cli`, 'warn'), { poolSize: 1 });
  runDeadLettersCommand(database.db, process.argv.slice(2), say)
    .then(
      (code) => (process.exitCode = code),
      (err: unknown) => {
        const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
        console.error(`dead-letters failed: ${cause instanceof Error ? cause.message : String(cause)}`);
        process.exitCode = 3;
      },
    )
    .finally(() => database.close());
}
