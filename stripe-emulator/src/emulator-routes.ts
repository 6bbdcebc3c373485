import type { ServerResponse } from 'node:http';
import { invalidRequest, resourceMissing, unrecognizedUrl } from './errors';
import { matchRoute, type Route } from './http/router';
import { send, toJson } from './http/send';
import type { EmulatorState } from './state';
import type { WebhookDispatcher } from './webhooks/dispatcher';

interface EmulatorDeps {
  state: EmulatorState;
  webhooks: WebhookDispatcher;
}

type EmulatorHandler = (
  deps: EmulatorDeps,
  params: Record<string, string>,
) => { status: number; body: object };

/** Dev-only helpers outside Stripe's API; no API key needed. */
const routes: Route<EmulatorHandler>[] = [
  {
    method: 'GET',
    path: '/_emulator/health',
    handler: ({ webhooks }) => ({
      status: 200,
      body: { status: 'ok', devOnly: true, webhookUrl: webhooks.url ?? null },
    }),
  },
  {
    method: 'POST',
    path: '/_emulator/events/:id/resend',
    handler: ({ state, webhooks }, { id = '' }) => {
      const event = state.events.get(id);
      if (!event) throw resourceMissing('event', id, 'id', 404);
      if (!webhooks.deliver(event, true)) {
        throw invalidRequest(
          'No webhook endpoint is configured (STRIPE_WEBHOOK_URL), so there is nowhere to resend to.',
        );
      }
      return { status: 202, body: { id: event.id, type: event.type, resent: true } };
    },
  },
];

export function handleEmulatorRoute(
  deps: EmulatorDeps,
  method: string,
  path: string,
  res: ServerResponse,
): void {
  const route = matchRoute(routes, method, path);
  if (!route) throw unrecognizedUrl(method, path);
  const { status, body } = route.handler(deps, route.params);
  send(res, status, toJson(body));
}
