/**
 * The first import of every service's main.ts: starts tracing before express, pg, ioredis and http are
 * required, so that the instrumentations patch them (they can only patch a module as it is loaded).
 * Nothing is installed unless an OTLP endpoint is set. An invalid OTEL_* variable leaves tracing off
 * here and stops the service at its config check, with the variable named.
 */
import { entryPointService, tracingSchema, tracingSettings } from './settings';
import { startTracing } from './tracing';

const env = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
const parsed = tracingSchema.safeParse(env);
const settings = parsed.success ? tracingSettings(parsed.data, entryPointService()) : null;
if (settings) startTracing(settings);
