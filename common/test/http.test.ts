import { Router } from 'express';
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  ConflictError,
  connectDatabase,
  createLogger,
  createServiceApp,
  DatabaseConnectionError,
  requireAuth,
  requireRole,
  TooManyRequestsError,
  userOf,
  validate,
} from '../src';
import { anonymousCsrf, signIn, testKeys } from '../src/testing';

const revoked = new Set<string>();
const lines: string[] = [];
// Log output is captured to prove that internals go to the logs and never to a response.
const captured = createLogger('http-test', 'error', { write: (line: string) => void lines.push(line) });

const schema = z.object({ title: z.string().min(1).max(5), priceCents: z.number().int().positive() });
const router = Router();
router.post('/things', validate({ body: schema }), (req, res) => void res.status(201).json(req.body));
router.get(
  '/things',
  validate({ query: z.object({ limit: z.coerce.number().int().max(100).default(20) }) }),
  (req, res) => {
    res.json({ limit: (req.query as unknown as { limit: number }).limit });
  },
);
router.get('/me', requireAuth, (req, res) => void res.json(userOf(req)));
router.get('/admin', requireRole('admin'), (_req, res) => void res.json({ ok: true }));
router.get('/boom', () => {
  throw new Error('select * from users where password = secret');
});
router.get('/conflict', () => {
  throw new ConflictError('Ticket is reserved', 'ticketId');
});
router.get('/db', () => {
  throw new DatabaseConnectionError();
});
// A database nobody listens on: what a request sees while PostgreSQL is down.
const downDatabase = connectDatabase('postgres://postgres@127.0.0.1:1/none', captured);
afterAll(() => downDatabase.close());
router.get('/needs-db', async (_req, res) => {
  await downDatabase.db.execute(sql`select 1`);
  res.json({});
});
router.get('/limited', () => {
  throw new TooManyRequestsError(undefined, 2.2);
});

const app = createServiceApp({
  name: 'http-test',
  logger: captured,
  routes: { '/api': router },
  auth: { publicKey: testKeys().publicKey, revocations: { isRevoked: (id) => revoked.has(id) } },
  secureCookies: false,
  readiness: { database: async () => undefined, nats: async () => Promise.reject(new Error('down')) },
});

const expectErrorShape = (body: unknown) =>
  expect(body).toEqual({
    errors: expect.arrayContaining([
      expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    ]),
  });

describe('error handler', () => {
  test('when a handler throws an unknown error, then the answer is a generic 500 and the details are only logged', async () => {
    const res = await request(app).get('/api/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ errors: [{ code: 'internal', message: 'Something went wrong' }] });
    expect(res.text).not.toMatch(/select|password|stack|at /i);
    expect(lines.join('')).toContain('select * from users');
  });

  test('when an AppError is thrown, then its status, code, message and field come back in the error shape', async () => {
    const res = await request(app).get('/api/conflict');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      errors: [{ code: 'conflict', message: 'Ticket is reserved', field: 'ticketId' }],
    });
    expect((await request(app).get('/api/db')).status).toBe(503);
    const limited = await request(app).get('/api/limited');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('3');
  });

  test('when the database is down, then 503 database_unavailable in the error shape, not a 500', async () => {
    const res = await request(app).get('/api/needs-db');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ errors: [{ code: 'database_unavailable', message: expect.any(String) }] });
    expect(res.text).not.toMatch(/ECONNREFUSED|5432|127\.0\.0\.1/);
  });

  test('when the route does not exist, then 404 in the error shape', async () => {
    const res = await request(app).get('/api/nowhere');
    expect(res.status).toBe(404);
    expectErrorShape(res.body);
  });

  test('when the JSON body is malformed or too large, then 400 or 413, never 500', async () => {
    const malformed = await request(app)
      .post('/api/things')
      .set(anonymousCsrf())
      .set('Content-Type', 'application/json')
      .send('{"title":');
    expect(malformed.status).toBe(400);
    expectErrorShape(malformed.body);
    const huge = await request(app)
      .post('/api/things')
      .set(anonymousCsrf())
      .send({ title: 'x'.repeat(200_000), priceCents: 1 });
    expect(huge.status).toBe(413);
    expectErrorShape(huge.body);
  });
});

