import { sql } from 'drizzle-orm';
import { consumer, deadLetters, runDeadLettersCommand, ticketCreated, type EventConsumer } from '../src';
import { busHarnessForThisFile, ticketCreatedData, waitFor } from '../src/testing';

// One message whose handler hits a bug: it alone is dead-lettered, everything after it keeps flowing, and
// once the bug is fixed it replays through the normal path and is applied exactly once.
const MAX_FAILURES = 3;
const ctx = busHarnessForThisFile('poison');
let running: EventConsumer;
let bugFixed = false;
let poisonId = '';
const attempts = new Map<string, number>();

const listing = ticketCreatedData;

const appliedCount = async (id: string) =>
  (await ctx.database.db.execute<{ n: number }>(sql`select count(*)::int as n from replica where id = ${id}`))
    .rows[0]!.n;

beforeAll(async () => {
  await ctx.database.db.execute(sql`create table replica (id uuid, title text)`);
  const definition = consumer(ticketCreated, 'replica', async (tx, ticket) => {
    attempts.set(ticket.id, (attempts.get(ticket.id) ?? 0) + 1);
    if (ticket.id === poisonId && !bugFixed) {
      throw new TypeError("Cannot read properties of undefined (reading 'venue')");
    }
    await tx.execute(sql`insert into replica values (${ticket.id}, ${ticket.title})`);
  });
  running = await ctx.consume(definition, { maxHandlerFailures: MAX_FAILURES });
});

test('when one message’s handler throws a bug, then only it is dead-lettered, later messages flow, and it replays once after the fix', async () => {
  const poison = listing();
  poisonId = poison.id;
  const others = Array.from({ length: 30 }, listing);
  await ctx.bus.publish(ticketCreated, poison);
  for (const ticket of others) await ctx.bus.publish(ticketCreated, ticket);

  for (const ticket of others) await waitFor(async () => (await appliedCount(ticket.id)) === 1);
  await waitFor(async () => (await ctx.database.db.select().from(deadLetters)).length > 0);
  const [letter, ...more] = await ctx.database.db.select().from(deadLetters);
  expect(more).toEqual([]);
  expect(letter).toMatchObject({
    consumer: running.name,
    attempts: MAX_FAILURES,
    reason: expect.stringContaining('TypeError'),
  });
  expect(JSON.parse(letter!.payload)).toMatchObject({ data: { id: poison.id } });
  // The bus counted MAX_FAILURES; a batch the poison was part of adds rolled-back, uncounted tries.
  expect(attempts.get(poison.id)).toBeGreaterThanOrEqual(MAX_FAILURES);
  expect(await appliedCount(poison.id)).toBe(0);

  bugFixed = true;
  const replay = await runDeadLettersCommand(
    ctx.database.db,
    ['replay', String(letter!.id)],
    () => undefined,
  );
  expect(replay).toBe(0);
  await waitFor(async () => (await appliedCount(poison.id)) === 1, { timeoutMs: 20_000 });
  await waitFor(async () => {
    const info = await ctx.bus.jsm.consumers.info(ctx.bus.options.stream, running.name);
    return info.num_pending + info.num_ack_pending === 0;
  });
  expect(await appliedCount(poison.id)).toBe(1);
  for (const ticket of others) expect(await appliedCount(ticket.id)).toBe(1);
  expect(await ctx.database.db.select().from(deadLetters)).toHaveLength(1);
}, 60_000);
