/**
 * Next.js calls register() once per server instance, before it serves a request. Tracing needs Node.js
 * (AsyncLocalStorage, http patching), so it is loaded only in that runtime.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation.node');
}
