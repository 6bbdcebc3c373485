import { randomUUID } from 'node:crypto';
import { deadLetters, ticketCreated, ticketUpdated, type TicketCreated } from '@ticketing/common';
import { consumerBacklog, eventHandled, forThisFile, waitFor } from '@ticketing/common/testing';
import { onTicketCreated } from '../src/events/ticket-created.consumer';
import { onTicketUpdated } from '../src/events/ticket-updated.consumer';
import { replicaOf, seedTicket, startOrders, ticketData } from './factories';

const service = forThisFile(startOrders);

const update = (ticket: TicketCreated, version: number, changes: Partial<TicketCreated> = {}) => ({
  ...ticket,
  ...changes,
  version,
  orderId: null,
});

/** Every message of the consumer delivered and acknowledged. */
const drained = (consumer: typeof onTicketUpdated | typeof onTicketCreated) =>
  waitFor(async () => {
    const { pending, ackPending } = await consumerBacklog(service.bus, consumer);
    return pending === 0 && ackPending === 0;
  });

describe('ticket replica', () => {
  test('when ticket.created arrives, then the replica holds the ticket at its version', async () => {
    const ticket = await seedTicket(service, { currency: 'GBP' });
    expect(await replicaOf(service, ticket.id)).toMatchObject({
      title: ticket.title,
      status: 'available',
      currency: 'gbp',
      sellerId: ticket.sellerId,
      orderId: null,
      version: 0,
    });
  });

  test('when ticket.created names its event time zone, then the replica keeps it; one without a zone (an older event) is told in UTC', async () => {
    const zoned = await seedTicket(service, { timeZone: 'America/New_York' });
    const older = await seedTicket(service);
    expect(await replicaOf(service, zoned.id)).toMatchObject({ timeZone: 'America/New_York' });
    expect(await replicaOf(service, older.id)).toMatchObject({ timeZone: 'UTC' });
  });

  test('when updates arrive out of order and duplicated, then the end state is the last version, applied once', async () => {
    const ticket = await seedTicket(service);
    const v1 = update(ticket, 1, { title: 'Renamed once', priceCents: 5_000 });
    const v2 = update(ticket, 2, { title: 'Renamed twice', venue: 'Arena', priceCents: 6_000 });

    const second = await service.bus.publish(ticketUpdated, v2);
    const first = await service.bus.publish(ticketUpdated, v1);
    const again = await service.bus.publish(ticketUpdated, v1);
    // The very same envelope once more: JetStream would drop a repeated Nats-Msg-Id, so give it another.
    await service.bus.publishRaw(ticketUpdated.subject, randomUUID(), JSON.stringify(first));
    const recreated = await service.bus.publish(ticketCreated, { ...ticket, title: 'Stale announcement' });

    for (const envelope of [second, first, again]) await eventHandled(service, onTicketUpdated, envelope);
    await eventHandled(service, onTicketCreated, recreated);
    await drained(onTicketUpdated);
    expect(await replicaOf(service, ticket.id)).toMatchObject({
      title: 'Renamed twice',
      venue: 'Arena',
      priceCents: 6_000,
      version: 2,
    });
    expect(await service.database.db.select().from(deadLetters)).toEqual([]);
  });

  test('when an update arrives before its ticket.created, then it is applied once the ticket exists', async () => {
    const ticket = ticketData();
    const orderId = randomUUID();
    await service.bus.publish(ticketUpdated, { ...update(ticket, 1, { status: 'reserved' }), orderId });
    await service.bus.publish(ticketCreated, ticket);

    await waitFor(async () => (await replicaOf(service, ticket.id))?.version === 1);
    expect(await replicaOf(service, ticket.id)).toMatchObject({ status: 'reserved', orderId });
  });

  test('when a burst of listings and their updates arrives, then each ticket ends at its last version, whole', async () => {
    // Published at once, they reach the consumers in batches: each batch is written in one statement.
    const tickets = Array.from({ length: 40 }, () => ticketData());
    await Promise.all(tickets.map((ticket) => service.bus.publish(ticketCreated, ticket)));
    const orderId = randomUUID();
    for (const version of [1, 2, 3]) {
      await Promise.all(
        tickets.map((ticket) =>
          service.bus.publish(ticketUpdated, {
            ...update(ticket, version, { title: `${ticket.title} v${version}`, priceCents: 1_000 + version }),
            status: version === 3 ? 'reserved' : 'available',
            orderId: version === 3 ? orderId : null,
          }),
        ),
      );
    }
    await waitFor(async () =>
      (await Promise.all(tickets.map((t) => replicaOf(service, t.id)))).every((row) => row?.version === 3),
    );
    for (const ticket of tickets) {
      expect(await replicaOf(service, ticket.id)).toMatchObject({
        title: `${ticket.title} v3`,
        priceCents: 1_003,
        status: 'reserved',
        orderId,
        venue: ticket.venue,
        sellerId: ticket.sellerId,
      });
    }
    expect(await service.database.db.select().from(deadLetters)).toEqual([]);
  });
});
