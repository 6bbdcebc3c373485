import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128 random bits make a code unguessable; the MAC makes a forged one fail before any database read. */
const ID_BYTES = 16;
const MAC_BYTES = 16;
const CODE_SHAPE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

export interface EticketSigner {
  /** A new code: base64url(random id) "." base64url(HMAC-SHA256 of the id, first 128 bits). */
  issue(): string;
  /** True only for a code this platform's key signed (it may still be unknown, used or voided). */
  isSigned(code: string): boolean;
}

export function eticketSigner(key: string): EticketSigner {
  const mac = (id: string) =>
    createHmac('sha256', key).update(`eticket.v1:${id}`).digest().subarray(0, MAC_BYTES);
  return {
    issue() {
      const id = randomBytes(ID_BYTES).toString('base64url');
      return `${id}.${mac(id).toString('base64url')}`;
    },
    isSigned(code) {
      const parts = CODE_SHAPE.exec(code);
      if (!parts) return false;
      const given = Buffer.from(parts[2]!, 'base64url');
      return given.length === MAC_BYTES && timingSafeEqual(given, mac(parts[1]!));
    },
  };
}
