import { isAxiosError } from 'axios';
import type { ApiErrorEntry } from './types';

/** A failed API call, with the `{ errors: [...] }` body every service answers. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorEntry[],
  ) {
    super(errors[0]?.message ?? `Request failed (${status})`);
  }

  /** Field → message, for forms (the API sends one entry per bad field). */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const e of this.errors) if (e.field && !byField[e.field]) byField[e.field] = e.message;
    return byField;
  }

  /** Messages that belong to no field, for the form's summary. */
  generalMessages(): string[] {
    return this.errors.filter((e) => !e.field).map((e) => e.message);
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
      { code: 'unexpected', message: 'Something went wrong. Please try again.' },
    ]);
  }
  return new ApiError(503, [
    { code: 'unavailable', message: 'The service cannot be reached. Please try again.' },
  ]);
}

export const isExpiredSession = (err: ApiError) =>
  err.status === 401 && err.errors.some((e) => /expired/i.test(e.message));
