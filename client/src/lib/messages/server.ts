import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { chooseLanguage, LANGUAGE_COOKIE, LANGUAGES, type Language, type Messages } from '.';

/** The language of this request (the cookie, else Accept-Language), read once per request. */
export const getLanguage = cache(async (): Promise<Language> => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return chooseLanguage(jar.get(LANGUAGE_COOKIE)?.value, head.get('accept-language'));
});

/** The catalogue of this request's language, for server components and `generateMetadata`. */
export const getMessages = cache(async () => LANGUAGES[await getLanguage()]);

/** A page's `generateMetadata`: its title (and any other metadata) in the request's language. */
export const pageTitle =
  (title: (t: Messages) => string, more: Metadata = {}) =>
  async (): Promise<Metadata> => ({ title: title(await getMessages()), ...more });
