import type { ServerResponse } from 'node:http';
import type { StripeErrorBody } from '../errors';

/** Stripe answers pretty-printed JSON. */
export const toJson = (body: unknown) => JSON.stringify(body, null, 2);

export function send(
  res: ServerResponse,
  status: number,
  json: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(json)),
    ...headers,
  });
  res.end(json);
}

export const errorJson = (body: StripeErrorBody) => toJson({ error: body });
