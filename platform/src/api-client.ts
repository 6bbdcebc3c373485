/** A browser-like client of the public API: a cookie jar and the CSRF double submit, over fetch. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class ApiClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get = <T = unknown>(path: string) => this.request<T>('GET', path);
  post = <T = unknown>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  put = <T = unknown>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  delete = <T = unknown>(path: string) => this.request<T>('DELETE', path);

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    // Like a browser: the first page view hands out the CSRF cookie the mutating requests echo.
    if (MUTATING.has(method) && !this.cookies.has('csrf_token')) await this.get('/api/users/currentuser');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (MUTATING.has(method)) headers['x-csrf-token'] = this.cookies.get('csrf_token') ?? '';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.store(res.headers.getSetCookie());
    const text = await res.text();
    let parsed: unknown = text;
    if (text && (res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T };
  }

  private store(setCookies: string[]): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key = '', val = ''] = a.trim().split('=');
        if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(val) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export interface Credentials {
  email: string;
  password: string;
  name: string;
}

export interface SignedUpUser {
  id: string;
  email: string;
  emailVerified: boolean;
}

/** Signs up, or signs in when the account exists already (409): what a re-run of the seed needs. */
export async function signUpOrIn(client: ApiClient, who: Credentials): Promise<SignedUpUser> {
  const up = await client.post<SignedUpUser>('/api/users/signup', who);
  if (up.status === 201) return up.body;
  if (up.status !== 409) throw new Error(`signup ${who.email}: ${up.status} ${JSON.stringify(up.body)}`);
  const signin = await client.post<SignedUpUser>('/api/users/signin', {
    email: who.email,
    password: who.password,
  });
  if (signin.status !== 200)
    throw new Error(`signin ${who.email}: ${signin.status} ${JSON.stringify(signin.body)}`);
  return signin.body;
}

/**
 * Confirms a demo account's email address with the link the platform mailed to the local inbox (maildev's
 * REST API), as its owner would, then renews the session so it may list tickets.
 */
export async function confirmFromInbox(client: ApiClient, email: string, inboxUrl: string): Promise<void> {
  const pattern = /\/verify-email\?token=([^"&\s]+)/;
  for (let attempt = 0; attempt < 50; attempt++) {
    const mails = (await (await fetch(`${inboxUrl}/api/email`)).json()) as Array<{
      text: string;
      to: Array<{ address: string }>;
    }>;
    const token = mails
      .filter((m) => m.to.some((t) => t.address === email))
      .map((m) => pattern.exec(m.text)?.[1])
      .findLast(Boolean);
    if (token) {
      const res = await client.post('/api/users/verify-email', { token: decodeURIComponent(token) });
      if (res.status !== 204) throw new Error(`verify ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      await client.post('/api/users/refresh');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no confirmation mail for ${email} reached the inbox at ${inboxUrl}`);
}
