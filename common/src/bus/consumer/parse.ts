import type { JsMsg } from '@nats-io/jetstream';
import type { ZodError } from 'zod';
import { envelopeSchema, type Contract, type Envelope, type EventData } from '../../events/contract';
import { keepTraceHeaders } from '../../tracing/bus-context';

export type Parsed<C extends Contract> =
  { ok: true; envelope: Envelope<EventData<C>> } | { ok: false; reason: string };

/** The message as its contract's envelope, or why it can never be one (it goes to dead letters). */
export function parseMessage<C extends Contract>(message: JsMsg, contract: C): Parsed<C> {
  let json: unknown;
  try {
    json = message.json();
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: `envelope: ${summarize(envelope.error)}` };
  if (envelope.data.subject !== contract.subject) {
    return { ok: false, reason: `subject ${envelope.data.subject} does not match ${contract.subject}` };
  }
  const data = contract.schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: `data: ${summarize(data.error)}` };
  const parsed = { ...envelope.data, data: data.data as EventData<C> };
  return { ok: true, envelope: keepTraceHeaders(parsed, message.headers) };
}

function summarize(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
