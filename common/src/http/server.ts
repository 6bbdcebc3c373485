import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { answerClientErrors } from './client-error';

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Listens, and on close stops accepting, lets in-flight requests finish, then drops idle keep-alives. */
export function listen(
  app: Express,
  port: number,
  logger: Logger,
  drainTimeoutMs = 10_000,
): Promise<RunningServer> {
  const server = createServer(app);
  server.keepAliveTimeout = 65_000; // longer than the ingress' idle timeout, so it closes first
  answerClientErrors(server, logger);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      logger.info({ port: actual }, 'http server listening');
      resolve({
        server,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            const force = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
            server.close(() => {
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
