'use client';

import { useSyncExternalStore } from 'react';
import { formatEventTime } from '@/lib/event-time';
import { dateTimeOptions, formatMoney } from '@/lib/format';
import { useMessages } from './messages';

/** The locale numbers and dates are formatted in: the language of the text (lib/messages). */
export const useLocale = () => useMessages().locale;

export function Money({ minor, currency }: { minor: number; currency: string }) {
  return <span className="price">{formatMoney(minor, currency, useLocale())}</span>;
}

const subscribeNever = () => () => undefined;
const labelled = { ...dateTimeOptions, timeZoneName: 'short' } as const;

/** Rendered by the server in UTC; the browser's snapshot replaces it after hydration, with no mismatch. */
function useBrowserText(server: () => string, browser: () => string | null): string {
  return useSyncExternalStore(subscribeNever, () => browser() ?? server(), server);
}

/**
 * A moment of this site's own (an order placed, a listing created): in the reader's time zone, labelled
 * with it. The server does not know that zone, so it renders UTC, labelled, until the browser takes over.
 */
export function LocalDate({ iso }: { iso: string }) {
  const locale = useLocale();
  const date = new Date(iso);
  const text = useBrowserText(
    () => new Intl.DateTimeFormat(locale, { ...labelled, timeZone: 'UTC' }).format(date),
    () => new Intl.DateTimeFormat(locale, labelled).format(date),
  );
  return <time dateTime={iso}>{text}</time>;
}

/**
 * When an event starts: in the event's own time zone, named, the same for every reader (and for the server
 * and the browser); the browser adds the reader's own clock time when their zone differs. Without a zone
 * (an order from before events had one) the time is given in UTC.
 */
export function EventDate({
  iso,
  timeZone = 'UTC',
  withLocal = true,
}: {
  iso: string;
  timeZone?: string;
  withLocal?: boolean;
}) {
  const t = useMessages();
  const locale = t.locale;
  const date = new Date(iso);
  const there = formatEventTime(iso, timeZone, locale);
  const yours = useBrowserText(
    () => '',
    () => {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const same = (z: string) => new Intl.DateTimeFormat('en', { timeZone: z, timeZoneName: 'longOffset' });
      if (!withLocal || same(zone).format(date) === same(timeZone).format(date)) return null;
      const time = new Intl.DateTimeFormat(locale, {
        hour: 'numeric',
        minute: '2-digit',
        weekday: 'short',
        timeZoneName: 'short',
      }).format(date);
      return t.dates.yourTime(time);
    },
  );
  return (
    <time dateTime={iso}>
      {there}
      {yours && <span className="muted">{yours}</span>}
    </time>
  );
}
