/**
 * DEV/TEST ONLY: a local stand-in for Stripe's servers, speaking the subset of the Stripe API
 * the payments service uses and sending signed webhooks. Never deploy it as a payment provider;
 * with real keys, payments talks to Stripe itself.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { DEV_WEBHOOK_SECRET } from './config';
import { handleEmulatorRoute } from './emulator-routes';
import { ApiError } from './errors';
import { handleApi } from './http/handle-api';
import { errorJson, send } from './http/send';
import { IdempotencyStore } from './idempotency';
import { newId } from './ids';
import { createLogger, type Logger } from './logger';
import { EmulatorState } from './state';
import {
  DEFAULT_RETRY,
  WebhookDispatcher,
  type DeliveryAttempt,
  type RetryPolicy,
} from './webhooks/dispatcher';

export interface EmulatorOptions {
  /** Where events are POSTed; without it they are only stored. */
  webhookUrl?: string;
  webhookSecret?: string;
  /** Event types to deliver (`*` = all, the default). */
  enabledEvents?: string[];
  webhookRetry?: Partial<RetryPolicy>;
  /** Objects kept per kind (payment intents, charges, events…) before the oldest are forgotten. */
  capacity?: number;
  logger?: Logger;
}

export interface Emulator {
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
  readonly webhookSecret: string;
  readonly events: {
    get(id: string): Stripe.Event | undefined;
    list(): Stripe.Event[];
    /** Delivers a stored event again; false when unknown or no webhook URL is set. */
    resend(id: string): boolean;
    deliveries(id: string): DeliveryAttempt[];
    /** Resolves when every webhook delivery started so far has finished or given up. */
    idle(): Promise<void>;
  };
}

const snapshotOf = <T>(value: T | undefined) => (value === undefined ? undefined : structuredClone(value));

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const logger = options.logger ?? createLogger();
  const capacity = options.capacity ?? 10_000;
  const state = new EmulatorState(capacity);
  const idempotency = new IdempotencyStore(capacity);
  const webhookSecret = options.webhookSecret ?? DEV_WEBHOOK_SECRET;
  const webhooks = new WebhookDispatcher({
    url: options.webhookUrl,
    secret: webhookSecret,
    enabledEvents: options.enabledEvents ?? ['*'],
    retry: { ...DEFAULT_RETRY, ...options.webhookRetry },
    logger,
    capacity,
  });
  const apiDeps = {
    state,
    idempotency,
    defaultApiVersion: Stripe.API_VERSION,
    onEvents: (events: Stripe.Event[]) => events.forEach((event) => webhooks.deliver(event)),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = newId('req');
    res.setHeader('Request-Id', requestId);
    res.once('finish', () => logger.info({ requestId }, `${req.method} ${req.url} ${res.statusCode}`));
    try {
      const url = new URL(req.url ?? '/', 'http://emulator.local');
      if (url.pathname.startsWith('/_emulator/')) {
        handleEmulatorRoute({ state, webhooks }, req.method ?? 'GET', url.pathname, res);
      } else {
        await handleApi(apiDeps, req, res, url, requestId);
      }
    } catch (error) {
      if (error instanceof ApiError) return send(res, error.status, errorJson(error.body));
      logger.error({ requestId, err: error }, 'unexpected error');
      if (!res.headersSent)
        send(res, 500, errorJson({ type: 'api_error', message: 'An unknown error occurred.' }));
    }
  };

  let server: Server | undefined;
  return {
    webhookSecret,
    listen(port = 12111, host = '127.0.0.1') {
      const started = createServer((req, res) => void handle(req, res));
      server = started;
      return new Promise((resolve, reject) => {
        started.once('error', reject);
        started.listen(port, host, () => {
          const { port: bound } = started.address() as AddressInfo;
          const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
          logger.info({ url }, 'Stripe emulator listening (DEV/TEST ONLY, not a payment provider)');
          resolve({ port: bound, url });
        });
      });
    },
    async close() {
      const running = server;
      server = undefined;
      await webhooks.close();
      if (!running?.listening) return;
      await new Promise<void>((resolve, reject) => {
        running.close((error) => (error ? reject(error) : resolve()));
        running.closeAllConnections();
      });
    },
    events: {
      get: (id) => snapshotOf(state.events.get(id)),
      list: () => [...state.events.values()].map((event) => structuredClone(event)),
      resend: (id) => {
        const event = state.events.get(id);
        return event ? webhooks.deliver(event, true) : false;
      },
      deliveries: (id) => webhooks.deliveries(id),
      idle: () => webhooks.idle(),
    },
  };
}
