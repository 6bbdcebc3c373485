import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { components, serviceNodeOptions } from '../src/components';
import { instancePorts } from '../src/service-ports';
import { loadPlatformConfig } from '../src/config';
import { createGateway, listenGateway } from '../src/gateway';
import { matchRoute, readRoutes, resolveRoutes, routesFromHttpRoute, type Route } from '../src/routes';

const ROUTES = `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: test }
spec:
  parentRefs: [{ name: ticketing }]
  hostnames: [ticketing.dev]
  rules:
    - matches: [{ path: { type: PathPrefix, value: /api/users } }]
      backendRefs: [{ name: auth, port: 3000 }]
    - matches: [{ path: { type: PathPrefix, value: /api/tickets } }]
      backendRefs: [{ name: tickets, port: 3000 }]
    - matches: [{ path: { type: PathPrefix, value: / } }]
      backendRefs: [{ name: client, port: 3000 }]
`;

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A tiny upstream that records what reaches it and how many TCP connections it accepted. */
async function upstream(name: string) {
  const seen: Seen[] = [];
  let sockets = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ from: name }));
    });
  });
  server.on('connection', () => sockets++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, sockets: () => sockets, close: () => new Promise((r) => server.close(r)) };
}

const getWithHost = (url: string, host: string) =>
  new Promise<string>((resolve, reject) => {
    http
      .get(url, { headers: { host }, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });

describe('route table from the HTTPRoute manifest', () => {
  it('when the HTTPRoute has PathPrefix matches, then each maps to its service and the longest whole-segment prefix wins', () => {
    const routes = routesFromHttpRoute(ROUTES);
    expect(routes.map((r) => [r.prefix, r.service])).toEqual([
      ['/api/users', 'auth'],
      ['/api/tickets', 'tickets'],
      ['/', 'client'],
    ]);
    const resolved = resolveRoutes(routes, { auth: 'http://a', tickets: 'http://t', client: 'http://c' });
    expect(matchRoute(resolved, '/api/tickets/abc')?.target).toBe('http://t');
    expect(matchRoute(resolved, '/api/tickets')?.target).toBe('http://t');
    expect(matchRoute(resolved, '/api/ticketsx')?.target).toBe('http://c');
    expect(matchRoute(resolved, '/api/users/signin')?.target).toBe('http://a');
    expect(matchRoute(resolved, '/orders/1')?.target).toBe('http://c');
  });

  it('when the routes file is missing, names an unknown backend or matches exactly, then the error says so', () => {
    expect(() => readRoutes('/nonexistent/routes.yaml')).toThrow(/routes\.yaml, which is missing/);
    expect(() => resolveRoutes(routesFromHttpRoute(ROUTES), { auth: 'http://a' })).toThrow(/"tickets"/);
    expect(() => routesFromHttpRoute('kind: Service')).toThrow(/has no HTTPRoute/);
    expect(() =>
      routesFromHttpRoute(
        ROUTES.replace('type: PathPrefix, value: /api/users', 'type: Exact, value: /api/users'),
      ),
    ).toThrow(/PathPrefix only/);
  });

  it('when the repository HTTPRoute is read, then it routes every API prefix and / like the platform expects', () => {
    const file = path.resolve(__dirname, '../../infra/k8s/base/routes.yaml');
    const services = Object.fromEntries(readRoutes(file).map((r) => [r.prefix, r.service]));
    expect(services).toEqual({
      '/api/users': 'auth',
      '/api/tickets': 'tickets',
      '/api/events': 'tickets',
      '/api/orders': 'orders',
      '/api/payments': 'payments',
      '/api/docs': 'client',
      '/': 'client',
    });
  });
});

describe('gateway', () => {
  let auth: Awaited<ReturnType<typeof upstream>>;
  let tickets: Awaited<ReturnType<typeof upstream>>;
  let routes: Route[];
  const gateways: http.Server[] = [];

  const start = async (keepAlive: boolean) => {
    const gateway = createGateway({ routes, keepAlive });
    gateways.push(gateway);
    return `http://127.0.0.1:${await listenGateway(gateway, 0, '127.0.0.1')}`;
  };

  beforeAll(async () => {
    auth = await upstream('auth');
    tickets = await upstream('tickets');
    const dir = mkdtempSync(path.join(tmpdir(), 'routes-'));
    writeFileSync(path.join(dir, 'routes.yaml'), ROUTES);
    routes = resolveRoutes(readRoutes(path.join(dir, 'routes.yaml')), {
      auth: auth.url,
      tickets: tickets.url,
      client: 'http://127.0.0.1:1', // nothing listens there
    });
  });

  afterAll(async () => {
    for (const g of gateways) {
      g.closeAllConnections();
      await new Promise((r) => g.close(r));
    }
    await auth.close();
    await tickets.close();
  });

  it('when requests arrive, then each lands on its service with path, query, Host and X-Forwarded-For intact', async () => {
    const url = await start(true);
    // node:http, not fetch: fetch does not let a caller choose the Host header.
    const a = await getWithHost(`${url}/api/users/currentuser?x=1`, 'ticketing.dev');
    const t = await fetch(`${url}/api/tickets/42`);
    expect(JSON.parse(a)).toEqual({ from: 'auth' });
    expect(await t.json()).toEqual({ from: 'tickets' });
    expect(auth.seen.at(-1)).toMatchObject({ url: '/api/users/currentuser?x=1' });
    expect(auth.seen.at(-1)!.headers).toMatchObject({ host: 'ticketing.dev', 'x-forwarded-proto': 'http' });
    expect(auth.seen.at(-1)!.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(tickets.seen.at(-1)!.url).toBe('/api/tickets/42');
  });

  it('when a client sends its own X-Forwarded-For, X-Real-IP or Forwarded, then the service sees only the socket address', async () => {
    const url = await start(true);
    await fetch(`${url}/api/tickets/forged`, {
      headers: {
        'x-forwarded-for': '203.0.113.7, 198.51.100.1',
        'x-real-ip': '203.0.113.7',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'evil.example',
        forwarded: 'for=203.0.113.7;proto=https',
      },
    });
    const seen = tickets.seen.at(-1)!;
    expect(seen.url).toBe('/api/tickets/forged');
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-real-ip']).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-proto']).toBe('http');
    expect(seen.headers['x-forwarded-host']).toBe(url.replace('http://', ''));
    expect(seen.headers.forwarded).toBeUndefined();
    expect(JSON.stringify(seen.headers)).not.toContain('203.0.113.7');
  });

  it('when a body is posted, then it reaches the service byte for byte (the gateway does not parse it)', async () => {
    const url = await start(true);
    const body = '{"not": "re-serialised" ,  "n":1}';
    await fetch(`${url}/api/tickets`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(tickets.seen.at(-1)).toMatchObject({ method: 'POST', body });
  });

  it('when several requests follow each other, then the upstream sees one connection with keep-alive and one each without', async () => {
    const before = tickets.sockets();
    const url = await start(true);
    for (let i = 0; i < 5; i++) await (await fetch(`${url}/api/tickets`)).text();
    expect(tickets.sockets() - before).toBe(1);

    const middle = tickets.sockets();
    const plain = await start(false);
    for (let i = 0; i < 5; i++) await (await fetch(`${plain}/api/tickets`)).text();
    expect(tickets.sockets() - middle).toBe(5);
  });

  it('when the backend is not running, then the answer is 503 in the API error shape', async () => {
    const url = await start(true);
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      errors: [{ code: 'upstream_unavailable', message: 'client is not running (yet)' }],
    });
  });
});

