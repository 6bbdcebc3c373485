/**
 * The bare path the bench compares orders with, run as two processes like the platform's gateway and
 * service: `bare.ts proxy <port> <target>` (the platform's own gateway code) and `bare.ts app <port>
 * <databaseUrl>` (Express → pg, nothing else: no auth, no validation library, no logging, no bus). The
 * app runs the classic reservation transaction with named statements: BEGIN, lock the ticket row,
 * insert the order, insert the outbox row, COMMIT.
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import { Pool } from 'pg';
import { createGateway, listenGateway } from '../../platform/src/gateway';

const [role, port, target] = process.argv.slice(2);

async function app(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const server = express();
  server.use(express.json());
  server.post('/api/orders', async (req, res) => {
    const ticketId = String((req.body as { ticketId?: unknown }).ticketId);
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query({
        name: 'bare-lock',
        text: 'select id, status, price_cents, currency from tickets where id = $1 for update',
        values: [ticketId],
      });
      const ticket = rows[0] as { status: string; price_cents: number; currency: string } | undefined;
      if (ticket?.status !== 'available') {
        await client.query('rollback');
        res.status(ticket ? 409 : 404).json({ errors: [{ code: 'conflict', message: 'not available' }] });
        return;
      }
      const id = randomUUID();
      const expiresAt = new Date(Date.now() + 900_000);
      await client.query({
        name: 'bare-order',
        text: `insert into orders (id, user_id, ticket_id, status, expires_at, price_cents, currency, version)
               values ($1, $2, $3, 'created', $4, $5, $6, 0)`,
        values: [id, randomUUID(), ticketId, expiresAt, ticket.price_cents, ticket.currency],
      });
      await client.query({
        name: 'bare-outbox',
        text: `insert into outbox (id, subject, envelope) values ($1, 'order.created.v1', $2)`,
        values: [randomUUID(), JSON.stringify({ id, ticketId, expiresAt })],
      });
      await client.query('commit');
      res.status(201).json({ id, ticketId, status: 'created', expiresAt });
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      const unique = (err as { code?: string }).code === '23505';
      res
        .status(unique ? 409 : 500)
        .json({ errors: [{ code: unique ? 'conflict' : 'internal', message: '' }] });
    } finally {
      client.release();
    }
  });
  server.listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
}

async function proxy(upstream: string): Promise<void> {
  const gateway = createGateway({
    routes: [{ prefix: '/', service: 'bare', target: upstream, targets: [upstream] }],
  });
  await listenGateway(gateway, Number(port), '127.0.0.1');
  process.send?.('ready');
}

void (role === 'app' ? app(target!) : proxy(target!));
