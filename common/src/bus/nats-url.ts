/**
 * NATS_URL carries its credentials like DATABASE_URL and REDIS_URL do (nats://user:password@host:4222),
 * so one secret holds them; the NATS client ignores credentials in a URL, so they become its options.
 */
export function natsServer(url: string): { servers: string; user?: string; pass?: string } {
  const at = url.indexOf('@');
  const scheme = url.indexOf('://');
  if (at < 0 || scheme < 0 || at < scheme) return { servers: url };
  const [user = '', pass] = url.slice(scheme + 3, at).split(/:(.*)/s);
  return {
    servers: `${url.slice(0, scheme + 3)}${url.slice(at + 1)}`,
    user: decodeURIComponent(user),
    ...(pass === undefined ? {} : { pass: decodeURIComponent(pass) }),
  };
}
