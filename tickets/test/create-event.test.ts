import request from 'supertest';
import { anonymousCsrf, forThisFile, invalidFields, signIn } from '@ticketing/common/testing';
import { eventInput, inDays, startTickets } from './factories';

const service = forThisFile(startTickets);

const post = (headers: Record<string, string>, body: object) =>
  request(service.app).post('/api/events').set(headers).send(body);

test('when a signed-in seller creates an event, then 201 with its time zone, category and image', async () => {
  const body = eventInput({
    title: 'Symphony No. 9',
    venue: 'Philharmonie',
    city: 'Berlin',
    timeZone: 'Europe/Berlin',
    category: 'concert',
    imageUrl: 'https://images.example.com/ninth.jpg',
  });
  const res = await post(signIn().headers, body);

  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ ...body, startsAt: new Date(body.startsAt).toISOString() });
  const read = await request(service.app).get(`/api/events/${res.body.id}`);
  expect(read.body).toMatchObject({ title: 'Symphony No. 9', availableCount: 0, listings: [] });
});

test('when the same title, venue and start exist, then 409 event_exists', async () => {
  const body = eventInput();
  expect((await post(signIn().headers, body)).status).toBe(201);
  const again = await post(signIn().headers, { ...body, title: body.title.toUpperCase() });
  expect(again.status).toBe(409);
  expect(again.body.errors[0].code).toBe('event_exists');
});

test('when nobody is signed in, then 401', async () => {
  expect((await post(anonymousCsrf(), eventInput())).status).toBe(401);
});

test('when every field is wrong, then 400 names each of them', async () => {
  const res = await post(signIn().headers, {
    title: ' ',
    venue: 'x'.repeat(121),
    city: '',
    startsAt: inDays(-1).toISOString(),
    timeZone: 'Mars/Olympus_Mons',
    category: 'circus',
    imageUrl: 'http://plain.example.com/a.jpg',
  });
  expect(res.status).toBe(400);
  expect(invalidFields(res)).toEqual([
    'category',
    'city',
    'imageUrl',
    'startsAt',
    'timeZone',
    'title',
    'venue',
  ]);
});

test.each([
  ['a start without an offset', { startsAt: '2099-01-01T20:00:00' }, 'startsAt'],
  ['a time zone abbreviation', { timeZone: 'CET1CEST' }, 'timeZone'],
  ['a javascript: image', { imageUrl: 'javascript:alert(1)' }, 'imageUrl'],
])('when the event has %s, then 400 names that field', async (_what, change, field) => {
  const res = await post(signIn().headers, eventInput(change));
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
});
