/** What keeps one platform run apart from any other on the machine: its ports, names, stream, databases. */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { testServers } from '@ticketing/common/testing';

// On every address, as the services listen (`::`), not only on loopback.
const free = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });

/**
 * Seven consecutive free ports (client, auth … notifications), the gateway's, the emulator's and maildev's,
 * and two for the second instances of orders and tickets (PLATFORM_INSTANCES=2).
 */
async function sparePorts() {
  for (;;) {
    // Below Linux's ephemeral range (32768–60999): an outgoing connection's local port can take a port
    // between this check and the service's listen, which failed a run with EADDRINUSE.
    const base = 20_000 + Math.floor(Math.random() * 600) * 20;
    const all = Array.from({ length: 13 }, (_, i) => base + i);
    if ((await Promise.all(all.map(free))).every(Boolean))
      return { base, gateway: base + 7, emulator: base + 8, smtp: base + 9, inbox: base + 10 };
  }
}

/** A fresh run: its names and ports, and the runner's environment that gives them to every component. */
export async function isolatedRun(env: Record<string, string>) {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const ports = await sparePorts();
  const name = `e2e-${id}`;
  const stream = `E2E_${id}`;
  const prefix = `e2e${id}`;
  const runEnv = {
    ...process.env,
    DATABASE_ADMIN_URL: testServers.adminDatabaseUrl,
    NATS_URL: testServers.natsUrl,
    REDIS_URL: testServers.redisUrl,
    PLATFORM_NAME: name,
    PORT: String(ports.gateway),
    SERVICE_PORT_BASE: String(ports.base),
    STRIPE_EMULATOR_PORT: String(ports.emulator),
    MAILDEV_SMTP_PORT: String(ports.smtp),
    MAILDEV_WEB_PORT: String(ports.inbox),
    PLATFORM_DB_PREFIX: `e2e_${id}_`,
    PLATFORM_SKIP_BUILD: '1', // global-setup built once
    PLATFORM_SKIP_CLIENT: '1',
    PLATFORM_GRACE_SECONDS: '5',
    NATS_STREAM: stream,
    NATS_SUBJECT_PREFIX: prefix,
    EXPIRATION_QUEUE_PREFIX: `e2e-${id}`,
    RATE_LIMIT_PREFIX: `e2e-${id}`,
    // Many users from one address within seconds: not what these journeys are about.
    SIGNUP_IP_LIMIT_PER_HOUR: '10000',
    SIGNIN_IP_LIMIT_PER_MINUTE: '10000',
    EMAIL_VERIFICATION_IP_LIMIT_PER_HOUR: '10000',
    // Every buyer of these journeys pays with the same few test cards: more than ten payments with one card
    // within ten minutes answered 429 to whichever journey came next (the browser suite met it).
    PAYMENT_RATE_POINTS_PER_CARD: '10000',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    ...env,
  };
  return { name, stream, prefix, databasePrefix: `e2e_${id}_`, ports, env: runEnv };
}
