import type { IncomingMessage, ServerResponse } from 'node:http';
import type Stripe from 'stripe';
import { apiRoutes } from '../api-routes';
import { ApiError, unrecognizedUrl } from '../errors';
import type { IdempotencyStore, StoredResponse } from '../idempotency';
import type { EmulatorState, RequestContext } from '../state';
import { authenticate, parseBody, parseForm, readBody } from './read-request';
import { matchRoute } from './router';
import { errorJson, send, toJson } from './send';

export interface ApiDeps {
  state: EmulatorState;
  idempotency: IdempotencyStore;
  defaultApiVersion: string;
  /** Called with the events a request created, after its response is sent. */
  onEvents(events: Stripe.Event[]): void;
}

/** One /v1 request: route → auth → body → idempotency → handler → response, then events. */
export async function handleApi(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  requestId: string,
) {
  const method = req.method ?? 'GET';
  const apiKey = authenticate(req.headers.authorization);
  const route = matchRoute(apiRoutes, method, url.pathname);
  if (!route) throw unrecognizedUrl(method, url.pathname);
  const raw = await readBody(req);
  const params = method === 'GET' ? parseForm(url.search.slice(1)) : parseBody(req, raw);
  const header = req.headers['idempotency-key'];
  const idempotencyKey = method === 'POST' && typeof header === 'string' && header !== '' ? header : null;
  const versionHeader = req.headers['stripe-version'];
  const apiVersion = typeof versionHeader === 'string' ? versionHeader : deps.defaultApiVersion;
  const versionHeaders = { 'Stripe-Version': apiVersion };

  if (idempotencyKey) {
    const replay = deps.idempotency.find(apiKey, idempotencyKey, url.pathname, params);
    if (replay) {
      const replayHeaders = { 'Idempotent-Replayed': 'true', 'Original-Request': replay.requestId };
      return send(res, replay.status, replay.body, { ...versionHeaders, ...replayHeaders });
    }
  }
  const ctx: RequestContext = {
    requestId,
    idempotencyKey,
    apiVersion,
    path: route.params,
    params,
    emitted: [],
  };
  let response: StoredResponse;
  try {
    response = { status: 200, body: toJson(route.handler(deps.state, ctx)), requestId };
  } catch (error) {
    // A card decline happened (the charge and its events exist), so it is remembered and
    // replayed like a success; validation errors are not, exactly as Stripe does.
    if (!(error instanceof ApiError) || error.status !== 402) throw error;
    response = { status: 402, body: errorJson(error.body), requestId };
  }
  if (idempotencyKey) deps.idempotency.save(apiKey, idempotencyKey, url.pathname, params, response);
  res.once('close', () => deps.onEvents(ctx.emitted));
  send(res, response.status, response.body, versionHeaders);
}
