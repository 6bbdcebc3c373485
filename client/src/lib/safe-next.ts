const BASE = 'http://same.invalid';

/**
 * Where to go after signing in: only a path on this site. The value is resolved against a dummy origin
 * as a browser would resolve it, and refused when it leaves that origin or when its path, once dot
 * segments are removed and percent-escapes decoded, starts like a protocol-relative URL: `//evil.com`,
 * `/\evil.com`, `/.//evil.com`, `/..//evil.com`, `/%2e//evil.com`, `/%2f%2fevil.com`. Absolute URLs,
 * `javascript:` and any control character (tabs and newlines that browsers drop) are refused too.
 */
export function safeNext(raw: string | string[] | undefined | null, fallback = '/'): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    const path = decodeURIComponent(url.pathname);
    if (/^\/[/\\]/.test(path) || path.includes('\\')) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback; // not a URL, or broken percent-encoding
  }
}
