import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One Ingress path: a Prefix match sent to a backend Service by name. */
export interface IngressRoute {
  prefix: string;
  service: string;
}

/** A route the gateway serves: the Ingress path with the local address of its backend. */
export interface Route extends IngressRoute {
  target: string;
}

interface IngressDoc {
  kind?: string;
  spec?: {
    rules?: {
      http?: { paths?: { path?: string; pathType?: string; backend?: { service?: { name?: string } } }[] };
    }[];
  };
}

/**
 * The route table of the Ingress manifest: the gateway reads the same file Kubernetes applies, so the two
 * can never route differently. Only what ingress-nginx does with this file is supported (Prefix paths).
 */
export function routesFromIngress(text: string, source = 'ingress.yaml'): IngressRoute[] {
  const doc = parse(text) as IngressDoc | null;
  if (doc?.kind !== 'Ingress') throw new Error(`${source} is not an Ingress manifest`);
  const routes: IngressRoute[] = [];
  for (const rule of doc.spec?.rules ?? []) {
    for (const entry of rule.http?.paths ?? []) {
      const prefix = entry.path;
      const service = entry.backend?.service?.name;
      if (!prefix?.startsWith('/') || !service)
        throw new Error(`${source}: a path without a path or backend`);
      if (entry.pathType && entry.pathType !== 'Prefix') {
        throw new Error(
          `${source}: ${prefix} has pathType ${entry.pathType}; the gateway supports Prefix only`,
        );
      }
      routes.push({ prefix: prefix.length > 1 ? prefix.replace(/\/+$/, '') : prefix, service });
    }
  }
  if (routes.length === 0) throw new Error(`${source} has no paths`);
  return routes;
}

export function readIngressRoutes(file: string): IngressRoute[] {
  if (!existsSync(file)) {
    throw new Error(
      `The gateway routes exactly as the Ingress does and reads ${file}, which is missing. ` +
        `Restore it (infra/k8s/base/ingress.yaml) — there is no built-in fallback on purpose.`,
    );
  }
  return routesFromIngress(readFileSync(file, 'utf8'), file);
}

/** Attaches local targets; a backend the runner does not start is a clear error, not a silent 404. */
export function resolveRoutes(routes: IngressRoute[], targets: Record<string, string>): Route[] {
  return routes.map((route) => {
    const target = targets[route.service];
    if (!target) {
      throw new Error(
        `The Ingress sends ${route.prefix} to "${route.service}", which the platform runner does not know ` +
          `(known: ${Object.keys(targets).join(', ')})`,
      );
    }
    return { ...route, target };
  });
}

/** Prefix matching as Kubernetes defines it: whole path elements, and the longest prefix wins. */
export function matchRoute<R extends IngressRoute>(routes: R[], pathname: string): R | undefined {
  let best: R | undefined;
  for (const route of routes) {
    const p = route.prefix;
    const hit = p === '/' || pathname === p || pathname.startsWith(`${p}/`);
    if (hit && (!best || p.length > best.prefix.length)) best = route;
  }
  return best;
}
