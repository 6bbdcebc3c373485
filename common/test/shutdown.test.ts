import { request as httpRequest } from 'node:http';
import { Router } from 'express';
import { createLogger, createServiceApp, listen } from '../src';

const logger = createLogger('shutdown-test', 'silent');

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('when the server closes, then it stops accepting but lets an in-flight request finish', async () => {
  let release!: () => void;
  let arrived!: () => void;
  const inFlight = new Promise<void>((resolve) => (arrived = resolve));
  const router = Router();
  router.get('/slow', async (_req, res) => {
    arrived();
    await new Promise<void>((resolve) => (release = resolve));
    res.json({ finished: true });
  });
  const app = createServiceApp({
    name: 'shutdown-test',
    logger,
    routes: { '/api': router },
    secureCookies: false,
  });
  const server = await listen(app, 0, logger);

  const slow = get(server.port, '/api/slow');
  await inFlight;
  const closed = server.close();
  await expect(get(server.port, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
  release();
  await expect(slow).resolves.toEqual({ status: 200, body: '{"finished":true}' });
  await closed;
});
