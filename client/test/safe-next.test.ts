import { expect, test } from '@jest/globals';
import { safeNext } from '@/lib/safe-next';

test.each([
  '//evil.com',
  '///evil.com',
  '/\\evil.com',
  '\\\\evil.com',
  '/.//evil.com',
  '/..//evil.com',
  '/./..//evil.com',
  '/%2e//evil.com',
  '/%2E%2E//evil.com',
  '/%2f%2fevil.com',
  '/%2F/evil.com',
  '/%5cevil.com',
  '/%5c%5cevil.com',
  '/\t/evil.com',
  '/\n/evil.com',
  '/\r\n/evil.com',
  '/ticket\u0000s',
  'https://evil.com',
  'http:evil.com',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,hi',
  'evil.com',
  '',
  '/%E0%A4%A',
])('when next is %j, then it is refused and the fallback is used', (hostile) => {
  expect(safeNext(hostile, '/home')).toBe('/home');
});

test.each([
  ['/', '/'],
  ['/tickets/123', '/tickets/123'],
  ['/orders?status=open#top', '/orders?status=open#top'],
  ['/a/../tickets', '/tickets'],
  ['/search?q=%2F%2Fevil.com', '/search?q=%2F%2Fevil.com'],
])('when next is the site path %j, then it is kept as %j', (value, expected) => {
  expect(safeNext(value)).toBe(expected);
});

test('when next comes as several values, then only the first counts', () => {
  expect(safeNext(['/tickets', '//evil.com'])).toBe('/tickets');
  expect(safeNext(['//evil.com', '/tickets'])).toBe('/');
});
