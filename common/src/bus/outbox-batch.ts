/** The relay's batch pipeline: read the unsent rows, publish them in key order, mark them sent. */
import type { Pool, PoolClient } from 'pg';
import { contracts } from '../events';
import type { Contract } from '../events/contract';
import type { RelayMetrics } from '../metrics/bus-metrics';
import { publishTraced, type TraceCarrier } from '../tracing/bus-context';
import type { PipelinedPublisher } from './pipelined-publisher';

/** An unsent outbox row as the relay needs it: the envelope stays the text it will be sent as. */
export interface OutboxRow {
  seq: number;
  id: string;
  subject: string;
  payload: string;
  /** W3C trace context of the span that wrote the row. */
  traceContext: TraceCarrier | null;
}

const contractBySubject = new Map<string, Contract>(Object.values(contracts).map((c) => [c.subject, c]));

/** The aggregate an event belongs to; a subject without a known contract is ordered as one aggregate. */
export function orderingKey(row: OutboxRow): string {
  const contract = contractBySubject.get(row.subject);
  if (!contract) return row.subject;
  return contract.key((JSON.parse(row.payload) as { data: unknown }).data);
}

/**
 * The oldest unsent rows, leaving out those being published right now. Read in one snapshot: a row of an
 * aggregate can only have committed after that aggregate's earlier rows, so the earlier ones are either
 * in this snapshot, in flight, or sent.
 */
export async function fetchUnsent(
  connection: Pool | PoolClient,
  limit: number,
  inFlight: number[],
): Promise<OutboxRow[]> {
  const { rows } = await connection.query<{
    seq: string;
    id: string;
    subject: string;
    payload: string;
    trace_context: TraceCarrier | null;
  }>({
    name: 'outbox_fetch_unsent',
    text: `select seq, id, subject, envelope::text as payload, trace_context from outbox
           where sent_at is null and seq <> all($1::bigint[]) order by seq limit $2`,
    values: [inFlight, limit],
  });
  return rows.map((r) => ({
    seq: Number(r.seq),
    id: r.id,
    subject: r.subject,
    payload: r.payload,
    traceContext: r.trace_context,
  }));
}

export async function markSent(connection: Pool | PoolClient, seqs: number[]): Promise<void> {
  if (seqs.length === 0) return;
  await connection.query({
    name: 'outbox_mark_sent',
    text: 'update outbox set sent_at = now() where seq = any($1::bigint[])',
    values: [seqs],
  });
}

export interface PublishOutcome {
  /** Rows JetStream acknowledged (stored, or recognised as a duplicate). */
  published: number[];
  /** The first publish failure; the rows after it in its aggregate were not attempted. */
  error?: unknown;
}

/**
 * Publishes a batch with every aggregate's rows in a chain of their own: one row of an aggregate goes out
 * after the previous one is acknowledged, while all the chains are in flight at once. A failed publish
 * stops its chain (so no later event of that aggregate overtakes it) and the chains not yet done.
 */
export async function publishInKeyOrder(
  publisher: PipelinedPublisher,
  rows: OutboxRow[],
): Promise<PublishOutcome> {
  const chains = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = orderingKey(row);
    const chain = chains.get(key);
    if (chain) chain.push(row);
    else chains.set(key, [row]);
  }
  const outcome: PublishOutcome = { published: [] };
  let failed = false;
  const runChain = async (chain: OutboxRow[]) => {
    for (const row of chain) {
      if (failed) return;
      try {
        await publishTraced(row.subject, row.id, row.traceContext, (headers) =>
          publisher.publish(row.subject, row.id, row.payload, headers),
        );
      } catch (err) {
        if (!failed) outcome.error = err;
        failed = true;
        return;
      }
      outcome.published.push(row.seq);
    }
  };
  await Promise.all(Array.from(chains.values(), runChain));
  return outcome;
}

/**
 * Publishes batches until none is left. While a batch is in flight, the next one is read and the one
 * before is marked sent; a batch is published only after the previous one settled, so an aggregate's
 * rows never overtake each other. A read leaves out the rows in flight or being marked.
 * Reads and marks go over the leader's own listener connection (queued there in the order issued): on
 * the pool they waited behind the service's request traffic, which delayed every event by that queue.
 */
export async function drainOutbox(
  connection: PoolClient,
  publisher: PipelinedPublisher,
  batchSize: number,
  metrics: RelayMetrics,
): Promise<void> {
  let marking: { seqs: number[]; done: Promise<void> } = { seqs: [], done: Promise.resolve() };
  let batch = await fetchUnsent(connection, batchSize, []);
  try {
    while (batch.length > 0) {
      const next = fetchUnsent(connection, batchSize, [...marking.seqs, ...batch.map((row) => row.seq)]);
      next.catch(() => undefined); // awaited below unless this batch failed
      const { published, error } = await publishInKeyOrder(publisher, batch);
      metrics.batch(published.length, error !== undefined);
      await marking.done;
      marking = { seqs: published, done: markSent(connection, published) };
      marking.done.catch(() => undefined); // awaited with the next batch or below
      if (error) throw error;
      batch = await next;
    }
  } finally {
    await marking.done;
  }
}
