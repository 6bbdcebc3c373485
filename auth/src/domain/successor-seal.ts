import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * A rotated refresh token keeps its successor, sealed (AES-256-GCM) with a key derived from the rotated
 * token itself. Only whoever presents that token can open it, so the sessions table alone reveals
 * nothing; it lets a second tab that refreshed at the same moment get the same new token.
 */
const keyFrom = (token: string): Buffer => createHash('sha256').update(`refresh-successor:${token}`).digest();

export function sealSuccessor(successor: string, presented: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(presented), iv);
  const body = Buffer.concat([cipher.update(successor, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The successor token, or undefined when the seal does not open with this token. */
export function openSuccessor(sealed: string, presented: string): string | undefined {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(presented), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
