import type { Request, RequestHandler, Router } from 'express';
import type { z } from 'zod';
import { validate, type RequestSchemas } from '../http/validate';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A success answer with a body: its JSON body's schema, or a media type for a file (an image, a PDF). */
export interface SuccessResponse {
  description: string;
  body?: z.ZodType;
  /** Not JSON: the media type of the bytes sent (`image/png`, `application/pdf`). */
  contentType?: string;
}

/**
 * Each status a route answers with. A sentence alone is the description: below 400, an answer without a body
 * (204); from 400, an error, whose body is always the error shape.
 */
export type Responses = Record<number, SuccessResponse | string>;

/** `signed-in`: needs the access cookie (401 without it); `public`: anyone. */
export type Access = 'public' | 'signed-in';

/** One route as the router mounts it and the OpenAPI document describes it (built by `operation`). */
export interface ApiOperation<R extends RequestSchemas = RequestSchemas, S extends Responses = Responses> {
  method: HttpMethod;
  /** Express path below the router's mount, e.g. '/' or '/:id'. */
  path: string;
  summary: string;
  description?: string;
  access: Access;
  request?: R;
  responses: S;
}

/** A route's method and Express path below the router's mount: 'post /signup', 'get /:id'. */
export type Route = `${HttpMethod} /${string}`;

/** One request part's schema (params, query or body), or none. */
export type RequestPart = z.ZodType | undefined;

/** What a route declares besides its method and path: `params`, `query`, `body` are its request schemas. */
export interface OperationSpec<
  S extends Responses,
  P extends RequestPart,
  Q extends RequestPart,
  B extends RequestPart,
> {
  summary: string;
  description?: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  responses: S;
}

/**
 * One route, declared once: the router mounts it (with `validate` of its request schemas) and the OpenAPI
 * document describes it. A declaration says only what is its own, a response a line:
 *
 *   export const signUp = operation('post /signup', {
 *     summary: 'Create an account and sign in',
 *     access: 'public',
 *     body: signUpBody,
 *     responses: {
 *       201: jsonResponse('The new user, signed in', publicUser),
 *       409: '`email_taken`',
 *     },
 *   });
 *
 * What every route shares is added by the document (401 of a signed-in route, the default error); what
 * several share has a name in operation-parts.ts (`adminOperation`, `byIdErrors`, `pageResponse`). The
 * literal types are kept, so a handler sees the parsed request and typed bodies.
 */
export function operation<
  S extends Responses,
  P extends RequestPart = undefined,
  Q extends RequestPart = undefined,
  B extends RequestPart = undefined,
>(route: Route, { params, query, body, ...op }: OperationSpec<S, P, Q, B>) {
  const [method, path] = route.split(' ') as [HttpMethod, string];
  const parts = Object.entries({ params, query, body }).filter(([, schema]) => schema);
  const request = parts.length > 0 ? { request: Object.fromEntries(parts) } : {};
  return { method, path, ...op, ...request } as ApiOperation<{ params: P; query: Q; body: B }, S>;
}

// A part without a schema keeps Express' own type; a route without a JSON answer may send anything.
type Parsed<S, Otherwise> = [S] extends [z.ZodType] ? z.output<S> : Otherwise;
type Bodies<O extends ApiOperation> = {
  [K in keyof O['responses']]: O['responses'][K] extends { body: z.ZodType }
    ? z.input<O['responses'][K]['body']>
    : never;
}[keyof O['responses']];
type RequestOf<O extends ApiOperation> = NonNullable<O['request']>;

/** The last handler of a route: params, query and body are the parsed values of the operation's schemas. */
export type OperationHandler<O extends ApiOperation> = RequestHandler<
  Parsed<RequestOf<O>['params'], Request['params']>,
  [Bodies<O>] extends [never] ? unknown : Bodies<O>,
  Parsed<RequestOf<O>['body'], unknown>,
  Parsed<RequestOf<O>['query'], Request['query']>
>;

const declared = new WeakMap<Router, ApiOperation[]>();

/** The operations mounted on a router with `handle`, in order. */
export const operationsOf = (router: Router): readonly ApiOperation[] => declared.get(router) ?? [];

/**
 * Mounts a router of operations inside another (both under one path prefix): the parent's document then
 * has the child's operations too.
 */
export function mountOperations(parent: Router, child: Router): void {
  parent.use(child);
  declared.set(parent, [...operationsOf(parent), ...operationsOf(child)]);
}

const parsedInput = new WeakSet<RequestHandler>();

/** Marks a middleware that needs the parsed request (a limit keyed by a body field): it runs after `validate`. */
export function afterValidation(middleware: RequestHandler): RequestHandler {
  const wrapped: RequestHandler = (req, res, next) => middleware(req, res, next);
  parsedInput.add(wrapped);
  return wrapped;
}

/**
 * Mounts an operation: its middleware (auth, limits) run first, then `validate` of its request schemas,
 * then middleware marked `afterValidation`, then the handler. The operation is remembered on the router,
 * which is where the document finds it.
 */
export function handle<O extends ApiOperation>(
  router: Router,
  op: O,
  ...handlers: [...RequestHandler[], OperationHandler<O>]
): void {
  const middleware = handlers.slice(0, -1) as RequestHandler[];
  const last = handlers.at(-1) as unknown as RequestHandler;
  const checks = op.request ? [validate(op.request)] : [];
  const before = middleware.filter((m) => !parsedInput.has(m));
  const after = middleware.filter((m) => parsedInput.has(m));
  router[op.method](op.path, ...before, ...checks, ...after, last);
  declared.set(router, [...operationsOf(router), op]);
}
