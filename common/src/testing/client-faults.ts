/** Long because faultsFor is the catalogue of every malformed-request class a fuzz found answered with a 500, one entry each. */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { createLogger } from '../logging/logger';
import { listen } from '../http/server';
import { rawRequest, sendRaw } from './raw-http';

export interface BodyRoute {
  method: 'POST' | 'PUT' | 'DELETE';
  /** A concrete path, e.g. `/api/tickets` or `/api/tickets/<uuid>`. */
  path: string;
  /** A valid body, which each fault spoils in one way. */
  body: Record<string, unknown>;
  /** Fields of `body` holding user-written text (names, titles): each is sent with a NUL in it. */
  textFields?: string[];
}

export interface ClientFaultTarget {
  /** Sent with every request: a signed-in user's Cookie and CSRF header, so faults reach the routes. */
  headers?: Record<string, string>;
  bodyRoutes: BodyRoute[];
  /** Paths with an `:id` segment, e.g. `/api/orders/:id`. */
  idPaths: string[];
  /** Cursor-paginated lists, e.g. `/api/tickets`. */
  listPaths: string[];
  /** Date filters of a list: path and query names, e.g. { path: '/api/tickets', fields: ['from', 'to'] }. */
  dateFilters?: { path: string; fields: string[] }[];
}

export interface FaultAnswer {
  fault: string;
  status: number;
  contentType: string;
  body: unknown;
}

interface Fault {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * One-line texts that every user-written field (textField) refuses, each with what it holds: a line break
 * (it would forge a header or a log line), a right-to-left override (it makes a name read otherwise), a NUL.
 */
export const UNSAFE_TEXTS: [holding: string, text: string][] = [
  ['a line feed', 'Eve\nAdmin'],
  ['a CR LF', 'Encore\r\nX-Injected: 1'],
  ['a right-to-left override', 'Mallory\u202Enimda'],
  ['a NUL', 'Ev\u0000e'],
];

const JSON_TYPE = 'application/json';
const forgedCursor = (at: string) => Buffer.from(JSON.stringify([at, randomUUID()])).toString('base64url');

/** Every class of malformed request a black-box fuzz found answered with a 500 or an empty body. */
function faultsFor(target: ClientFaultTarget): Fault[] {
  const faults: Fault[] = [];
  for (const route of target.bodyRoutes) {
    const json = JSON.stringify(route.body);
    const send = (name: string, headers: Record<string, string>, body: string | Buffer = json) =>
      faults.push({ name: `${route.method} ${route.path}: ${name}`, ...route, headers, body });
    for (const charset of ['latin1', 'iso-8859-1', 'foo']) {
      send(`charset=${charset}`, { 'Content-Type': `${JSON_TYPE}; charset=${charset}` });
    }
    for (const encoding of ['gzip', 'deflate', 'br', 'compress', 'x-fuzz']) {
      send(`Content-Encoding ${encoding} over plain bytes`, {
        'Content-Type': JSON_TYPE,
        'Content-Encoding': encoding,
      });
    }
    send('truncated JSON', { 'Content-Type': JSON_TYPE }, json.slice(0, -1));
    send('body over the limit', { 'Content-Type': JSON_TYPE }, JSON.stringify({ pad: 'x'.repeat(200_000) }));
    for (const field of route.textFields ?? []) {
      send(
        `NUL in ${field}`,
        { 'Content-Type': JSON_TYPE },
        JSON.stringify({ ...route.body, [field]: 'a\u0000b' }),
      );
    }
  }
  for (const path of target.idPaths) {
    for (const id of ['%ZZ', '%E0%A4%A', '%C0%AF']) {
      faults.push({ name: `${path} with id ${id}`, method: 'GET', path: path.replace(':id', id) });
    }
  }
  for (const path of target.listPaths) {
    for (const at of ['0000-01-01T00:00:00Z', '0000-06-01T00:00:00.000Z']) {
      faults.push({
        name: `${path} cursor at ${at}`,
        method: 'GET',
        path: `${path}?cursor=${forgedCursor(at)}`,
      });
    }
    faults.push({ name: `${path} q with NUL`, method: 'GET', path: `${path}?q=a%00b` });
    faults.push({ name: `${path} PATCH`, method: 'PATCH', path });
  }
  for (const { path, fields } of target.dateFilters ?? []) {
    for (const field of fields) {
      for (const value of ['0000-01-01', '0000-06-01T00:00:00Z', '+275760-09-13']) {
        faults.push({ name: `${path} ${field}=${value}`, method: 'GET', path: `${path}?${field}=${value}` });
      }
    }
  }
  const somePath = target.listPaths[0] ?? target.bodyRoutes[0]?.path ?? '/';
  faults.push({ name: 'unknown method', method: 'FUZZ', path: somePath });
  faults.push({
    name: 'over-long header',
    method: 'GET',
    path: somePath,
    headers: { 'X-Fuzz': 'x'.repeat(20_000) },
  });
  return faults;
}

/**
 * Sends each fault to the app behind a real HTTP server (so Node's own parser errors are seen too) and
 * returns every answer, for the test to check that each one is a 4xx in the JSON error shape.
 */
export async function fuzzClientFaults(app: Express, target: ClientFaultTarget): Promise<FaultAnswer[]> {
  const server = await listen(app, 0, createLogger('client-faults', 'silent'), 1_000);
  try {
    const answers: FaultAnswer[] = [];
    for (const fault of faultsFor(target)) {
      const headers = { ...target.headers, ...fault.headers };
      const answer = await sendRaw(server.port, rawRequest(fault.method, fault.path, headers, fault.body));
      let body: unknown = answer.body;
      try {
        body = JSON.parse(answer.body);
      } catch {
        // kept as text: the check below reports it
      }
      answers.push({
        fault: fault.name,
        status: answer.status,
        contentType: answer.headers['content-type'] ?? '',
        body,
      });
    }
    return answers;
  } finally {
    await server.close();
  }
}

/** The answers that are not a 4xx with `{ errors: [{ code, message }] }` as JSON: [] when all are. */
export function notClientErrors(answers: FaultAnswer[]): FaultAnswer[] {
  return answers.filter((a) => {
    const errors = (a.body as { errors?: { code?: unknown; message?: unknown }[] } | null)?.errors;
    const shaped =
      Array.isArray(errors) &&
      errors.length > 0 &&
      errors.every((e) => typeof e.code === 'string' && typeof e.message === 'string');
    return !(a.status >= 400 && a.status < 500 && a.contentType.startsWith(JSON_TYPE) && shaped);
  });
}
