import { isNull } from 'drizzle-orm';
import { outbox, outboxTable, ticketCreated } from '../src';
import { busHarnessForThisFile, ticketCreatedData, waitFor } from '../src/testing';

const ctx = busHarnessForThisFile('outbox', { relay: { pollIntervalMs: 60_000 }, record: true });
const ticket = ticketCreatedData;
const everyRowSent = async () =>
  (await ctx.database.db.select().from(outboxTable).where(isNull(outboxTable.sentAt))).length === 0;

test('when a transaction commits, then its events are published in order with the envelope id as Nats-Msg-Id', async () => {
  const data = [ticket(), ticket(), ticket()];
  const ids = await ctx.database.db.transaction(async (tx) => {
    const envelopes = [];
    for (const d of data) envelopes.push(await outbox.add(tx, ticketCreated, d));
    return envelopes.map((e) => e.id);
  });
  // The relay polls once a minute here: only NOTIFY can wake it this fast.
  await waitFor(() => ctx.recorder.of(ticketCreated).length >= 3, { timeoutMs: 5_000 });
  expect(ctx.recorder.of(ticketCreated).map((e) => e.id)).toEqual(ids);
  expect(ctx.recorder.of(ticketCreated).map((e) => e.data.id)).toEqual(data.map((d) => d.id));
  const stored = await ctx.bus.jsm.streams.getMessage(ctx.bus.options.stream, {
    last_by_subj: ctx.bus.subject(ticketCreated.subject),
  });
  expect(stored?.header.get('Nats-Msg-Id')).toBe(ids[2]);
  await waitFor(everyRowSent);
});

test('when a transaction rolls back, then its event is never published', async () => {
  const doomed = ticket();
  await ctx.rollBack(ticketCreated, doomed);
  const marker = ticket();
  await ctx.database.db.transaction((tx) => outbox.add(tx, ticketCreated, marker));
  await waitFor(() => ctx.recorder.of(ticketCreated).some((e) => e.data.id === marker.id));
  expect(ctx.recorder.of(ticketCreated).some((e) => e.data.id === doomed.id)).toBe(false);
  expect(await ctx.database.db.select().from(outboxTable)).not.toContainEqual(
    expect.objectContaining({
      envelope: expect.objectContaining({ data: expect.objectContaining({ id: doomed.id }) }),
    }),
  );
});

test('when data breaks its contract, then outbox.add refuses it before anything is written', async () => {
  await expect(
    ctx.database.db.transaction((tx) => outbox.add(tx, ticketCreated, { ...ticket(), priceCents: -5 })),
  ).rejects.toThrow();
});

test('when the stream has been deleted, then the relay recreates it and publishes what waits', async () => {
  await ctx.bus.jsm.streams.delete(ctx.bus.options.stream);
  const data = ticket();
  await ctx.database.db.transaction((tx) => outbox.add(tx, ticketCreated, data));
  await waitFor(everyRowSent);
  const stored = await ctx.bus.jsm.streams.getMessage(ctx.bus.options.stream, {
    last_by_subj: ctx.bus.subject(ticketCreated.subject),
  });
  expect(stored?.json<{ data: { id: string } }>().data.id).toBe(data.id);
});
