import { sql } from 'drizzle-orm';
import {
  consumerFailures,
  deadLetters,
  durableName,
  ticketCreated,
  ticketUpdated,
  type TicketCreated,
} from '@ticketing/common';
import { bringDatabaseBack, consumerBacklog, takeDatabaseAway, waitFor } from '@ticketing/common/testing';
import { onTicketCreated } from '../src/events/ticket-created.consumer';
import { onTicketUpdated } from '../src/events/ticket-updated.consumer';
import { replicaOf, seedTicket, startOrders, ticketData, type OrdersTestService } from './factories';

// The issue this proves: an outage longer than JetStream's redelivery budget used to dead-letter every event
// that arrived during it. Orders' own database is made unavailable for 90 s as an operator would see it.
const OUTAGE_MS = 90_000;
let service: OrdersTestService;
let databaseName: string;

beforeAll(async () => {
  service = await startOrders();
  databaseName = new URL(service.env.DATABASE_URL!).pathname.slice(1);
});

afterAll(async () => {
  await bringDatabaseBack(databaseName);
  await service.close();
});

test('when orders’ database is away for 90 s while events arrive, then afterwards each is applied exactly once and none is dead-lettered', async () => {
  const before = await seedTicket(service);
  const outageEnds = Date.now() + OUTAGE_MS;
  await takeDatabaseAway(databaseName);

  // Events keep arriving through the outage: at its start, in its middle and just before its end; some
  // updates before their ticket.created, so they also wait for their predecessor once it is back.
  const arrived: TicketCreated[] = [];
  const arrive = async () => {
    for (let i = 0; i < 5; i++) {
      const ticket = ticketData();
      const renamed = { ...ticket, version: 1, title: `${ticket.title} (renamed)`, orderId: null };
      if (i % 2 === 0) await service.bus.publish(ticketUpdated, renamed);
      await service.bus.publish(ticketCreated, ticket);
      if (i % 2 === 1) await service.bus.publish(ticketUpdated, renamed);
      arrived.push(ticket);
    }
  };
  await arrive();
  for (const at of [OUTAGE_MS / 2, OUTAGE_MS - 5_000]) {
    await waitFor(() => Date.now() >= outageEnds - OUTAGE_MS + at, { timeoutMs: OUTAGE_MS, intervalMs: 250 });
    await arrive();
  }
  await waitFor(() => Date.now() >= outageEnds, { timeoutMs: OUTAGE_MS, intervalMs: 250 });
  // Paused, not spinning: what arrived late in the outage was never even pulled.
  expect((await consumerBacklog(service.bus, onTicketCreated)).pending).toBeGreaterThanOrEqual(5);
  await bringDatabaseBack(databaseName);

  for (const ticket of arrived) {
    await waitFor(async () => (await replicaOf(service, ticket.id))?.version === 1, { timeoutMs: 60_000 });
  }
  expect(await replicaOf(service, before.id)).toMatchObject({ version: 0 });
  const { db } = service.database;
  const processed = await db.execute<{ consumer: string; n: number }>(
    sql`select consumer, count(*)::int as n from processed_events group by consumer order by consumer`,
  );
  expect(processed.rows).toEqual([
    { consumer: durableName(onTicketCreated), n: arrived.length + 1 },
    { consumer: durableName(onTicketUpdated), n: arrived.length },
  ]);
  expect(await db.select().from(deadLetters)).toEqual([]);
  expect(await db.select().from(consumerFailures)).toEqual([]);
}, 240_000);
