import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

// Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane). The enum is ambient (const), hence the literal.
const ARGON2ID = 2 as Algorithm;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

let dummy: Promise<string> | undefined;

/** A hash of nothing anyone knows, with the same cost as a real one. */
export const dummyHash = (): Promise<string> => (dummy ??= hash(randomBytes(32).toString('hex'), OPTIONS));

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/**
 * Verifies against the user's hash, or against the dummy when there is no user, so an unknown email
 * costs as much time as a wrong password and response times do not reveal which accounts exist.
 */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const matches = await verify(passwordHash ?? (await dummyHash()), password);
  return passwordHash !== undefined && matches;
}
