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

const EVENTS: [title: string, venue: string, basePriceCents: number][] = [
  ['The Midnight Owls — Live', 'Riverside Arena, Portland', 6500],
  ['Hamlet', 'Old Vic Theatre, London', 4800],
  ['City FC vs United', 'Northern Stadium, Manchester', 5500],
  ['Jazz at the Lake', 'Lakeside Pavilion, Chicago', 3900],
  ['Symphony No. 9 — Beethoven', 'Philharmonie, Berlin', 7200],
  ['Stand-up Night: Laugh Track', 'The Basement Club, New York', 2500],
  ['Electric Dunes Festival (day pass)', 'Desert Grounds, Indio', 15900],
  ['Swan Lake', 'Palais Garnier, Paris', 9800],
  ['Tech Conf 2027 (full access)', 'Convention Centre, Lisbon', 29900],
  ['Indie Roundup', 'Paradiso, Amsterdam', 3200],
  ['Basketball Finals — Game 3', 'Bay Center, San Francisco', 18900],
  ['Opera Gala', 'La Scala, Milan', 12500],
  ['Folk & Fiddle Evening', 'Whelan’s, Dublin', 2200],
];
const SEATS = ['Floor', 'Row A, seat 12', 'Balcony, seat 4', 'Standing'];

export interface Listing {
  title: string;
  venue: string;
  eventDate: string;
  priceCents: number;
  currency: string;
  description: string;
}

/** About fifty listings spread over the next months; titles are stable so a re-run finds its own. */
export function demoListings(now = new Date()): Listing[] {
  const listings: Listing[] = [];
  EVENTS.forEach(([title, venue, base], e) => {
    const day = new Date(now);
    day.setUTCDate(day.getUTCDate() + 7 + e * 9);
    day.setUTCHours(19, 30, 0, 0);
    SEATS.slice(0, e % 3 === 2 ? 3 : 4).forEach((seat, s) => {
      listings.push({
        title: `${title} · ${seat}`,
        venue,
        eventDate: day.toISOString(),
        priceCents: base + s * 750,
        currency:
          venue.includes('London') || venue.includes('Manchester')
            ? 'gbp'
            : venue.match(/Berlin|Paris|Milan|Lisbon|Amsterdam|Dublin/)
              ? 'eur'
              : 'usd',
        description: `${seat}. Resale of a ticket I cannot use — e-ticket transferred after payment.`,
      });
    });
  });
  return listings;
}
