import { connectDatabase, createLogger, runCommand } from '@ticketing/common';
import { z } from 'zod';
import { loadCliConfig } from '../config';
import { makeAdmin } from '../domain/make-admin';

/** Exit codes: 0 done (or already admin), 1 no user with that email, 2 bad usage or config, 3 failure. */
const USAGE = 'usage: npm run make-admin -w auth -- <email>';

const say = (line: string) => void process.stdout.write(`${line}\n`);

async function main(args: string[]): Promise<number> {
  const email = z.email().safeParse(args[0]?.trim().toLowerCase());
  if (args.length !== 1 || !email.success) {
    console.error(USAGE);
    return 2;
  }
  const config = loadCliConfig();
  const database = connectDatabase(config.DATABASE_URL, createLogger('auth-cli', 'warn'), { poolSize: 1 });
  try {
    const result = await makeAdmin(database.db, email.data);
    if (result === 'unknown-email') {
      console.error(`No user with email ${email.data}.`);
      return 1;
    }
    if (result === 'already-admin') say(`${email.data} is already an admin.`);
    // Access tokens carry the role: it shows at the user's next refresh (at most the access-token TTL).
    else say(`${email.data} is now an admin (effective at their next token refresh or sign-in).`);
    return 0;
  } finally {
    await database.close();
  }
}

runCommand('make-admin', main);
