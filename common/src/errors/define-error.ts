import type { AppError } from './app-error';

/** AppError or one of its classes: built from a message and, for some, the request field at fault. */
type AppErrorClass = abstract new (message: string, field?: string) => AppError;

/** An instance of a declared error: its base's, with status and code set. */
type Defined<B extends AppErrorClass> = InstanceType<B> & { readonly status: number; readonly code: string };

/**
 * What the client matches on (code) and the request field at fault, if any. A new status needs its number
 * and code; a kind of an existing class (a ConflictError, ...) keeps its status and, unless it names one, its code.
 */
type ErrorKind<B extends AppErrorClass> = { field?: string } & (typeof AppError extends B
  ? { status: number; code: string }
  : { status?: never; code?: string });

/**
 * Declares an error by what it answers: `class EmailTakenError extends defineError(ConflictError,
 * { code: 'email_taken', message: 'Email is already registered', field: 'email' }) {}`. The message is
 * either fixed (a throw may give a more precise one), built from the constructor's arguments, or left to
 * each throw (then with the field too).
 */
export function defineError<B extends AppErrorClass, A extends unknown[]>(
  base: B,
  kind: ErrorKind<B> & { message: (...args: A) => string },
): new (...args: A) => Defined<B>;
export function defineError<B extends AppErrorClass>(
  base: B,
  kind: ErrorKind<B> & { message: string },
): new (message?: string) => Defined<B>;
export function defineError<B extends AppErrorClass>(
  base: B,
  kind: ErrorKind<B>,
): new (message: string, field?: string) => Defined<B>;
export function defineError(
  base: AppErrorClass,
  {
    status,
    code,
    field,
    message,
  }: { status?: number; code?: string; field?: string; message?: string | ((...args: unknown[]) => string) },
) {
  abstract class DefinedError extends base {
    constructor(...args: unknown[]) {
      if (typeof message === 'function') super(message(...args), field);
      else super((args[0] as string | undefined) ?? message ?? '', (args[1] as string | undefined) ?? field);
      // Own properties, as class fields would be; what a kind does not say, it keeps from its parent.
      Object.assign(this, status === undefined ? {} : { status }, code === undefined ? {} : { code });
    }
  }
  return DefinedError;
}
