/** Long because it is data: the demo accounts, events and seats the seed writes, and their dates. */
import type { Credentials } from './api-client';

/** Fixed, documented demo accounts (local development only; printed at the end of every seed). */
export const DEMO_PASSWORD = 'demo-password-1';
export const SELLERS: Credentials[] = [
  { email: 'seller@demo.test', password: DEMO_PASSWORD, name: 'Sam Seller' },
  { email: 'seller2@demo.test', password: DEMO_PASSWORD, name: 'Riley Resale' },
  { email: 'seller3@demo.test', password: DEMO_PASSWORD, name: 'Morgan Box Office' },
];
export const BUYERS: Credentials[] = [
  { email: 'buyer@demo.test', password: DEMO_PASSWORD, name: 'Bea Buyer' },
  { email: 'buyer2@demo.test', password: DEMO_PASSWORD, name: 'Alex Attendee' },
];

interface DemoEvent {
  title: string;
  venue: string;
  city: string;
  timeZone: string;
  category: string;
  basePriceCents: number;
  currency: string;
}

const EVENTS: DemoEvent[] = [
  ['The Midnight Owls — Live', 'Riverside Arena', 'Portland', 'America/Los_Angeles', 'concert', 6500, 'usd'],
  ['Hamlet', 'Old Vic Theatre', 'London', 'Europe/London', 'theatre', 4800, 'gbp'],
  ['City FC vs United', 'Northern Stadium', 'Manchester', 'Europe/London', 'sport', 5500, 'gbp'],
  ['Jazz at the Lake', 'Lakeside Pavilion', 'Chicago', 'America/Chicago', 'concert', 3900, 'usd'],
  ['Symphony No. 9 — Beethoven', 'Philharmonie', 'Berlin', 'Europe/Berlin', 'concert', 7200, 'eur'],
  ['Stand-up Night: Laugh Track', 'The Basement Club', 'New York', 'America/New_York', 'comedy', 2500, 'usd'],
  [
    'Electric Dunes Festival (day pass)',
    'Desert Grounds',
    'Indio',
    'America/Los_Angeles',
    'festival',
    15900,
    'usd',
  ],
  ['Swan Lake', 'Palais Garnier', 'Paris', 'Europe/Paris', 'theatre', 9800, 'eur'],
  [
    'Tech Conf 2027 (full access)',
    'Convention Centre',
    'Lisbon',
    'Europe/Lisbon',
    'conference',
    29900,
    'eur',
  ],
  ['Indie Roundup', 'Paradiso', 'Amsterdam', 'Europe/Amsterdam', 'concert', 3200, 'eur'],
  ['Basketball Finals — Game 3', 'Bay Center', 'San Francisco', 'America/Los_Angeles', 'sport', 18900, 'usd'],
  ['Opera Gala', 'La Scala', 'Milan', 'Europe/Rome', 'theatre', 12500, 'eur'],
  ['Folk & Fiddle Evening', 'Whelan’s', 'Dublin', 'Europe/Dublin', 'concert', 2200, 'eur'],
].map(([title, venue, city, timeZone, category, basePriceCents, currency]) => ({
  title: String(title),
  venue: String(venue),
  city: String(city),
  timeZone: String(timeZone),
  category: String(category),
  basePriceCents: Number(basePriceCents),
  currency: String(currency),
}));

/**
 * Seats on offer in each event, cheapest first: some say where they are, a standing ticket does not; some
 * listings hold several tickets (four standing in any number, a pair never split, three side by side that
 * never leave one alone).
 */
const SEATS: {
  section?: string;
  row?: string;
  seat?: string;
  quantity: number;
  split: 'any' | 'no-single' | 'all';
  label: string;
}[] = [
  { quantity: 4, split: 'any', label: 'Four standing tickets, buy any number' },
  {
    section: 'Balcony',
    row: 'D',
    seat: '4-5',
    quantity: 2,
    split: 'all',
    label: 'Balcony, row D, seats 4 and 5 (a pair)',
  },
  {
    section: 'Stalls',
    row: 'A',
    seat: '12-14',
    quantity: 3,
    split: 'no-single',
    label: 'Stalls, row A, seats 12 to 14',
  },
  { section: 'Floor', quantity: 1, split: 'any', label: 'Floor' },
];

/** What POST /api/events is sent: a demo event's facts (not its prices), and when it starts. */
export type EventInput = Omit<DemoEvent, 'basePriceCents' | 'currency'> & { startsAt: string };

export interface Listing {
  priceCents: number;
  currency: string;
  description: string;
  section?: string;
  row?: string;
  seat?: string;
  quantity: number;
  split: 'any' | 'no-single' | 'all';
}

/** The offset of `timeZone` from UTC at `at`, in minutes (Europe/Berlin in winter: 60). */
function offsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+01:00", or "GMT" at zero
  const [, sign, hours, minutes] = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name)!;
  return sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) : 0;
}

/**
 * Thirteen events spread over the next months, each at 19:30 local time, with three or four listings.
 * Titles are stable so a re-run finds its own events and listings.
 */
export function demoEvents(now = new Date()): { event: EventInput; listings: Listing[] }[] {
  return EVENTS.map((e, n) => {
    const day = new Date(now);
    day.setUTCDate(day.getUTCDate() + 7 + n * 9);
    const wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 19, 30);
    const startsAt = new Date(wall - offsetMinutes(e.timeZone, new Date(wall)) * 60_000);
    const seats = SEATS.slice(0, n % 3 === 2 ? 3 : 4);
    return {
      event: {
        title: e.title,
        venue: e.venue,
        city: e.city,
        startsAt: startsAt.toISOString(),
        timeZone: e.timeZone,
        category: e.category,
      },
      listings: seats.map(({ label, ...place }, s) => ({
        ...place,
        priceCents: e.basePriceCents + s * 750,
        currency: e.currency,
        description: `${label}. Resale of tickets I cannot use — e-tickets issued after payment.`,
      })),
    };
  });
}
