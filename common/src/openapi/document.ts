import type { Router } from 'express';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiParameters,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { z } from 'zod';
import { ACCESS_COOKIE, CSRF_HEADER } from '../auth/access-token';
import { operationsOf, type ApiOperation, type SuccessResponse } from './operation';
import { errorsBody } from './shared-schemas';

/** An OpenAPI 3.1 document as JSON (what `/openapi.json` serves and the docs merge). */
export type ApiDocument = ReturnType<typeof createDocument>;

export interface ApiDocumentOptions {
  /** The service, e.g. "tickets": the document's title and every operation's tag. */
  service: string;
  /** Mount path → router, as the app mounts them. */
  routes: Record<string, Router>;
  /** Mutating paths that need no CSRF header (a signed webhook). */
  csrfExempt?: string[];
}

/** '/api/tickets' + '/:id' → '/api/tickets/{id}'; the mount's own path has no trailing slash. */
export const documentPath = (mount: string, path: string): string =>
  `${mount}${path === '/' ? '' : path}`.replace(/:(\w+)/g, '{$1}');

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorsBody } },
});

/** A sentence alone is an answer without a body below 400, an error from 400 (Responses in operation.ts). */
function responseOf(status: number, answer: SuccessResponse | string): ZodOpenApiResponseObject {
  if (typeof answer === 'string') return status >= 400 ? errorResponse(answer) : { description: answer };
  return {
    description: answer.description,
    ...(answer.body ? { content: { 'application/json': { schema: answer.body } } } : {}),
    ...(answer.contentType
      ? { content: { [answer.contentType]: { schema: { type: 'string', format: 'binary' } } } }
      : {}),
  };
}

function responsesOf(op: ApiOperation): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, answer] of Object.entries(op.responses)) {
    responses[status as `${1 | 2 | 3 | 4 | 5}${string}`] = responseOf(Number(status), answer);
  }
  if (op.access === 'signed-in' && !('401' in responses)) {
    responses['401'] = errorResponse(
      '`not_authorized`: not signed in (sign in). `session_expired`: refresh the session, then retry.',
    );
  }
  responses.default = errorResponse(
    'Any other failure, in the error shape: a malformed request (400), too large (413), rate limited (429), ' +
      'a dependency down (503), a bug (500).',
  );
  return responses;
}

function toOperation(op: ApiOperation, service: string, csrf: boolean): ZodOpenApiOperationObject {
  const { params, query, body } = op.request ?? {};
  // Path and query schemas are objects (validate() parses req.params and req.query with them).
  const objects = {
    ...(params ? { path: params } : {}),
    ...(query ? { query } : {}),
  } as ZodOpenApiParameters;
  return {
    tags: [service],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.access === 'signed-in' ? { security: [{ session: [] }] } : {}),
    requestParams: objects,
    ...(csrf
      ? {
          parameters: [
            {
              in: 'header',
              name: CSRF_HEADER,
              required: true,
              description: 'The `csrf_token` cookie, echoed (double submit).',
              schema: { type: 'string' },
            },
          ],
        }
      : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses: responsesOf(op),
  };
}

/** Every service serves its own part beside its routes (createServiceApp); the document says so too. */
const ownPart = (service: string): ZodOpenApiOperationObject => ({
  tags: [service],
  summary: `The ${service} part of the API document (/api/docs/openapi.json has every service's)`,
  responses: {
    200: {
      description: 'An OpenAPI 3.1 document',
      content: {
        'application/json': { schema: z.looseObject({ openapi: z.string(), paths: z.looseObject({}) }) },
      },
    },
  },
});

/** The OpenAPI 3.1 document of a service's routes, from the operations its routers were built with. */
export function apiDocument({ service, routes, csrfExempt = [] }: ApiDocumentOptions): ApiDocument {
  const paths: ZodOpenApiPathsObject = {};
  for (const [mount, router] of Object.entries(routes)) {
    paths[`${mount}/openapi.json`] = { get: ownPart(service) };
    for (const op of operationsOf(router)) {
      const path = documentPath(mount, op.path);
      const mutating = op.method !== 'get';
      const csrf = mutating && !csrfExempt.includes(`${mount}${op.path === '/' ? '' : op.path}`);
      paths[path] = { ...paths[path], [op.method]: toOperation(op, service, csrf) };
    }
  }
  return createDocument({
    openapi: '3.1.0',
    info: { title: `Ticketing: ${service}`, version: '1' },
    tags: [{ name: service }],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: ACCESS_COOKIE,
          description: 'The access token auth sets at sign-in (HttpOnly).',
        },
      },
    },
  });
}
