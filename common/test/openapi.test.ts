import { Router } from 'express';
import request from 'supertest';
import { z } from 'zod';
import {
  apiDocument,
  ConflictError,
  createLogger,
  createServiceApp,
  documentationGaps,
  handle,
  jsonResponse,
  operation,
  requireAuth,
} from '../src';
import { anonymousCsrf, contractCheckedApp, ResponseContract, signIn, testKeys } from '../src/testing';

const thing = z.object({ id: z.uuid(), title: z.string() });
const createThing = operation('post /', {
  summary: 'Create a thing',
  access: 'signed-in',
  body: z.object({ title: z.string().min(1) }),
  responses: { 201: jsonResponse('Created', thing), 409: 'Taken' },
});
const getThing = operation('get /:id', {
  summary: 'One thing',
  access: 'public',
  params: z.object({ id: z.uuid() }),
  responses: { 200: jsonResponse('The thing', thing) },
});

const id = '6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f';
const router = Router();
handle(router, createThing, requireAuth, (req, res) => {
  if (req.body.title === 'taken') throw new ConflictError('Taken');
  // A view that leaks a field the document does not have, as a bug would.
  const leak = req.body.title === 'leak' ? { secret: 'x' } : {};
  res.status(201).json({ id, title: req.body.title, ...leak });
});
handle(router, getThing, (req, res) => {
  // An answer the document does not list: 200 is the only success of this operation.
  if (req.params.id === id) return void res.status(202).json({ id, title: 'late' });
  res.json({ id: req.params.id, title: 'A thing' });
});
const routes = { '/api/things': router };
const document = apiDocument({ service: 'things', routes });
const app = createServiceApp({
  name: 'things',
  logger: createLogger('openapi-test', 'silent'),
  routes,
  apiDocument: document,
  auth: { publicKey: testKeys().publicKey, revocations: { isRevoked: () => false } },
  secureCookies: false,
});

describe('the document', () => {
  test('when operations are handled on a router, then the document has their paths, schemas and errors', () => {
    expect(document.openapi).toBe('3.1.0');
    const post = document.paths?.['/api/things']?.post;
    expect(post?.security).toEqual([{ session: [] }]);
    expect(Object.keys(post?.responses ?? {})).toEqual(['201', '401', '409', 'default']);
    expect(post?.parameters).toEqual([expect.objectContaining({ in: 'header', name: 'x-csrf-token' })]);
    const get = document.paths?.['/api/things/{id}']?.get;
    expect(get?.parameters).toEqual([expect.objectContaining({ in: 'path', name: 'id', required: true })]);
    expect(get?.security).toBeUndefined();
  });

  test('when the app is asked for /api/things/openapi.json, then it serves the document', async () => {
    const res = await request(app).get('/api/things/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  test('when a route is mounted without its operation, then documentationGaps names it', () => {
    const plain = Router();
    handle(plain, getThing, (_req, res) => void res.end());
    plain.delete('/:id', (_req, res) => void res.end());
    expect(documentationGaps({ '/api/things': plain })).toEqual({
      undocumented: ['DELETE /api/things/{id}'],
      missing: [],
    });
    expect(documentationGaps(routes)).toEqual({ undocumented: [], missing: [] });
  });
});

describe('checking answers against the document', () => {
  const violations: string[] = [];
  const checked = contractCheckedApp(app, new ResponseContract(document), violations);
  beforeEach(() => void violations.splice(0));

  test('when answers match the document, then nothing is reported (errors fall to their status or default)', async () => {
    const user = signIn();
    expect((await request(checked).post('/api/things').set(user.headers).send({ title: 'ok' })).status).toBe(
      201,
    );
    expect(
      (await request(checked).post('/api/things').set(user.headers).send({ title: 'taken' })).status,
    ).toBe(409);
    expect((await request(checked).post('/api/things').set(anonymousCsrf()).send({})).status).toBe(401);
    expect((await request(checked).get('/api/things/not-a-uuid')).status).toBe(400);
    expect((await request(checked).get('/nowhere')).status).toBe(404);
    expect(violations).toEqual([]);
  });

  test('when a body has a field the schema lacks, then the violation names the route and the field', async () => {
    await request(checked).post('/api/things').set(signIn().headers).send({ title: 'leak' });
    expect(violations).toEqual([
      expect.stringMatching(/^POST \/api\/things → 201: .*additional.*\(secret\)/),
    ]);
  });

  test('when a success status is not documented, then it is a violation', async () => {
    await request(checked).get(`/api/things/${id}`);
    expect(violations).toEqual([
      expect.stringContaining('status 202 is not documented for GET /api/things/{id}'),
    ]);
  });
});
