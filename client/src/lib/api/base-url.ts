/**
 * Where server-side code reaches the API. Locally (platform runner) API_URL is the gateway; in Kubernetes
 * the ConfigMap client-config names each service (AUTH_URL, TICKETS_URL, …) so rendering calls them
 * in-cluster without a hairpin through the ingress. A service-specific URL wins over API_URL.
 */
const SERVICE_URL_ENV: [prefix: string, variable: string][] = [
  ['/api/users', 'AUTH_URL'],
  ['/api/tickets', 'TICKETS_URL'],
  ['/api/events', 'TICKETS_URL'],
  ['/api/orders', 'ORDERS_URL'],
  ['/api/payments', 'PAYMENTS_URL'],
];

/** The prefix of each service's routes, under which it also serves its part of the API document. */
export const API_PREFIXES = SERVICE_URL_ENV.map(([prefix]) => prefix);

const DEFAULT_API_URL = 'http://127.0.0.1:8080';

export function apiUrl(path: string): string {
  const entry = SERVICE_URL_ENV.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  const base = (entry && process.env[entry[1]]) || process.env.API_URL || DEFAULT_API_URL;
  return `${base.replace(/\/+$/, '')}${path}`;
}
