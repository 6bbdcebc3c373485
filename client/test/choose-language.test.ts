import { expect, test } from '@jest/globals';
import { chooseLanguage, LANGUAGES } from '@/lib/messages';

test.each([
  ['the cookie names a language we have', 'de', 'en-US,en;q=0.9', 'de'],
  ['the cookie wins over the browser', 'en', 'de-DE,de;q=0.9', 'en'],
  ['an unknown cookie falls back to the browser', 'xx', 'de-AT', 'de'],
  ['no cookie, a German browser', undefined, 'de-DE,de;q=0.9,en;q=0.8', 'de'],
  ['a region of German counts as German', undefined, 'de-CH', 'de'],
  ['English preferred over German', undefined, 'en-GB,en;q=0.9,de;q=0.8', 'en'],
  ['the quality decides, not the order', undefined, 'fr;q=0.5,de;q=0.9,en;q=0.7', 'de'],
  ['a language we lack is skipped', undefined, 'fr-FR,fr;q=0.9,de;q=0.3', 'de'],
  ['q=0 means "not this one"', undefined, 'de;q=0,en;q=0.1', 'en'],
  ['nothing we have', undefined, 'fr-FR,ja', 'en'],
  ['no header at all', undefined, null, 'en'],
])('when %s, then the page is in that language', (_, cookie, header, expected) => {
  expect(chooseLanguage(cookie, header)).toBe(expected);
});

test('when a language is added, then it states its own code, name and locale', () => {
  for (const [code, catalogue] of Object.entries(LANGUAGES)) {
    expect(catalogue.lang).toBe(code);
    expect(catalogue.name).not.toBe('');
    expect(() => new Intl.NumberFormat(catalogue.locale)).not.toThrow();
  }
});

test('when spans are put in words, then each language counts in its own nouns', () => {
  expect(LANGUAGES.en.time.duration(900)).toBe('15 minutes');
  expect(LANGUAGES.en.time.duration(1)).toBe('1 second');
  expect(LANGUAGES.en.time.window(168)).toBe('7 days');
  expect(LANGUAGES.en.time.window(48)).toBe('48 hours');
  expect(LANGUAGES.de.time.duration(60)).toBe('1 Minute');
  expect(LANGUAGES.de.time.window(24)).toBe('24 Stunden');
  expect(LANGUAGES.de.time.window(72)).toBe('3 Tage');
});
