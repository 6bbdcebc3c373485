import type { Router } from 'express';
import { documentPath } from './document';
import { operationsOf } from './operation';

/** The parts of a router's layers read here (Express 5's router exposes them on `stack`). */
interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
  /** A router mounted inside this one (`mountOperations`). */
  handle?: { stack?: RouteLayer[] };
}

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Every route the routers answer, as "METHOD /path/{param}", read from Express itself. */
function mountedRoutes(routes: Record<string, Router>): Set<string> {
  const found = new Set<string>();
  for (const [mount, router] of Object.entries(routes)) {
    const layers = (stack: RouteLayer[]): RouteLayer[] =>
      stack.flatMap((layer) => (layer.route ? [layer] : layers(layer.handle?.stack ?? [])));
    for (const layer of layers(router.stack as unknown as RouteLayer[])) {
      for (const [method, on] of Object.entries(layer.route!.methods)) {
        if (on && method !== '_all') found.add(key(method, documentPath(mount, layer.route!.path)));
      }
    }
  }
  return found;
}

/**
 * Where the routers and their declared operations disagree: a route mounted without `handle` (so the
 * document lacks it), or an operation no route answers. Both lists are empty when the document is whole.
 */
export function documentationGaps(routes: Record<string, Router>) {
  const mounted = mountedRoutes(routes);
  const documented = new Set(
    Object.entries(routes).flatMap(([mount, router]) =>
      operationsOf(router).map((op) => key(op.method, documentPath(mount, op.path))),
    ),
  );
  return {
    undocumented: [...mounted].filter((route) => !documented.has(route)),
    missing: [...documented].filter((route) => !mounted.has(route)),
  };
}
