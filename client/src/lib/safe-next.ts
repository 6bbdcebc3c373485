/**
 * Where to go after signing in: only a path on this site. Rejects absolute URLs (`https://…`),
 * protocol-relative ones (`//evil.com`), backslash tricks (`/\evil.com`, which browsers read as `//`)
 * and anything with control characters.
 */
export function safeNext(raw: string | string[] | undefined | null, fallback = '/'): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const base = 'http://same.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
