/** The cookie auth keeps the access JWT in. */
export const ACCESS_COOKIE = 'access_token';

/**
 * Reads (does not verify: the services do) the expiry of the access JWT, so the proxy can refresh a
 * session before rendering instead of after a 401. A token that cannot be read counts as expired.
 */
export function accessTokenExpired(token: string, skewSeconds = 10): boolean {
  const payload = token.split('.')[1];
  if (!payload) return true;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp !== 'number' || exp * 1000 <= Date.now() + skewSeconds * 1000;
  } catch {
    return true;
  }
}
