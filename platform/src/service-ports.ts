/** The services, and where each instance of each listens (and where the mail inbox is). */
import { type PlatformConfig } from './config';

/** The six services, in start order; each owns a database of the same name. */
export const SERVICES = ['auth', 'tickets', 'orders', 'payments', 'expiration', 'notifications'] as const;

/** The services PLATFORM_INSTANCES runs more than once (the order path's two). */
export const SCALED_SERVICES: readonly string[] = ['orders', 'tickets'];

export const localUrl = (port: number) => `http://127.0.0.1:${port}`;
/** Where a developer reads the mails the platform sent. */
export const inboxUrl = (config: PlatformConfig) => `http://localhost:${config.maildevWebPort}`;

/** Backend name in the HTTPRoute → local port: the gateway's half of the route table. */
export function servicePorts(config: PlatformConfig): Record<string, number> {
  const base = config.servicePortBase;
  return Object.fromEntries([['client', base], ...SERVICES.map((name, i) => [name, base + i + 1])]);
}

/**
 * Every instance's port of each service: the first on its usual port, further ones (PLATFORM_INSTANCES=2)
 * after maildev's in e2e's block of ports: base+11, base+12 (3011, 3012 in development).
 */
export function instancePorts(config: PlatformConfig): Record<string, number[]> {
  const ports = servicePorts(config);
  let next = config.servicePortBase + 11;
  return Object.fromEntries(
    Object.entries(ports).map(([name, port]) => {
      const extra = SCALED_SERVICES.includes(name) ? config.instances - 1 : 0;
      return [name, [port, ...Array.from({ length: extra }, () => next++)]];
    }),
  );
}
