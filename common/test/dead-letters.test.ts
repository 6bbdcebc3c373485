import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  consumer,
  deadLetters,
  runDeadLettersCommand,
  ticketUpdated,
  type EventConsumer,
  type TicketUpdated,
} from '../src';
import { busHarnessForThisFile, ticketUpdatedData, waitFor } from '../src/testing';

const ctx = busHarnessForThisFile('dead_letters');
const consumers: EventConsumer[] = [];
let broken = true;

const update = () => ticketUpdatedData({ version: 1 });

/** Each consumer's effect is a row per (consumer, ticket): applying twice would show as two rows. */
const applied = async (who: string, ticketId: string) =>
  (
    await ctx.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from applied where consumer = ${who} and ticket_id = ${ticketId}`,
    )
  ).rows[0]!.n;

const letters = () => ctx.database.db.select().from(deadLetters).orderBy(deadLetters.id);

async function command(...args: string[]) {
  const out: string[] = [];
  const code = await runDeadLettersCommand(ctx.database.db, args, (text) => out.push(text), 'operator');
  return { code, out: out.join('\n') };
}

beforeAll(async () => {
  await ctx.database.db.execute(sql`create table applied (consumer text, ticket_id uuid)`);
  const record =
    (who: string) => async (tx: Parameters<Parameters<typeof consumer>[2]>[0], data: TicketUpdated) => {
      await tx.execute(sql`insert into applied values (${who}, ${data.id})`);
    };
  const buggy = consumer(ticketUpdated, 'buggy', async (tx, data) => {
    if (broken) throw new Error('TypeError: a bug in the handler');
    await record('buggy')(tx, data);
  });
  const healthy = consumer(ticketUpdated, 'healthy', record('healthy'));
  for (const definition of [buggy, healthy]) {
    consumers.push(await ctx.consume(definition, { maxHandlerFailures: 2 }));
  }
});

test('when a handler bug dead-letters events, then after the fix each replays once, is recorded, and never twice', async () => {
  const [first, second] = [update(), update()];
  for (const data of [first, second]) await ctx.bus.publish(ticketUpdated, data);
  await waitFor(async () => (await letters()).length === 2, { timeoutMs: 30_000 });
  const listed = await command('list');
  expect(listed.code).toBe(0);
  expect(listed.out).toMatch(/buggy_ticket_updated_v1.*attempts 2.*open.*a bug in the handler/);
  // Two aggregates: their letters may be written in either order.
  const letterOf = (id: string) =>
    letters().then((all) =>
      all.find((l) => (JSON.parse(l.payload) as { data: { id: string } }).data.id === id)!,
    );
  const [a, b] = [await letterOf(first.id), await letterOf(second.id)];
  const shown = await command('show', String(a!.id));
  expect(JSON.parse(shown.out)).toMatchObject({ id: a!.id, payload: { data: { id: first.id } } });

  broken = false; // the fix is deployed
  expect(await command('replay', String(a!.id), '--by', 'alice')).toMatchObject({ code: 0 });
  await waitFor(async () => (await applied('buggy', first.id)) === 1, { timeoutMs: 20_000 });
  expect(await command('replay', String(a!.id))).toMatchObject({
    code: 1,
    out: expect.stringMatching(/already/),
  });
  expect(await command('replay', '--all')).toMatchObject({ code: 0, out: 'Replayed 1 of 1 dead letters.' });
  await waitFor(async () => (await applied('buggy', second.id)) === 1, { timeoutMs: 20_000 });

  // Everything delivered and acknowledged everywhere: the healthy consumer saw the replays as duplicates.
  await waitFor(async () => {
    const infos = await Promise.all(
      consumers.map((c) => ctx.bus.jsm.consumers.info(ctx.bus.options.stream, c.name)),
    );
    return infos.every((i) => i.num_pending + i.num_ack_pending === 0);
  });
  for (const data of [first, second]) {
    expect(await applied('buggy', data.id)).toBe(1);
    expect(await applied('healthy', data.id)).toBe(1);
  }
  expect(await letterOf(first.id)).toEqual(
    expect.objectContaining({
      id: a!.id,
      replayedBy: 'alice',
      replayedAt: expect.any(Date),
      discardedAt: null,
    }),
  );
  expect(await letterOf(second.id)).toEqual(
    expect.objectContaining({ id: b!.id, replayedBy: 'operator', replayedAt: expect.any(Date) }),
  );
  expect(await letters()).toHaveLength(2);
  expect(await command('list')).toEqual({ code: 0, out: 'No dead letters.' });
}, 60_000);

test('when a dead letter is not an event, then replay refuses it and discard records who closed it', async () => {
  await ctx.bus.publishRaw(ticketUpdated.subject, randomUUID(), 'not json at all');
  await waitFor(async () => (await letters()).some((l) => l.reason.includes('not JSON') && !l.discardedAt));
  const letter = (await letters()).find((l) => l.reason.includes('not JSON') && !l.discardedAt)!;
  expect(await command('replay', String(letter.id))).toMatchObject({
    code: 1,
    out: expect.stringMatching(/discard it/),
  });
  expect(await command('discard', String(letter.id), '--by', 'bob')).toMatchObject({ code: 0 });
  expect(await command('discard', String(letter.id))).toMatchObject({ code: 1 });
  expect((await letters()).find((l) => l.id === letter.id)).toMatchObject({
    discardedBy: 'bob',
    replayedAt: null,
  });
  expect(await command('show', '999999')).toEqual({ code: 1, out: 'No dead letter 999999.' });
  expect((await command('frobnicate')).code).toBe(2);
});
