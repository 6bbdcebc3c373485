import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  body: string;
  signature: string;
  /** The status this receiver answered with. */
  status: number;
  /** How many times this event id had arrived, this delivery included. */
  attempt: number;
  event: { id: string; type: string; data: { object: { id: string; [key: string]: unknown } } };
}

export type Responder = (hook: Omit<ReceivedWebhook, 'status'>) => number;

/** A real HTTP endpoint that records every delivery and lets a test await the one it expects. */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const waiters: { match: (hook: ReceivedWebhook) => boolean; resolve: (hook: ReceivedWebhook) => void }[] =
    [];
  const attempts = new Map<string, number>();
  const receiver = { respond: (() => 200) as Responder };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const event = JSON.parse(body) as ReceivedWebhook['event'];
      const attempt = (attempts.get(event.id) ?? 0) + 1;
      attempts.set(event.id, attempt);
      const signature = String(req.headers['stripe-signature'] ?? '');
      const partial = { body, signature, attempt, event };
      const hook = { ...partial, status: receiver.respond(partial) };
      received.push(hook);
      res.writeHead(hook.status).end();
      for (const waiter of waiters.filter((w) => w.match(hook))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(hook);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    set respond(responder: Responder) {
      receiver.respond = responder;
    },
    /** Resolves with the first delivery (already received or still to come) that matches. */
    waitFor(match: (hook: ReceivedWebhook) => boolean): Promise<ReceivedWebhook> {
      const done = received.find(match);
      if (done) return Promise.resolve(done);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** A delivery of `type` about the object `objectId`, that the receiver accepted. */
export const deliveredAbout = (type: string, objectId: string) => (hook: ReceivedWebhook) =>
  hook.status === 200 && hook.event.type === type && hook.event.data.object.id === objectId;
