import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { isConnectionError } from '../db/database';
import { AppError, DatabaseConnectionError, MethodNotAllowedError, NotFoundError } from './app-error';
import { fromClientFault } from './client-faults';

/** A database that is away is worth a retry: 503, not a generic 500 (the details still go to the log). */
function fromInfrastructure(err: unknown): AppError | undefined {
  return isConnectionError(err) ? new DatabaseConnectionError() : undefined;
}

/** The one place that turns an error into a response; unknown errors become a logged, generic 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = err instanceof AppError ? err : (fromClientFault(err) ?? fromInfrastructure(err));
    if (known) {
      if (known.status >= 500) (req.log ?? logger).error({ err }, 'dependency unavailable');
      if ('retryAfterSeconds' in known && typeof known.retryAfterSeconds === 'number') {
        res.setHeader('Retry-After', String(Math.ceil(known.retryAfterSeconds)));
      }
      if (known instanceof MethodNotAllowedError) res.setHeader('Allow', known.allow.join(', '));
      res.status(known.status).json({ errors: known.toErrors() });
      return;
    }
    (req.log ?? logger).error({ err }, 'unhandled error');
    if (res.headersSent) return;
    res.status(500).json({ errors: [{ code: 'internal', message: 'Something went wrong' }] });
  };
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new NotFoundError(`No route for ${req.method} ${req.path}`);
};
