import type { z } from 'zod';
import { operation, type OperationSpec, type RequestPart, type Responses, type Route } from './operation';
import { pageOf } from './shared-schemas';

// The pieces that recur in the services' operation declarations, said once.

/**
 * A route for admins only (its router mounts it behind `requireRole('admin')`): signed in, and 403 for
 * anyone else.
 */
export const adminOperation = <
  S extends Responses,
  P extends RequestPart = undefined,
  Q extends RequestPart = undefined,
  B extends RequestPart = undefined,
>(
  route: Route,
  spec: Omit<OperationSpec<S, P, Q, B>, 'access'>,
) =>
  operation(route, { ...spec, access: 'signed-in', responses: { ...spec.responses, 403: 'Not an admin' } });

/** The failures of a route that finds one `thing` by the id in its path: a malformed id, an unknown one. */
export const byIdErrors = (thing: string) => ({ 400: 'Malformed id', 404: `Unknown ${thing}` });

/** A success answer whose body is JSON of `body`'s schema. */
export const jsonResponse = <T extends z.ZodType>(description: string, body: T) => ({ description, body });

/** A success answer that is one cursor page of `item` (docs/api.md, "Lists"). */
export const pageResponse = <T extends z.ZodType>(description: string, item: T) =>
  jsonResponse(description, pageOf(item));