describe('validate', () => {
  test('when several fields are invalid, then 400 names each one', async () => {
    const res = await request(app)
      .post('/api/things')
      .set(anonymousCsrf())
      .send({ title: 'far too long', priceCents: -1 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['priceCents', 'title']);
    expect(res.body.errors[0].code).toBe('invalid');
  });

  test('when the input is valid, then the handler sees the parsed values (query coerced, defaults applied)', async () => {
    expect((await request(app).get('/api/things?limit=7')).body).toEqual({ limit: 7 });
    expect((await request(app).get('/api/things')).body).toEqual({ limit: 20 });
    expect((await request(app).get('/api/things?limit=abc')).status).toBe(400);
  });
});

describe('csrf', () => {
  test('when a mutating request lacks or mismatches the CSRF header, then 403 csrf_failed', async () => {
    const body = { title: 'ok', priceCents: 1 };
    const none = await request(app).post('/api/things').send(body);
    expect(none.status).toBe(403);
    expect(none.body.errors[0].code).toBe('csrf_failed');
    const mismatch = await request(app)
      .post('/api/things')
      .set('Cookie', 'csrf_token=aaaaaaaaaaaaaaaaaaaaaaaa')
      .set('x-csrf-token', 'bbbbbbbbbbbbbbbbbbbbbbbb')
      .send(body);
    expect(mismatch.status).toBe(403);
    expect((await request(app).post('/api/things').set(anonymousCsrf()).send(body)).status).toBe(201);
  });

  test('when the CSRF token is short or not of the issued form, then 403 even if cookie and header match', async () => {
    const body = { title: 'ok', priceCents: 1 };
    for (const token of ['a', 'x'.repeat(16), `${'y'.repeat(42)}=`, '.'.repeat(43), 'z'.repeat(44)]) {
      const res = await request(app)
        .post('/api/things')
        .set('Cookie', `csrf_token=${token}`)
        .set('x-csrf-token', token)
        .send(body);
      expect(res.status).toBe(403);
      expect(res.body.errors[0].code).toBe('csrf_failed');
    }
  });

  test('when a client has no CSRF cookie yet, then a safe request issues a readable one', async () => {
    const res = await request(app).get('/api/things');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('csrf_token='),
    );
    expect(cookie).toMatch(/^csrf_token=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/HttpOnly/);
  });
});

describe('currentUser and requireAuth', () => {
  test('when a valid access cookie is sent, then the user is known without calling auth', async () => {
    const { user, cookie } = signIn({ name: 'Ada' });
    const res = await request(app).get('/api/me').set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(user);
  });

  test('when the token is missing, forged or its session revoked, then 401 not_authorized', async () => {
    const codeOf = async (cookie?: string) => {
      const res = await request(app)
        .get('/api/me')
        .set(cookie ? { Cookie: cookie } : {});
      expect(res.status).toBe(401);
      return res.body.errors[0].code;
    };
    expect(await codeOf()).toBe('not_authorized');
    const forged = signIn().cookie.replace(/access_token=[^.]+\.[^.]+\.[^;]+/, 'access_token=a.b.c');
    expect(await codeOf(forged)).toBe('not_authorized');
    const session = signIn();
    revoked.add(session.user.sessionId);
    expect(await codeOf(session.cookie)).toBe('not_authorized');
  });

  test('when the token has expired, then 401 session_expired, so the client refreshes instead of signing in', async () => {
    const expired = await request(app).get('/api/me').set('Cookie', signIn({}, -10).cookie);
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].code).toBe('session_expired');
  });

  test('when a user without the role asks for an admin route, then 403; an admin gets through', async () => {
    expect((await request(app).get('/api/admin').set('Cookie', signIn().cookie)).status).toBe(403);
    expect(
      (
        await request(app)
          .get('/api/admin')
          .set('Cookie', signIn({ role: 'admin' }).cookie)
      ).status,
    ).toBe(200);
  });
});

describe('health and metrics', () => {
  test('when a dependency is down, then /readyz is 503 naming it while /healthz stays 200', async () => {
    expect((await request(app).get('/healthz')).status).toBe(200);
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', checks: { database: 'ok', nats: 'unavailable' } });
  });

  test('when requests were served, then /metrics counts them by route pattern and status', async () => {
    await request(app).get('/api/conflict');
    const metrics = await request(app).get('/metrics');
    expect(metrics.text).toMatch(/http_requests_total\{[^}]*route="\/api\/conflict",status="409"[^}]*\} \d+/);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
  });

  test('when a response is served, then helmet headers and a request id are present', async () => {
    const res = await request(app).get('/healthz').set('x-request-id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
    const api = await request(app).get('/api/things');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['x-powered-by']).toBeUndefined();
  });
});
