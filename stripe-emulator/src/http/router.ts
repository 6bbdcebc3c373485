export interface Route<H> {
  method: 'GET' | 'POST';
  /** Segments starting with `:` capture a path parameter: `/v1/payment_intents/:id`. */
  path: string;
  handler: H;
}

export interface RouteMatch<H> {
  handler: H;
  params: Record<string, string>;
}

export function matchRoute<H>(routes: Route<H>[], method: string, path: string): RouteMatch<H> | undefined {
  const actual = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const expected = route.path.split('/');
    if (expected.length !== actual.length) continue;
    const params: Record<string, string> = {};
    const matches = expected.every((segment, i) => {
      const value = actual[i] ?? '';
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(value);
        return value !== '';
      }
      return segment === value;
    });
    if (matches) return { handler: route.handler, params };
  }
  return undefined;
}
