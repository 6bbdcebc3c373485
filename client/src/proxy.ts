import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { ACCESS_COOKIE, accessTokenExpired } from './lib/access-token';
import { apiUrl } from './lib/api/base-url';

const REFRESH = 'refresh_token';
const CSRF = 'csrf_token';

/** Pages that must render without a session (and the refresh page itself, which would loop). */
const NO_BOUNCE = ['/signin', '/signup', '/session/refresh'];

/**
 * Keeps a session alive across page loads. When the access token is missing or expired:
 * - if the refresh cookie reached us, refresh here and hand the new cookies both to the browser
 *   (Set-Cookie) and to the server components of this very request (the Cookie header they read);
 * - auth scopes the refresh cookie to /api/users, so on a page URL the browser usually does not send it:
 *   then an expired session is bounced through /session/refresh, which refreshes from the browser (where
 *   the cookie is sent) and comes straight back.
 */
export async function proxy(request: NextRequest) {
  const access = request.cookies.get(ACCESS_COOKIE)?.value;
  const refresh = request.cookies.get(REFRESH)?.value;
  const expired = access ? accessTokenExpired(access) : false;
  if (refresh && (!access || expired)) return refreshHere(request, refresh);
  if (expired && shouldBounce(request)) {
    const { pathname, search } = request.nextUrl;
    const target = new URL('/session/refresh', request.url);
    target.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(target, 303);
  }
  return NextResponse.next();
}

function shouldBounce(request: NextRequest): boolean {
  if (request.method !== 'GET') return false;
  if (request.headers.has('next-router-prefetch')) return false;
  return !NO_BOUNCE.some((path) => request.nextUrl.pathname.startsWith(path));
}

async function refreshHere(request: NextRequest, refreshToken: string): Promise<NextResponse> {
  const csrf = request.cookies.get(CSRF)?.value ?? randomBytes(32).toString('base64url');
  let setCookies: string[];
  try {
    const res = await fetch(apiUrl('/api/users/refresh'), {
      method: 'POST',
      headers: { cookie: `${REFRESH}=${refreshToken}; ${CSRF}=${csrf}`, 'x-csrf-token': csrf },
      signal: AbortSignal.timeout(5_000),
    });
    setCookies = res.headers.getSetCookie();
  } catch {
    return NextResponse.next(); // auth unreachable: render as is; the API will say what it can
  }
  const jar = new Map(request.cookies.getAll().map((c) => [c.name, c.value]));
  for (const line of setCookies) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const cleared = value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line);
    if (cleared) jar.delete(name);
    else jar.set(name, value);
  }
  const headers = new Headers(request.headers);
  headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
  const response = NextResponse.next({ request: { headers } });
  for (const line of setCookies) response.headers.append('set-cookie', line);
  return response;
}

export const config = {
  // Pages only: not the API (the gateway routes it elsewhere anyway), static files or the favicon.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
