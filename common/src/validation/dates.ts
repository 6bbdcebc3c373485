/**
 * PostgreSQL has no year 0 and JavaScript reaches ±275760: an instant a request carries (a filter, a
 * cursor, an event date) must fall in years 1–9999 to be compared or stored.
 */
export function isStorableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1 && year <= 9999;
}

export const STORABLE_DATE_MESSAGE = 'must be a date between the years 0001 and 9999';
