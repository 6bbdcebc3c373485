import type { Express, Router } from 'express';
import { listen } from '../http/server';
import { createLogger } from '../logging/logger';
import { documentationGaps } from '../openapi/coverage';

/** Jest's globals, as its test environment provides them (common does not build against Jest's types). */
interface TestGlobals {
  test(name: string, fn: () => Promise<void> | void): void;
  expect(actual: unknown): {
    toBe(expected: unknown): void;
    toEqual(expected: unknown): void;
    toContain(item: unknown): void;
  };
}

export interface ServedDocument {
  /** Where the service serves its document, e.g. `/api/users/openapi.json`. */
  url: string;
  /** What every documented path starts with, e.g. `['/api/tickets', '/api/events']`. */
  prefixes: string[];
  /** Paths the document must hold, e.g. `['/api/users/currentuser']`. */
  includes: string[];
}

/**
 * The two tests every service's OpenAPI document passes: the routes it mounts and the operations it documents
 * agree, and the document is served as OpenAPI 3.1 with only the service's own paths. `serviceOf` is read when
 * the tests run (the service of `forThisFile` is started in `beforeAll`).
 */
export function testOpenApiDocument(
  serviceOf: () => { app: Express; routes: Record<string, Router> },
  { url, prefixes, includes }: ServedDocument,
): void {
  const { test, expect } = globalThis as unknown as TestGlobals;

  test('when the service is wired, then every route it mounts is in its OpenAPI document and every documented route is mounted', () => {
    expect(documentationGaps(serviceOf().routes)).toEqual({ undocumented: [], missing: [] });
  });

  test(`when ${url} is asked for, then it serves the OpenAPI 3.1 document of ${prefixes.join(' and ')}`, async () => {
    const server = await listen(serviceOf().app, 0, createLogger('openapi-document', 'silent'), 1_000);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}${url}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { openapi: string; paths: object };
      expect(body.openapi).toBe('3.1.0');
      const paths = Object.keys(body.paths);
      for (const path of includes) expect(paths).toContain(path);
      expect(paths.every((path) => prefixes.some((prefix) => path.startsWith(prefix)))).toBe(true);
    } finally {
      await server.close();
    }
  });
}
