import { isRejectedInputValue } from '../db/database';
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError, type AppError } from './app-error';

/** What body-parser (raw-body underneath) says went wrong with a request body: each is the client's fault. */
const BODY_FAULTS: Record<string, () => AppError> = {
  'entity.too.large': () => new PayloadTooLargeError(),
  'entity.parse.failed': () => new BadRequestError('Malformed JSON body'),
  'charset.unsupported': () => new UnsupportedMediaTypeError('Unsupported charset: send UTF-8 JSON'),
  'encoding.unsupported': () =>
    new UnsupportedMediaTypeError('Unsupported Content-Encoding: use gzip, deflate, br or none'),
  'entity.verify.failed': () => new BadRequestError('Request body rejected'),
  'request.aborted': () => new BadRequestError('Request body aborted'),
  'request.size.invalid': () => new BadRequestError('Request body shorter or longer than its Content-Length'),
};

interface HttpLikeError {
  type?: unknown;
  status?: unknown;
  code?: unknown;
  expose?: unknown;
}

/**
 * Turns the errors that libraries raise for a malformed request into the API's error shape: body-parser's
 * typed errors, a body that does not decompress, a path with broken percent-encoding (the router throws a
 * URIError) and a value PostgreSQL cannot hold. Anything else is not a client fault (undefined).
 */
export function fromClientFault(err: unknown): AppError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { type, status, code, expose } = err as HttpLikeError;
  if (typeof type === 'string' && type in BODY_FAULTS) return BODY_FAULTS[type]!();
  // zlib and brotli errors (Z_DATA_ERROR, ERR__ERROR_FORMAT_...): the body is not in its encoding.
  if (typeof code === 'string' && /^(Z_|ERR__ERROR_)/.test(code)) {
    return new BadRequestError('Request body is not in its Content-Encoding');
  }
  if (err instanceof URIError) return new BadRequestError('Malformed percent-encoding in the path');
  if (isRejectedInputValue(err)) return new BadRequestError('A value in the request cannot be stored');
  // Other http-errors raised while reading the request (a 4xx meant to be shown): the client's fault.
  if (
    typeof status === 'number' &&
    status >= 400 &&
    status < 500 &&
    (typeof type === 'string' || expose === true)
  ) {
    return new BadRequestError('Malformed request');
  }
  return undefined;
}
