/**
 * The order path under load, through the gateway of a whole platform: a flash sale, steady ordering
 * against the bare path (same machine, same run), listing → orderable lag and memory. `npm run bench:load`
 * starts the platform itself, or targets BASE_URL. Prints one table; the JSON goes to bench/results/.
 * Knobs: BENCH_BUYERS, BENCH_TICKETS, BENCH_CONNECTIONS, BENCH_SECONDS, BENCH_LISTING_CONNECTIONS,
 * BENCH_LISTING_SECONDS, BENCH_WARMUP_SECONDS, BENCH_LOG_LEVEL (services' level, default info),
 * PLATFORM_INSTANCES.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBarePath } from './load/bare-path';
import { flashSale } from './load/flash-sale';
import { handledOnce } from './load/handled-once';
import { listingLag } from './load/listing-lag';
import { activeOrdersPerTicket, seedTickets, seedUsers } from './load/seed';
import { waitForSettled } from './load/settle';
import { steadyOrdering } from './load/steady';
import { printTable } from './load/table';
import { cpuMsPer, cpuSeconds, openTarget, residentMb } from './load/target';
import { mintUsers } from './load/users';

const env = process.env;
const num = (name: string, fallback: number) => Number(env[name] ?? fallback);
const settings = {
  buyers: num('BENCH_BUYERS', 1000),
  tickets: num('BENCH_TICKETS', 100),
  connections: num('BENCH_CONNECTIONS', 64),
  seconds: num('BENCH_SECONDS', 20),
  listingConnections: num('BENCH_LISTING_CONNECTIONS', 16),
  listingSeconds: num('BENCH_LISTING_SECONDS', 10),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 3),
};
// Enough tickets that steady ordering never runs out, and buyers that stay under the per-user limit.
const STEADY_TICKETS = 3_000 * settings.seconds;
const STEADY_BUYERS = 10_000;

async function main(): Promise<void> {
  const started = new Date();
  const target = await openTarget(env);
  const peakRss: Record<string, number> = {};
  const sampler = setInterval(() => {
    for (const [name, mb] of Object.entries(residentMb(target.pids())))
      peakRss[name] = Math.max(peakRss[name] ?? 0, mb);
  }, 500);
  const ordersUrl = target.databaseUrl('orders');
  const adminUrl = env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const bare = await startBarePath(adminUrl, `bench_bare_${Date.now().toString(36)}`);
  try {
    const buyers = mintUsers(Math.max(settings.buyers, STEADY_BUYERS), target.privateKey, 'buyer');
    const sellers = mintUsers(1_000, target.privateKey, 'seller');
    const stock = [target.databaseUrl('tickets'), ordersUrl, target.databaseUrl('notifications')];
    await seedUsers(target.databaseUrl('notifications'), [...buyers, ...sellers]);
    const say = (line: string) => process.stdout.write(`[bench] ${line}\n`);

    // A sale opens on a platform that has been serving: without this, the flash sale would measure V8
    // compiling every function of the order path on its first calls. BENCH_WARMUP_SECONDS=0 measures cold.
    if (settings.warmupSeconds > 0) {
      say(`warm-up: ${settings.warmupSeconds}s of ordering on 16 connections (not measured)`);
      const warmTickets = await seedTickets(stock, 3_000 * settings.warmupSeconds, randomUUID());
      await steadyOrdering(target.url, buyers.slice(-2_000), warmTickets, {
        connections: 16,
        seconds: settings.warmupSeconds,
      });
      await waitForSettled(ordersUrl);
    }

    say(`flash sale: ${settings.buyers} buyers for ${settings.tickets} tickets`);
    const saleTickets = await seedTickets(stock, settings.tickets, randomUUID());
    const sale = await flashSale(target.url, buyers.slice(0, settings.buyers), saleTickets, (ids) =>
      activeOrdersPerTicket(ordersUrl, ids),
    );
    await waitForSettled(ordersUrl);

    say(`bare path: ${settings.connections} connections, ${settings.seconds}s`);
    const bareTickets = await seedTickets([bare.databaseUrl], STEADY_TICKETS, randomUUID());
    const bareCpu = cpuSeconds(bare.pids);
    const bareRun = await steadyOrdering(bare.url, buyers, bareTickets, settings);
    const bareCpuMs = cpuMsPer(bareCpu, cpuSeconds(bare.pids), bareRun.created);

    say(`steady ordering through the gateway: ${settings.connections} connections, ${settings.seconds}s`);
    const steadyTickets = await seedTickets(stock, STEADY_TICKETS, randomUUID());
    const platformCpu = cpuSeconds(target.pids());
    const steady = await steadyOrdering(target.url, buyers, steadyTickets, settings);
    const settleSeconds = await waitForSettled(ordersUrl);
    // Every consumer of order.created (notifications is often the last) handled each event once.
    const once = await handledOnce(target.databaseUrl);
    // Until every event of those orders was handled: what one order costs each process, whatever the load.
    const cpuMsPerOrder = cpuMsPer(platformCpu, cpuSeconds(target.pids()), steady.created);

    say(
      `listing → orderable: ${settings.listingConnections} sellers' connections, ${settings.listingSeconds}s`,
    );
    const listing = await listingLag(target.url, ordersUrl, sellers, {
      connections: settings.listingConnections,
      seconds: settings.listingSeconds,
    });
    clearInterval(sampler);
    const result = {
      at: started.toISOString(),
      machine: { cpus: os.cpus().length, load: os.loadavg().map((n) => Math.round(n * 100) / 100) },
      instances: Number(env.PLATFORM_INSTANCES || 1),
      settings,
      flashSale: sale,
      bare: bareRun,
      steady,
      ratio: Math.round((steady.ordersPerSecond / bareRun.ordersPerSecond) * 100) / 100,
      settleSeconds: Math.round(settleSeconds * 10) / 10,
      handledOnce: once,
      cpuMsPerOrder: { ...bareCpuMs, ...cpuMsPerOrder },
      listing,
      rssMb: { end: residentMb(target.pids()), peak: peakRss },
    };
    const dir = path.resolve(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `load-${started.toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    printTable(result);
    say(`written to ${path.relative(process.cwd(), file)}`);
  } finally {
    clearInterval(sampler);
    await bare.stop();
    await target.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
