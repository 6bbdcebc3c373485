import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** Headers by which a proxy tells the service who the client is: only the gateway may set them. */
const CLIENT_CLAIMS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-real-ip',
];

/**
 * The gateway is the edge: whatever a client sends as X-Forwarded-For (to dodge a per-IP limit, say) is
 * dropped, and the headers are set from the connection itself. Services trust exactly one hop.
 */
export function setForwardedHeaders(req: IncomingMessage): void {
  for (const name of CLIENT_CLAIMS) delete req.headers[name];
  const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const encrypted = Boolean((req.socket as TLSSocket).encrypted);
  req.headers['x-forwarded-for'] = address;
  req.headers['x-real-ip'] = address;
  req.headers['x-forwarded-proto'] = encrypted ? 'https' : 'http';
  if (req.headers.host) req.headers['x-forwarded-host'] = req.headers.host;
  req.headers['x-forwarded-port'] = String(req.socket.localPort ?? '');
}
