import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ticketCreated } from '@ticketing/common';
import { anonymousCsrf, invalidFields, signIn, waitFor } from '@ticketing/common/testing';
import { events } from '../src/data/schema';
import {
  createEvent,
  createListing,
  inDays,
  listingInput,
  startTickets,
  type EventBody,
  type TicketsTestService,
} from './factories';

let service: TicketsTestService;
let listedEvent: EventBody;

beforeAll(async () => {
  service = await startTickets({ TICKETS_CREATE_LIMIT_PER_MINUTE: '5' });
  listedEvent = await createEvent(service.app);
});

afterAll(async () => {
  await service.close();
});

const post = (headers: Record<string, string>, body: object) =>
  request(service.app).post('/api/tickets').set(headers).send(body);

test('when a signed-in user lists a ticket, then it is stored available at version 0 and ticket.created is published with its event time zone', async () => {
  const seller = signIn();
  const res = await post(
    seller.headers,
    listingInput(listedEvent.id, { currency: 'EUR', description: 'Row 12' }),
  );

  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    eventId: listedEvent.id,
    title: 'Radiohead — In Rainbows tour',
    venue: 'Madison Square Garden',
    eventDate: listedEvent.startsAt,
    priceCents: 12_500,
    currency: 'eur',
    description: 'Row 12',
    sellerId: seller.user.id,
    status: 'available',
    orderId: null,
    version: 0,
  });
  const event = await waitFor(() =>
    service.recorder!.of(ticketCreated).find((e) => e.data.id === res.body.id),
  );
  expect(event.data).toEqual({
    id: res.body.id,
    version: 0,
    title: res.body.title,
    venue: res.body.venue,
    eventDate: res.body.eventDate,
    priceCents: 12_500,
    currency: 'eur',
    sellerId: seller.user.id,
    status: 'available',
    quantity: 1,
    available: 1,
    split: 'any',
    revision: 0,
    cancellationHours: 48,
    timeZone: 'America/New_York',
  });
});

test('when the seller sets a cancellation window, then the listing and ticket.created carry it; a bad one is 400', async () => {
  const seller = signIn();
  const res = await post(seller.headers, listingInput(listedEvent.id, { cancellationHours: 0 }));
  expect(res.status).toBe(201);
  expect(res.body.cancellationHours).toBe(0);
  const event = await waitFor(() =>
    service.recorder!.of(ticketCreated).find((e) => e.data.id === res.body.id),
  );
  expect(event.data.cancellationHours).toBe(0);
  for (const cancellationHours of [-1, 1.5, 721, '24']) {
    const bad = await post(seller.headers, listingInput(listedEvent.id, { cancellationHours }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('cancellationHours');
  }
});

test('when the currency is left out, then it defaults to usd', async () => {
  const { ticket } = await createListing(service.app);
  expect(ticket).toMatchObject({ currency: 'usd', description: '' });
});

test('when nobody is signed in, then listing a ticket answers 401', async () => {
  const res = await post(anonymousCsrf(), listingInput(listedEvent.id));
  expect(res.status).toBe(401);
  expect(res.body.errors[0].code).toBe('not_authorized');
});

test('when every field is wrong, then 400 names each bad field', async () => {
  const res = await post(signIn().headers, {
    eventId: 'soon',
    priceCents: 12.5,
    currency: 'euro',
    description: 'x'.repeat(2_001),
    section: 'x'.repeat(41),
    row: 'A\u0000',
  });
  expect(res.status).toBe(400);
  const fields = invalidFields(res);
  expect(fields).toEqual(['currency', 'description', 'eventId', 'priceCents', 'row', 'section']);
});

test.each([
  ['a zero price', { priceCents: 0 }, 'priceCents'],
  ['a price above the maximum', { priceCents: 100_000_001 }, 'priceCents'],
  ['a price given as a string', { priceCents: '1500' }, 'priceCents'],
  ['no event', { eventId: undefined }, 'eventId'],
  ['a seat on two lines', { seat: '12\n13' }, 'seat'],
])('when the listing has %s, then 400 names that field', async (_what, change, field) => {
  const res = await post(signIn().headers, listingInput(listedEvent.id, change));
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([expect.objectContaining({ code: 'invalid', field })]);
});

test.each([
  [
    "USD 0.49, below Stripe's smallest charge",
    { priceCents: 49 },
    'priceCents',
    'Price must be at least USD 0.50',
  ],
  ['GBP 0.29', { priceCents: 29, currency: 'GBP' }, 'priceCents', 'Price must be at least GBP 0.30'],
  ['JPY 49 (a zero-decimal currency)', { priceCents: 49, currency: 'jpy' }, 'priceCents', 'at least JPY 50'],
  ['a currency the provider does not take', { currency: 'XYZ' }, 'currency', 'currency XYZ is not accepted'],
])(
  'when the listing asks %s, then 400 price_not_chargeable with a clear message',
  async (_what, change, field, message) => {
    const res = await post(signIn().headers, listingInput(listedEvent.id, change));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { code: 'price_not_chargeable', field, message: expect.stringContaining(message) },
    ]);
  },
);

test('when the listing asks USD 999,999.99 or JPY 50, then it is listed', async () => {
  expect(
    (await post(signIn().headers, listingInput(listedEvent.id, { priceCents: 99_999_999 }))).status,
  ).toBe(201);
  expect(
    (await post(signIn().headers, listingInput(listedEvent.id, { priceCents: 50, currency: 'jpy' }))).status,
  ).toBe(201);
});

