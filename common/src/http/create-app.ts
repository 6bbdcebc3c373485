import { randomUUID } from 'node:crypto';
import cookieParser from 'cookie-parser';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { errorHandler, notFoundHandler } from '../errors/error-handler';
import { withCorrelationId } from '../logging/correlation';
import type { ApiDocument } from '../openapi/document';
import { answerOptions, methodNotAllowed } from './allowed-methods';
import { rejectControlCharactersInQuery } from './control-characters';
import { csrf } from './csrf';
import { currentUser, type CurrentUserOptions } from './current-user';
import { healthRouter, type ReadinessChecks } from './health';
import { createHttpMetrics } from './metrics';

export interface ServiceAppOptions {
  name: string;
  logger: Logger;
  /** Mount path → router, e.g. { '/api/tickets': ticketsRouter }. */
  routes: Record<string, Router>;
  /** Served at <mount>/openapi.json; the client's /api/docs merges every service's. */
  apiDocument?: ApiDocument;
  readiness?: ReadinessChecks;
  /** Verifies the access cookie on every request when given. */
  auth?: CurrentUserOptions;
  /** Secure cookies (everywhere but local development and tests). */
  secureCookies: boolean;
  csrfExempt?: string[];
  bodyLimit?: string;
  trustProxy?: string;
  defaultMetrics?: boolean;
  /** Where the HTTP metrics go; a service passes the registry its bus metrics use too. */
  metricsRegistry?: Registry;
}

/** The Express 5 app every service shares: security headers, limits, logging, metrics, health, errors. */
export function createServiceApp(options: ServiceAppOptions): Express {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? 'loopback, linklocal, uniquelocal');
  app.set('query parser', 'simple');

  const metrics = createHttpMetrics(options.name, {
    defaultMetrics: options.defaultMetrics,
    registry: options.metricsRegistry,
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url ?? '') },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
    }),
  );
  // Everything the request does runs with its id: log lines and the events it emits carry it.
  app.use((req, _res, next) => withCorrelationId(String(req.id), next));
  app.use(metrics.middleware);
  app.use(healthRouter(options.readiness ?? {}, metrics.registry));

  app.use(helmet());
  app.use(
    express.json({
      limit: options.bodyLimit ?? '100kb',
      // Kept for signature checks (webhooks); bounded by the limit above.
      verify: (req, _res, buf) => {
        (req as express.Request).rawBody = buf;
      },
    }),
  );
  app.use(rejectControlCharactersInQuery);
  app.use(answerOptions(options.routes));
  app.use(cookieParser());
  app.use(csrf({ secure: options.secureCookies, exempt: options.csrfExempt }));
  if (options.auth) app.use(currentUser(options.auth));

  const document = options.apiDocument;
  // Under each mount, so the gateway routes it like the service's other paths (the docs merge them all).
  for (const mount of document ? Object.keys(options.routes) : []) {
    app.get(`${mount}/openapi.json`, (_req, res) => void res.json(document));
  }

  for (const [path, router] of Object.entries(options.routes)) {
    // Remember the mount path: Express resets req.baseUrl before error handlers and metrics see it.
    app.use(
      path,
      (_req, res, next) => {
        res.locals.mountPath = path;
        next();
      },
      router,
    );
  }

  app.use(methodNotAllowed(options.routes));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
