import { gzipSync } from 'node:zlib';
import { Router } from 'express';
import { z } from 'zod';
import {
  createLogger,
  createServiceApp,
  listen,
  paginationQuery,
  textField,
  validate,
  type RunningServer,
} from '../src';
import { anonymousCsrf, fuzzClientFaults, notClientErrors, rawRequest, sendRaw } from '../src/testing';

const logger = createLogger('client-faults-test', 'silent');
const router = Router();
router.post('/things', validate({ body: z.object({ title: textField({ max: 20 }) }) }), (req, res) => {
  res.status(201).json(req.body);
});
router.get(
  '/things',
  validate({ query: z.object(paginationQuery) }),
  (_req, res) => void res.json({ items: [] }),
);
router.get('/things/:id', validate({ params: z.object({ id: z.uuid() }) }), (_req, res) => void res.json({}));
router.delete('/things/:id', (_req, res) => void res.status(204).end());
const app = createServiceApp({
  name: 'client-faults-test',
  logger,
  routes: { '/api': router },
  secureCookies: false,
});

let server: RunningServer;
beforeAll(async () => {
  server = await listen(app, 0, logger, 1_000);
});
afterAll(() => server.close());

const csrf = anonymousCsrf();
const post = (headers: Record<string, string>, body: string | Buffer) =>
  sendRaw(server.port, rawRequest('POST', '/api/things', { ...csrf, ...headers }, body));
const errorCode = (body: string) => (JSON.parse(body) as { errors: { code: string }[] }).errors[0]!.code;

test('when every client fault class is sent, then each answer is a 4xx in the JSON error shape', async () => {
  const answers = await fuzzClientFaults(app, {
    headers: csrf,
    bodyRoutes: [{ method: 'POST', path: '/api/things', body: { title: 'ok' }, textFields: ['title'] }],
    idPaths: ['/api/things/:id'],
    listPaths: ['/api/things'],
  });
  expect(answers.length).toBeGreaterThanOrEqual(20);
  expect(notClientErrors(answers)).toEqual([]);
});

test('when the JSON body declares a charset other than UTF-8, then 415 unsupported_media_type', async () => {
  const answer = await post({ 'Content-Type': 'application/json; charset=latin1' }, '{"title":"x"}');
  expect(answer.status).toBe(415);
  expect(errorCode(answer.body)).toBe('unsupported_media_type');
  const utf8 = await post({ 'Content-Type': 'application/json; charset=utf-8' }, '{"title":"x"}');
  expect(utf8.status).toBe(201);
});

test('when the body is not in its Content-Encoding, then 400; an unknown encoding is 415; real gzip works', async () => {
  const json = { 'Content-Type': 'application/json' };
  expect((await post({ ...json, 'Content-Encoding': 'gzip' }, '{"title":"x"}')).status).toBe(400);
  expect((await post({ ...json, 'Content-Encoding': 'x-fuzz' }, '{"title":"x"}')).status).toBe(415);
  const zipped = await post({ ...json, 'Content-Encoding': 'gzip' }, gzipSync('{"title":"zipped"}'));
  expect(zipped.status).toBe(201);
  expect(JSON.parse(zipped.body)).toEqual({ title: 'zipped' });
});

test('when a path id has broken percent-encoding or the query a NUL, then 400', async () => {
  const id = await sendRaw(server.port, rawRequest('GET', '/api/things/%E0%A4%A'));
  expect(id.status).toBe(400);
  const nul = await sendRaw(server.port, rawRequest('GET', '/api/things?cursor=a%00b'));
  expect(nul.status).toBe(400);
  expect(JSON.parse(nul.body).errors[0]).toMatchObject({ field: 'cursor' });
});

test('when OPTIONS is asked of an API path, then 204 with Allow; another method gets 405 with Allow', async () => {
  const options = await sendRaw(server.port, rawRequest('OPTIONS', '/api/things/123'));
  expect(options.status).toBe(204);
  expect(options.headers.allow).toBe('DELETE, GET, HEAD, OPTIONS');
  const patch = await sendRaw(server.port, rawRequest('PATCH', '/api/things', csrf));
  expect(patch.status).toBe(405);
  expect(patch.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
  expect(errorCode(patch.body)).toBe('method_not_allowed');
  expect((await sendRaw(server.port, rawRequest('OPTIONS', '/api/nothing'))).status).toBe(404);
});

test('when Node rejects the request itself (unknown method, over-long header), then JSON 400 / 431', async () => {
  const unknown = await sendRaw(server.port, rawRequest('FUZZ', '/api/things'));
  expect(unknown.status).toBe(400);
  expect(unknown.headers['content-type']).toMatch(/^application\/json/);
  const long = await sendRaw(server.port, rawRequest('GET', '/api/things', { 'X-Long': 'x'.repeat(20_000) }));
  expect(long.status).toBe(431);
  expect(errorCode(long.body)).toBe('headers_too_large');
});
