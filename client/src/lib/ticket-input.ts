import type { TicketInput } from '@/lib/api/browser';
import { toMinorUnits } from '@/lib/format';
import { formText, type FormReading } from '@/lib/form-input';
import type { Messages } from '@/lib/messages';

/** Until when buyers may cancel, as the listing form offers it (hours before the event; 0: never). */
export const CANCELLATION_CHOICES = [0, 24, 48, 72, 168];
export const DEFAULT_CANCELLATION_HOURS = 48;

/** The API's bound on a price, in minor units. */
const MAX_PRICE_CENTS = 100_000_000;

/**
 * The listing form's fields → the API's input, checking every field at once (the API checks again): the
 * seller sees all that is wrong in one round, in the catalogue's words.
 */
export function readTicketForm(form: FormData, t: Messages): FormReading<TicketInput> {
  const text = formText(form);
  const say = t.errors.byField.ticket;
  const errors: Record<string, string> = {};
  const currency = text('currency') || 'usd';
  const priceCents = toMinorUnits(text('price'), currency);
  const input: TicketInput = {
    priceCents: priceCents ?? 0,
    currency,
    description: text('description'),
    section: text('section'),
    row: text('row'),
    seat: text('seat'),
    quantity: Number(text('quantity') || '1'),
    split: (text('split') || 'any') as TicketInput['split'],
    cancellationHours: Number(text('cancellationHours') || DEFAULT_CANCELLATION_HOURS),
  };
  if (!CANCELLATION_CHOICES.includes(input.cancellationHours))
    errors.cancellationHours = say.cancellationHours;
  if (priceCents === null || priceCents <= 0 || priceCents > MAX_PRICE_CENTS)
    errors.priceCents = say.priceCents;
  if (input.description.length > 2_000) errors.description = say.description;
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > 20)
    errors.quantity = say.quantity;
  if (!['any', 'no-single', 'all'].includes(input.split)) errors.split = say.split;
  for (const place of ['section', 'row', 'seat'] as const)
    if (input[place].length > 40) errors[place] = say[place];
  return { input, errors };
}
