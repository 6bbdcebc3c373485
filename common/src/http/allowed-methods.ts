import type { RequestHandler, Router } from 'express';
import { MethodNotAllowedError } from '../errors/app-error';

/** The parts of the router's layers read here (Express 5's router exposes them on `stack`). */
interface RouteLayer {
  route?: { _methods(): string[] };
  match(path: string): unknown;
}

/** Methods that some route answers for this path, across the mounted routers; [] when no route matches. */
function allowedMethods(routes: Record<string, Router>, path: string): string[] {
  const allowed = new Set<string>();
  for (const [mount, router] of Object.entries(routes)) {
    if (path !== mount && !path.startsWith(`${mount}/`)) continue;
    const inner = path.slice(mount.length) || '/';
    for (const layer of router.stack as unknown as RouteLayer[]) {
      if (layer.route && matches(layer, inner)) layer.route._methods().forEach((m) => allowed.add(m));
    }
  }
  return [...allowed].sort();
}

function matches(layer: RouteLayer, path: string): boolean {
  try {
    return Boolean(layer.match(path));
  } catch {
    return false; // a malformed percent-encoding: the route itself answers it with a 400
  }
}

/**
 * OPTIONS on an API path: 204 with the Allow header (Express would answer text/plain). Placed before
 * the routers; a path no route knows falls through to the JSON 404.
 */
export function answerOptions(routes: Record<string, Router>): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    const allowed = allowedMethods(routes, req.path);
    if (allowed.length === 0) return next();
    res.setHeader('Allow', [...allowed, 'OPTIONS'].join(', '));
    res.status(204).end();
  };
}

/** After the routers: a known path asked with a method it does not answer is a 405 with Allow, not a 404. */
export function methodNotAllowed(routes: Record<string, Router>): RequestHandler {
  return (req, _res, next) => {
    const allowed = allowedMethods(routes, req.path);
    if (allowed.length === 0) return next();
    throw new MethodNotAllowedError(req.method, [...allowed, 'OPTIONS']);
  };
}