test('when a seller lists more than the per-minute limit, then 429 with Retry-After, and other sellers are unaffected', async () => {
  const seller = signIn();
  for (let i = 0; i < 5; i++)
    expect((await post(seller.headers, listingInput(listedEvent.id))).status).toBe(201);

  const limited = await post(seller.headers, listingInput(listedEvent.id));
  expect(limited.status).toBe(429);
  expect(limited.body.errors[0].code).toBe('rate_limited');
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect((await post(signIn().headers, listingInput(listedEvent.id))).status).toBe(201);
});

test('when anyone asks for a listing by id, then it is returned without the holding order id', async () => {
  const { ticket, seller } = await createListing(service.app);

  const anonymous = await request(service.app).get(`/api/tickets/${ticket.id}`);
  expect(anonymous.status).toBe(200);
  expect(anonymous.body).toMatchObject({ id: ticket.id, status: 'available', sellerId: seller.user.id });
  expect(anonymous.body).not.toHaveProperty('orderId');

  const own = await request(service.app).get(`/api/tickets/${ticket.id}`).set('Cookie', seller.cookie);
  expect(own.body).toHaveProperty('orderId', null);
});

test('when the id is unknown, then 404; when it is not a uuid, then 400 on the id field', async () => {
  const unknown = await request(service.app).get(`/api/tickets/${randomUUID()}`);
  expect(unknown.status).toBe(404);
  expect(unknown.body.errors[0].code).toBe('not_found');

  const malformed = await request(service.app).get('/api/tickets/not-a-uuid');
  expect(malformed.status).toBe(400);
  expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
});

test('when a listing gives its section, row and seat, then they are stored; left out, they are null', async () => {
  const seller = signIn();
  const placed = await post(
    seller.headers,
    listingInput(listedEvent.id, { section: 'Balcony', row: 'C', seat: '14' }),
  );
  expect(placed.status).toBe(201);
  expect(placed.body).toMatchObject({ eventId: listedEvent.id, section: 'Balcony', row: 'C', seat: '14' });
  const bare = await post(seller.headers, listingInput(listedEvent.id, { section: '' }));
  expect(bare.body).toMatchObject({ section: null, row: null, seat: null });
});

test('when a listing holds 4 tickets sold never leaving one, then it says so, and what a buyer may take', async () => {
  const placed = await post(
    signIn().headers,
    listingInput(listedEvent.id, { quantity: 4, split: 'no-single' }),
  );
  expect(placed.status).toBe(201);
  expect(placed.body).toMatchObject({
    quantity: 4,
    split: 'no-single',
    available: 4,
    allowedQuantities: [1, 2, 4],
    reserved: 0,
    sold: 0,
  });
  const event = await waitFor(() =>
    service.recorder!.of(ticketCreated).find((e) => e.data.id === placed.body.id),
  );
  expect(event.data).toMatchObject({ quantity: 4, available: 4, split: 'no-single' });
});

test.each([
  [{ quantity: 0 }, 'quantity'],
  [{ quantity: 21 }, 'quantity'],
  [{ quantity: 2.5 }, 'quantity'],
  [{ split: 'pairs' }, 'split'],
])('when the listing gives %p, then 400 names %s', async (fields, field) => {
  const res = await post(signIn().headers, listingInput(listedEvent.id, fields));
  expect(res.status).toBe(400);
  expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
});

test('when the event is unknown or has started, then 400 names eventId with its own code', async () => {
  const unknown = await post(signIn().headers, listingInput(randomUUID()));
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors).toEqual([
    expect.objectContaining({ code: 'event_not_found', field: 'eventId' }),
  ]);

  const [past] = await service.database.db
    .insert(events)
    .values({
      title: 'Yesterday',
      venue: 'Hall',
      city: 'Oslo',
      startsAt: inDays(-1),
      timeZone: 'Europe/Oslo',
    })
    .returning({ id: events.id });
  const started = await post(signIn().headers, listingInput(past!.id));
  expect(started.status).toBe(400);
  expect(started.body.errors).toEqual([expect.objectContaining({ code: 'event_started', field: 'eventId' })]);
});

test('when a listing is read, then it carries its event with the time zone', async () => {
  const { ticket } = await createListing(service.app, signIn(), {}, listedEvent.id);
  const res = await request(service.app).get(`/api/tickets/${ticket.id}`);
  expect(res.body.event).toMatchObject({
    id: listedEvent.id,
    city: 'New York',
    timeZone: 'America/New_York',
  });
});

test('when a user who has not confirmed their email lists a ticket or creates an event, then 403 email_not_verified and nothing is stored', async () => {
  const unverified = signIn({ emailVerified: false });
  const listing = await post(unverified.headers, listingInput(listedEvent.id));
  expect(listing.status).toBe(403);
  expect(listing.body.errors).toEqual([{ code: 'email_not_verified', message: expect.any(String) }]);
  const event = await request(service.app)
    .post('/api/events')
    .set(unverified.headers)
    .send({
      title: 'Unconfirmed show',
      venue: 'Nowhere Hall',
      city: 'Berlin',
      startsAt: inDays(30).toISOString(),
      timeZone: 'Europe/Berlin',
    });
  expect(event.status).toBe(403);
  expect(event.body.errors[0].code).toBe('email_not_verified');
  const mine = await request(service.app).get('/api/tickets/mine').set('Cookie', unverified.cookie);
  expect(mine.status).toBe(200);
  expect(mine.body.items).toEqual([]);
});
