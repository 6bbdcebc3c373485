'use client';

import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { dateTimeOptions, formatMoney } from '@/lib/format';

/** The locale numbers and dates are formatted in: the language of the text (lib/messages). */
const LocaleContext = createContext('en-US');

export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);

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
 * When an event starts. Listings do not record the venue's time zone, so the time is given in UTC,
 * labelled, the same for every reader; the browser adds the reader's own clock time when it differs.
 */
export function EventDate({ iso, withLocal = true }: { iso: string; withLocal?: boolean }) {
  const locale = useLocale();
  const date = new Date(iso);
  const utc = new Intl.DateTimeFormat(locale, { ...labelled, timeZone: 'UTC' }).format(date);
  const yours = useBrowserText(
    () => '',
    () => {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (!withLocal || zone === 'UTC' || zone === 'Etc/UTC') return null;
      const time = new Intl.DateTimeFormat(locale, {
        hour: 'numeric',
        minute: '2-digit',
        weekday: 'short',
        timeZoneName: 'short',
      }).format(date);
      return ` (${time} your time)`;
    },
  );
  return (
    <time dateTime={iso}>
      {utc}
      {yours && <span className="muted">{yours}</span>}
    </time>
  );
}
