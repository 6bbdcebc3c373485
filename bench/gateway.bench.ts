/**
 * Requests/second through the gateway to a trivial upstream, with and without upstream keep-alive.
 * `npm run bench:gateway` (BENCH_SECONDS, BENCH_CONNECTIONS). Uses autocannon when it is
 * installed, else a bounded loop of concurrent fetches. Loopback only; stops by itself.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway, listenGateway } from '../platform/src/gateway';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

type Autocannon = (opts: { url: string; connections: number; duration: number }) => Promise<{
  requests: { average: number };
  non2xx: number;
  errors: number;
}>;

async function loadAutocannon(): Promise<Autocannon | undefined> {
  try {
    return (await import('autocannon' as string)).default as Autocannon;
  } catch {
    return undefined;
  }
}

/** The fallback: CONNECTIONS workers fetching back to back until the time is up. */
async function fetchLoop(url: string): Promise<number> {
  const until = Date.now() + SECONDS * 1000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < until) {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) done++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return done / SECONDS;
}

async function main(): Promise<void> {
  const upstream = http.createServer((_req, res) => res.end('{"ok":true}'));
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const autocannon = await loadAutocannon();
  process.stdout.write(
    `tool: ${autocannon ? 'autocannon' : 'fetch loop'}, ${CONNECTIONS} connections, ${SECONDS}s each\n`,
  );

  for (const keepAlive of [true, false]) {
    const gateway = createGateway({
      routes: [{ prefix: '/', service: 'upstream', target, targets: [target] }],
      keepAlive,
    });
    const url = `http://127.0.0.1:${await listenGateway(gateway, 0, '127.0.0.1')}/api/tickets`;
    const rps = autocannon
      ? (await autocannon({ url, connections: CONNECTIONS, duration: SECONDS })).requests.average
      : await fetchLoop(url);
    process.stdout.write(
      `gateway, upstream keep-alive ${keepAlive ? 'on ' : 'off'}: ${Math.round(rps)} req/s\n`,
    );
    gateway.closeAllConnections();
    await new Promise((resolve) => gateway.close(resolve));
  }
  upstream.closeAllConnections();
  upstream.close();
}

void main();
