'use client';

import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { dateTimeOptions, formatMoney } from '@/lib/format';

/** The locale the server chose from Accept-Language: server and browser format numbers the same way. */
const LocaleContext = createContext('en-US');

export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);

export function Money({ minor, currency }: { minor: number; currency: string }) {
  return <span className="price">{formatMoney(minor, currency, useLocale())}</span>;
}

const subscribeNever = () => () => undefined;

/**
 * A date in the reader's own time zone. The server does not know it, so it renders UTC (labelled);
 * the browser's snapshot replaces it right after hydration, with no mismatch to warn about.
 */
export function LocalDate({
  iso,
  options = dateTimeOptions,
}: {
  iso: string;
  options?: Intl.DateTimeFormatOptions;
}) {
  const locale = useLocale();
  const date = new Date(iso);
  const text = useSyncExternalStore(
    subscribeNever,
    () => new Intl.DateTimeFormat(locale, options).format(date),
    () =>
      new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC', timeZoneName: 'short' }).format(date),
  );
  return <time dateTime={iso}>{text}</time>;
}
