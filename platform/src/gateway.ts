import http from 'node:http';
import { Readable } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import { setForwardedHeaders } from './forwarded-headers';
import { matchRoute, type Route } from './routes';

export interface GatewayOptions {
  routes: Route[];
  /**
   * Reuse upstream connections. Off, every request pays a TCP handshake and the gateway delivers about a
   * third of the throughput (see bench/gateway.bench.ts); the switch exists only for that comparison.
   */
  keepAlive?: boolean;
  onError?: (message: string) => void;
}

const problem = (res: http.ServerResponse, status: number, code: string, message: string) => {
  if (res.headersSent) return void res.destroy();
  const body = JSON.stringify({ errors: [{ code, message }] });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
};

/**
 * The local stand-in for the cluster's Gateway: routes by the HTTPRoute table, streams bodies untouched, keeps the
 * client's Host and sets X-Forwarded-For/-Proto/-Host/-Port and X-Real-IP from the connection, replacing any a
 * client sent, like the Gateway at the edge does.
 */
export function createGateway({ routes, keepAlive = true, onError }: GatewayOptions): http.Server {
  const agent = new http.Agent({ keepAlive, maxSockets: 256, maxFreeSockets: 64 });
  // http-proxy-3, the maintained fork of http-proxy: the original calls util._extend, deprecated (DEP0060).
  const proxy = createProxyServer({ agent, xfwd: false, changeOrigin: false });
  // Several instances of a backend are taken in turn, as a Kubernetes Service spreads connections.
  const turns = new Map<Route, number>();
  const pick = (route: Route) => {
    if (route.targets.length === 1) return route.target;
    const turn = turns.get(route) ?? 0;
    turns.set(route, turn + 1);
    return route.targets[turn % route.targets.length]!;
  };
  // A kept-alive connection that the backend closes (its idle timeout) just as a request goes out on it fails
  // before any answer. A GET or HEAD is then sent once more, on a new connection, as Node's documentation
  // advises (request.reusedSocket); any other method may already have been acted on, so it is answered 502.
  const sentOn = new WeakMap<http.IncomingMessage, http.ClientRequest>();
  proxy.on('proxyReq', (proxyReq, req) => sentOn.set(req, proxyReq));
  const resendable = (req: http.IncomingMessage, res: http.ServerResponse, code: string | undefined) =>
    code === 'ECONNRESET' &&
    (req.method === 'GET' || req.method === 'HEAD') &&
    sentOn.get(req)?.reusedSocket === true &&
    !res.headersSent;

  const forward = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    route: Route,
    target: string,
    again = false,
  ) =>
    // The body of a GET or HEAD was read on the first try: the second sends none, on a connection of its own.
    proxy.web(req, res, again ? { target, agent: false, buffer: Readable.from([]) } : { target }, (err) => {
      const code = (err as NodeJS.ErrnoException).code;
      if (!again && resendable(req, res, code)) return forward(req, res, route, target, true);
      onError?.(`${req.method} ${req.url} → ${route.service}: ${code ?? err.message}`);
      // Refused: nothing reached the service, so a client may safely retry.
      if (code === 'ECONNREFUSED') {
        problem(res, 503, 'upstream_unavailable', `${route.service} is not running (yet)`);
      } else problem(res, 502, 'bad_gateway', `${route.service} did not answer`);
    });

  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const route = matchRoute(routes, pathname);
    if (!route) return problem(res, 404, 'not_found', `No route for ${pathname}`);
    setForwardedHeaders(req);
    forward(req, res, route, pick(route));
  });
  server.on('close', () => agent.destroy());
  return server;
}

/** Every interface (IPv4 and IPv6), so http://localhost answers whichever the browser resolves first. */
export function listenGateway(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}
