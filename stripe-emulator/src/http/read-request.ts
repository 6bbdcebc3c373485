import type { IncomingMessage } from 'node:http';
import { parse } from 'qs';
import { ApiError, authenticationError, invalidRequest } from '../errors';
import type { Params } from '../params';

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new ApiError(413, { type: 'invalid_request_error', message: 'Request too large.' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Stripe's form encoding with bracket notation: `metadata[order_id]=1&payment_method_types[0]=card`. */
export function parseForm(text: string): Params {
  return parse(text, { depth: 5, parameterLimit: 1000, arrayLimit: 100 }) as Params;
}

export function parseBody(req: IncomingMessage, raw: string): Params {
  if (raw === '') return {};
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw invalidRequest(
      `Invalid request: unsupported Content-Type ${type || '(none)'}. Stripe's API accepts application/x-www-form-urlencoded bodies.`,
    );
  }
  return parseForm(raw);
}

/** The secret key from `Authorization: Bearer sk_test_…` (or Basic with the key as user name, as curl -u sends it). */
export function authenticate(header: string | undefined): string {
  const [scheme, credentials = ''] = (header ?? '').split(' ', 2);
  let key = '';
  if (scheme?.toLowerCase() === 'bearer') key = credentials.trim();
  else if (scheme?.toLowerCase() === 'basic')
    key = Buffer.from(credentials, 'base64').toString('utf8').split(':')[0] ?? '';
  if (!key) {
    throw authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (!/^sk_test_\S+$/.test(key)) {
    const hint = key.startsWith('sk_live_') ? ' The local Stripe emulator accepts test-mode keys only.' : '';
    throw authenticationError(`Invalid API Key provided: ${redact(key)}.${hint}`);
  }
  return key;
}

const redact = (key: string) =>
  key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : '****';
