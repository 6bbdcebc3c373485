'use server';

import { cookies } from 'next/headers';
import { isLanguage, LANGUAGE_COOKIE } from '.';

const ONE_YEAR = 365 * 24 * 60 * 60;

/**
 * The language switch's action: remembers the choice for a year. Setting a cookie in a server action makes
 * Next render the current page again, now in that language; without JavaScript the form posts and the page
 * comes back the same way.
 */
export async function setLanguage(form: FormData): Promise<void> {
  const lang = form.get('lang');
  if (!isLanguage(lang)) return;
  (await cookies()).set(LANGUAGE_COOKIE, lang, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax' });
}
