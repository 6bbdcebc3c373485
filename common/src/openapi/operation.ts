import type { Request, RequestHandler, Router } from 'express';
import type { z } from 'zod';
import { validate, type RequestSchemas } from '../http/validate';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A success answer: its JSON body's schema, a media type for a file (an image, a PDF), or none (204). */
export interface SuccessResponse {
  description: string;
  body?: z.ZodType;
  /** Not JSON: the media type of the bytes sent (`image/png`, `application/pdf`). */
  contentType?: string;
}

/**
 * One route, declared once: the router mounts it (with `validate` of its request schemas) and the OpenAPI
 * document describes it. An error status maps to a sentence; its body is always the error shape.
 */
export type Responses = Record<number, SuccessResponse | string>;

export interface ApiOperation<R extends RequestSchemas = RequestSchemas, S extends Responses = Responses> {
  method: HttpMethod;
  /** Express path below the router's mount, e.g. '/' or '/:id'. */
  path: string;
  summary: string;
  description?: string;
  /** `signed-in`: needs the access cookie (401 without it); `public`: anyone. */
  access: 'public' | 'signed-in';
  request?: R;
  responses: S;
}

/** Keeps the literal types of an operation, so its handler sees the parsed request and typed bodies. */
export const operation = <R extends RequestSchemas, S extends Responses>(
  op: ApiOperation<R, S>,
): ApiOperation<R, S> => op;

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
