import type { z } from 'zod';
import type { RequestSchemas } from '../http/validate';
import { operation, type ApiOperation, type Responses } from './operation';
import { pageOf } from './shared-schemas';

// The pieces that recur in the services' operation declarations, said once.

/**
 * A route for admins only (its router mounts it behind `requireRole('admin')`): signed in, and 403 for
 * anyone else.
 */
export const adminOperation = <R extends RequestSchemas, S extends Responses>(
  op: Omit<ApiOperation<R, S>, 'access'>,
) => operation({ ...op, access: 'signed-in', responses: { ...op.responses, 403: 'Not an admin' } });

/** The failures of a route that finds one `thing` by the id in its path: a malformed id, an unknown one. */
export const byIdErrors = (thing: string) => ({ 400: 'Malformed id', 404: `Unknown ${thing}` });

/** A success answer that is one cursor page of `item` (docs/api.md, "Lists"). */
export const pageResponse = <T extends z.ZodType>(description: string, item: T) => ({
  description,
  body: pageOf(item),
});
