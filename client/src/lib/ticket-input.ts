import type { TicketInput } from '@/lib/api/browser';
import { toMinorUnits } from '@/lib/format';
import { messages } from '@/lib/messages';

/** The API's bound on a price, in minor units. */
const MAX_PRICE_CENTS = 100_000_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant → the browser's wall-clock value for <input type="datetime-local">. */
export const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/**
 * The sell form's fields → the API's input, checking every field at once (the API checks again): the
 * seller sees all that is wrong in one round, in the catalogue's words.
 */
export function readTicketForm(form: FormData): { input: TicketInput; errors: Record<string, string> } {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const say = messages.errors.byField.ticket;
  const errors: Record<string, string> = {};
  const currency = text('currency') || 'usd';
  const local = text('eventDate');
  const when = local ? new Date(local) : null;
  const priceCents = toMinorUnits(text('price'), currency);
  const input: TicketInput = {
    title: text('title'),
    venue: text('venue'),
    // The browser knows the seller's time zone: an instant with an offset, as the API requires.
    eventDate: when && !Number.isNaN(when.getTime()) ? when.toISOString() : local,
    priceCents: priceCents ?? 0,
    currency,
    description: text('description'),
  };
  if (!input.title || input.title.length > 120) errors.title = say.title;
  if (!input.venue || input.venue.length > 120) errors.venue = say.venue;
  if (!when || Number.isNaN(when.getTime()) || when.getTime() <= Date.now()) errors.eventDate = say.eventDate;
  if (priceCents === null || priceCents <= 0 || priceCents > MAX_PRICE_CENTS)
    errors.priceCents = say.priceCents;
  if (input.description.length > 2_000) errors.description = say.description;
  return { input, errors };
}
