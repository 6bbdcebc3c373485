import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { RequestValidationError, type ErrorEntry } from '../errors/app-error';

export interface RequestSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

export function toErrorEntries(error: z.ZodError, prefix?: string): ErrorEntry[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter(Boolean).join('.') || undefined;
    return { code: 'invalid', message: issue.message, ...(field ? { field } : {}) };
  });
}

/**
 * Validates body, query and params; replaces each with its parsed value (defaults and coercions
 * applied), so a handler only ever sees valid input. Every bad field of every part is reported at once.
 */
export function validate(schemas: RequestSchemas): RequestHandler {
  return (req, _res, next) => {
    const errors: ErrorEntry[] = [];
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(req[part] ?? {});
      if (!result.success) {
        errors.push(...toErrorEntries(result.error));
        continue;
      }
      // Express 5 exposes req.query through a getter; shadow it with the parsed value.
      Object.defineProperty(req, part, {
        value: result.data,
        writable: true,
        configurable: true,
        enumerable: true,
      });
    }
    if (errors.length > 0) throw new RequestValidationError(errors);
    next();
  };
}
