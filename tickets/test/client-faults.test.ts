import { randomUUID } from 'node:crypto';
import {
  fuzzClientFaults,
  notClientErrors,
  signIn,
  startTestService,
  type TestService,
} from '@ticketing/common/testing';
import request from 'supertest';
import { ticketsService } from '../src/app';
import { loadServiceConfig, type Config } from '../src/config';
import { createListing, listingInput } from './factories';

let service: TestService<Config>;

beforeAll(async () => {
  service = await startTestService(ticketsService, (env) => loadServiceConfig(env));
});

afterAll(() => service.close());

test('when every route gets each class of malformed request, then every answer is a 4xx JSON error', async () => {
  const seller = signIn();
  const { ticket } = await createListing(service.app, seller);
  const answers = await fuzzClientFaults(service.app, {
    headers: seller.headers,
    bodyRoutes: [
      {
        method: 'POST',
        path: '/api/tickets',
        body: listingInput(),
        textFields: ['title', 'venue', 'description'],
      },
      { method: 'PUT', path: `/api/tickets/${ticket.id}`, body: { title: 'New' }, textFields: ['title'] },
    ],
    idPaths: ['/api/tickets/:id'],
    listPaths: ['/api/tickets', '/api/tickets/mine'],
    dateFilters: [{ path: '/api/tickets', fields: ['from', 'to'] }],
  });
  expect(notClientErrors(answers)).toEqual([]);
});

test.each([
  ['a CR LF', 'Encore\r\nX-Injected: 1'],
  ['a right-to-left override', 'Concert \u202Eredrum'],
  ['a NUL', 'a\u0000b'],
])('when a title holds %s, then 400 naming title and nothing is listed', async (_name, title) => {
  const seller = signIn({ id: randomUUID() });
  const res = await request(service.app)
    .post('/api/tickets')
    .set(seller.headers)
    .send(listingInput({ title }));
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([expect.objectContaining({ field: 'title' })]);
  const mine = await request(service.app).get('/api/tickets/mine').set(seller.headers);
  expect(mine.body.items).toEqual([]);
});

test('when a description has line breaks, then they are kept', async () => {
  const { ticket } = await createListing(service.app, signIn(), { description: 'Doors 7pm\r\nNo re-entry' });
  const res = await request(service.app).get(`/api/tickets/${ticket.id}`);
  expect(res.body.description).toBe('Doors 7pm\nNo re-entry');
});
