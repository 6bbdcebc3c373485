/**
 * The bare path the bench compares orders with, run as two processes like the platform's gateway and
 * service: `bare.ts proxy <port> <target>` (the platform's own gateway code) and `bare.ts app <port>
 * <databaseUrl>` (Express → pg, nothing else: no auth, no validation library, no logging, no bus). The
 * app places an order as orders does, in one named statement on orders' schema: take one ticket from the
 * replica row if one is left, insert the order and its outbox row.
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import { Pool } from 'pg';
import { createGateway, listenGateway } from '../../platform/src/gateway';

const [role, port, target] = process.argv.slice(2);

const RESERVE = `
  with ticket as (
    update tickets set held = held + 1
    where id = $1 and status <> 'withdrawn' and held + 1 <= quantity and 1 <= available
    returning id, price_cents, currency
  ), placed as (
    insert into orders (id, user_id, ticket_id, status, quantity, expires_at, price_cents, currency, version, total_cents)
    select $2::uuid, $3::uuid, ticket.id, 'created', 1, $4::timestamptz, ticket.price_cents, ticket.currency, 0, ticket.price_cents
    from ticket
    returning id
  )
  insert into outbox (id, subject, envelope)
  select $5::uuid, 'order.created.v1', $6::jsonb from placed`;

async function app(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const server = express();
  server.use(express.json());
  server.post('/api/orders', async (req, res) => {
    const ticketId = String((req.body as { ticketId?: unknown }).ticketId);
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + 900_000);
    try {
      const { rowCount } = await pool.query({
        name: 'bare-reserve',
        text: RESERVE,
        values: [
          ticketId,
          id,
          randomUUID(),
          expiresAt,
          randomUUID(),
          JSON.stringify({ id, ticketId, expiresAt }),
        ],
      });
      if (rowCount === 0) {
        res.status(409).json({ errors: [{ code: 'conflict', message: 'not available' }] });
        return;
      }
      res.status(201).json({ id, ticketId, status: 'created', expiresAt });
    } catch (err) {
      if (process.env.BENCH_DEBUG) console.error(err);
      res.status(500).json({ errors: [{ code: 'internal', message: '' }] });
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