describe('a backend that closes a kept-alive connection just as the gateway sends on it', () => {
  it('when that happens to a GET, then it is sent again on a new connection and answered; a POST is answered 502 and reaches the backend once', async () => {
    // Each connection answers its first request; the next one on it finds the connection closed, as when the
    // backend's idle timeout fires while the gateway reuses the connection.
    const reached: string[] = [];
    let connections = 0;
    const backend = http.createServer((req, res) => {
      reached.push(req.method!);
      const socket = req.socket as typeof req.socket & { answered?: boolean };
      if (socket.answered) return void socket.destroy();
      socket.answered = true;
      req.resume().on('end', () => res.end('ok'));
    });
    backend.on('connection', () => connections++);
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const routes = resolveRoutes(routesFromHttpRoute(ROUTES), {
      auth: `http://127.0.0.1:${(backend.address() as AddressInfo).port}`,
      tickets: 'http://127.0.0.1:1',
      client: 'http://127.0.0.1:1',
    });
    const gateway = createGateway({ routes });
    const url = `http://127.0.0.1:${await listenGateway(gateway, 0, '127.0.0.1')}/api/users/x`;
    try {
      expect((await fetch(url)).status).toBe(200);
      const again = await fetch(url);
      expect([again.status, await again.text()]).toEqual([200, 'ok']);
      expect(reached).toEqual(['GET', 'GET', 'GET']);
      expect(connections).toBe(2);

      expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(200);
      const post = await fetch(url, { method: 'POST', body: 'once' });
      expect(post.status).toBe(502);
      expect(reached.slice(3)).toEqual(['POST', 'POST']);
    } finally {
      gateway.closeAllConnections();
      await new Promise((r) => gateway.close(r));
      backend.closeAllConnections();
      await new Promise((r) => backend.close(r));
    }
  });
});

