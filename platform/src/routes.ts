import { existsSync, readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** One route of the HTTPRoute: a PathPrefix match sent to a backend Service by name. */
export interface RouteRule {
  prefix: string;
  service: string;
}

/** A route the gateway serves: the HTTPRoute rule with the local address(es) of its backend. */
export interface Route extends RouteRule {
  /** The first instance's address. */
  target: string;
  /** Every instance of the backend (one unless PLATFORM_INSTANCES starts more), taken in turn. */
  targets: string[];
}

interface HttpRouteDoc {
  kind?: string;
  spec?: {
    rules?: {
      matches?: { path?: { type?: string; value?: string } }[];
      backendRefs?: { name?: string; port?: number }[];
    }[];
  };
}

/**
 * The route table of the HTTPRoute manifest: the gateway reads the same file Kubernetes applies, so the two
 * can never route differently. Only PathPrefix matches and one backend per rule are supported; anything
 * else is an error rather than a route served differently here than in the cluster.
 */
export function routesFromHttpRoute(text: string, source = 'routes.yaml'): RouteRule[] {
  const docs = parseAllDocuments(text).map((d) => d.toJS() as HttpRouteDoc | null);
  const route = docs.find((doc) => doc?.kind === 'HTTPRoute');
  if (!route) throw new Error(`${source} has no HTTPRoute`);
  const routes: RouteRule[] = [];
  for (const rule of route.spec?.rules ?? []) {
    const backends = rule.backendRefs ?? [];
    const service = backends[0]?.name;
    if (backends.length !== 1 || !service) throw new Error(`${source}: a rule needs exactly one backendRef`);
    for (const match of rule.matches ?? []) {
      const prefix = match.path?.value;
      if (!prefix?.startsWith('/')) throw new Error(`${source}: a match without a path`);
      if ((match.path?.type ?? 'PathPrefix') !== 'PathPrefix') {
        throw new Error(
          `${source}: ${prefix} has path type ${match.path?.type}; the gateway supports PathPrefix only`,
        );
      }
      routes.push({ prefix: prefix.length > 1 ? prefix.replace(/\/+$/, '') : prefix, service });
    }
  }
  if (routes.length === 0) throw new Error(`${source} has no paths`);
  return routes;
}

export function readRoutes(file: string): RouteRule[] {
  if (!existsSync(file)) {
    throw new Error(
      `The gateway routes exactly as the cluster does and reads ${file}, which is missing. ` +
        `Restore it (infra/k8s/base/routes.yaml) — there is no built-in fallback on purpose.`,
    );
  }
  return routesFromHttpRoute(readFileSync(file, 'utf8'), file);
}

/** Attaches local targets; a backend the runner does not start is a clear error, not a silent 404. */
export function resolveRoutes(routes: RouteRule[], targets: Record<string, string | string[]>): Route[] {
  return routes.map((route) => {
    const known = targets[route.service];
    const all = typeof known === 'string' ? [known] : (known ?? []);
    const target = all[0];
    if (!target) {
      throw new Error(
        `The HTTPRoute sends ${route.prefix} to "${route.service}", which the platform runner does not know ` +
          `(known: ${Object.keys(targets).join(', ')})`,
      );
    }
    return { ...route, target, targets: all };
  });
}

/** PathPrefix matching as the Gateway API defines it: whole path elements, and the longest prefix wins. */
export function matchRoute<R extends RouteRule>(routes: R[], pathname: string): R | undefined {
  let best: R | undefined;
  for (const route of routes) {
    const p = route.prefix;
    const hit = p === '/' || pathname === p || pathname.startsWith(`${p}/`);
    if (hit && (!best || p.length > best.prefix.length)) best = route;
  }
  return best;
}
