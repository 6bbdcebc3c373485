import { expect, test } from '@jest/globals';
import { formatEventTime, zonedInstant } from '@/lib/event-time';

test.each([
  ['a winter evening in Berlin', '2031-01-10T20:00', 'Europe/Berlin', '2031-01-10T19:00:00.000Z'],
  ['a summer evening in Berlin', '2031-06-20T20:30', 'Europe/Berlin', '2031-06-20T18:30:00.000Z'],
  ['New York in daylight saving time', '2031-06-20T14:30', 'America/New_York', '2031-06-20T18:30:00.000Z'],
  [
    'the morning after Berlin springs forward',
    '2031-03-30T09:00',
    'Europe/Berlin',
    '2031-03-30T07:00:00.000Z',
  ],
  ['the evening before it does', '2031-03-29T21:00', 'Europe/Berlin', '2031-03-29T20:00:00.000Z'],
  ['UTC', '2031-06-20T18:30', 'UTC', '2031-06-20T18:30:00.000Z'],
])('when %s is read at the venue, then it is that instant', (_what, local, zone, instant) => {
  expect(zonedInstant(local, zone)?.toISOString()).toBe(instant);
});

test('when the text is not a date-time or the zone is unknown, then there is no instant', () => {
  expect(zonedInstant('2031-06-20', 'UTC')).toBeNull();
  expect(zonedInstant('2031-06-20T18:30', 'Mars/Olympus')).toBeNull();
});

test('when an event time is formatted, then it is in the event’s zone and names it once', () => {
  expect(formatEventTime('2031-03-14T19:00:00.000Z', 'Europe/Berlin', 'en-US')).toBe(
    'Fri, Mar 14, 2031, 8:00 PM GMT+1 (Europe/Berlin)',
  );
  expect(formatEventTime('2031-06-20T18:30:00.000Z', 'UTC', 'en-US')).toBe('Fri, Jun 20, 2031, 6:30 PM UTC');
});