describe('two instances of a service (PLATFORM_INSTANCES=2)', () => {
  it('when a backend has two instances, then the gateway sends requests to each in turn', async () => {
    const first = await upstream('orders');
    const second = await upstream('orders-2');
    const routes = resolveRoutes(routesFromHttpRoute(ROUTES), {
      auth: [first.url, second.url],
      tickets: 'http://127.0.0.1:1',
      client: 'http://127.0.0.1:1',
    });
    const gateway = createGateway({ routes });
    const url = `http://127.0.0.1:${await listenGateway(gateway, 0, '127.0.0.1')}`;
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await (await fetch(`${url}/api/users/x`)).json());
      expect(answers).toEqual([
        { from: 'orders' },
        { from: 'orders-2' },
        { from: 'orders' },
        { from: 'orders-2' },
      ]);
    } finally {
      gateway.closeAllConnections();
      await new Promise((r) => gateway.close(r));
      await first.close();
      await second.close();
    }
  });

  it('when PLATFORM_INSTANCES=2, then orders and tickets get a second instance on its own port with the same database, and nothing else does', () => {
    const config = loadPlatformConfig({ PLATFORM_INSTANCES: '2', SERVICE_PORT_BASE: '3000' });
    const ports = instancePorts(config);
    expect(ports.orders).toEqual([3003, 3012]);
    expect(ports.tickets).toEqual([3002, 3011]);
    expect(ports.auth).toEqual([3001]);
    const all = components(config, { publicKey: 'pub', privateKey: 'priv' });
    const orders = all.filter((c) => c.args[0] === 'orders/dist/main.js');
    expect(orders.map((c) => [c.name, c.port, c.env.PORT])).toEqual([
      ['orders', 3003, '3003'],
      ['orders-2', 3012, '3012'],
    ]);
    expect(orders[0]!.env.DATABASE_URL).toBe(orders[1]!.env.DATABASE_URL);
    expect(all.filter((c) => c.name.endsWith('-2')).map((c) => c.name)).toEqual(['tickets-2', 'orders-2']);
  });

  it('when PLATFORM_INSTANCES is anything but 1 or 2, then the runner refuses to start and names the variable', () => {
    expect(() => loadPlatformConfig({ PLATFORM_INSTANCES: '3' })).toThrow(/PLATFORM_INSTANCES="3"/);
  });

  it('when a service starts, then it runs with the V8 flags of the services image', () => {
    const config = loadPlatformConfig({});
    const flags = serviceNodeOptions(config.root);
    expect(flags).toMatch(/--max-semi-space-size=\d+/);
    for (const service of components(config, { publicKey: 'pub', privateKey: 'priv' }).filter(
      (c) => c.readyPath === '/readyz',
    ))
      expect(service.env.NODE_OPTIONS).toBe(flags);
  });
});
