import { isAxiosError } from 'axios';
import type { ApiErrorEntry } from './types';

/**
 * A failed API call, with the `{ errors: [...] }` body every service answers. What people read comes from
 * lib/messages (by `code`), never from `message`, which is written for developers.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorEntry[],
  ) {
    super(errors[0]?.message ?? `Request failed (${status})`);
  }
}

const isErrorBody = (body: unknown): body is { errors: ApiErrorEntry[] } =>
  typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors);

/** Any thrown value → ApiError (network failures become a 503 with a plain message). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isAxiosError(err) && err.response) {
    const body: unknown = err.response.data;
    if (isErrorBody(body)) return new ApiError(err.response.status, body.errors);
    return new ApiError(err.response.status, [
      { code: 'unexpected', message: `Request failed (${err.response.status})` },
    ]);
  }
  return new ApiError(503, [{ code: 'offline', message: 'The API cannot be reached' }]);
}

/** Whether the API answered with this error code (the one way the client tells errors apart). */
export const hasCode = (err: ApiError, code: string) => err.errors.some((e) => e.code === code);

/** The access token has expired: a refresh and a retry may still succeed (`not_authorized` means sign in). */
export const isExpiredSession = (err: ApiError) => hasCode(err, 'session_expired');
