import { randomUUID } from 'node:crypto';
import {
  forThisFile,
  fuzzClientFaults,
  notClientErrors,
  signIn,
  UNSAFE_TEXTS,
} from '@ticketing/common/testing';
import request from 'supertest';
import { createListing, eventInput, listingInput, startTickets } from './factories';

const service = forThisFile(startTickets);

test('when every route gets each class of malformed request, then every answer is a 4xx JSON error', async () => {
  const seller = signIn();
  const { ticket } = await createListing(service.app, seller);
  const answers = await fuzzClientFaults(service.app, {
    headers: seller.headers,
    bodyRoutes: [
      {
        method: 'POST',
        path: '/api/tickets',
        body: listingInput(ticket.eventId, { section: 'A', row: '1', seat: '2' }),
        textFields: ['description', 'section', 'row', 'seat'],
      },
      { method: 'PUT', path: `/api/tickets/${ticket.id}`, body: { seat: 'New' }, textFields: ['seat'] },
      {
        method: 'POST',
        path: '/api/events',
        body: eventInput({ category: 'concert', imageUrl: 'https://example.com/a.jpg' }),
        textFields: ['title', 'venue', 'city', 'timeZone', 'imageUrl'],
      },
    ],
    idPaths: ['/api/tickets/:id', '/api/events/:id'],
    listPaths: ['/api/tickets', '/api/tickets/mine', '/api/events'],
    dateFilters: [
      { path: '/api/tickets', fields: ['from', 'to'] },
      { path: '/api/events', fields: ['from', 'to'] },
    ],
  });
  expect(notClientErrors(answers)).toEqual([]);
});

test.each(UNSAFE_TEXTS)(
  'when an event title holds %s, then 400 naming title and nothing is created',
  async (_holding, title) => {
    const venue = `Hall ${randomUUID().slice(0, 8)}`;
    const res = await request(service.app)
      .post('/api/events')
      .set(signIn().headers)
      .send(eventInput({ title, venue }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'title' })]);
    const found = await request(service.app).get('/api/events').query({ q: venue });
    expect(found.body.items).toEqual([]);
  },
);

test('when a description has line breaks, then they are kept', async () => {
  const { ticket } = await createListing(service.app, signIn(), { description: 'Doors 7pm\r\nNo re-entry' });
  const res = await request(service.app).get(`/api/tickets/${ticket.id}`);
  expect(res.body.description).toBe('Doors 7pm\nNo re-entry');
});
