import { trace, type Attributes, type Context, type Link, type SpanKind } from '@opentelemetry/api';
import {
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SamplingResult,
} from '@opentelemetry/sdk-trace';

/** BullMQ's worker traces its own upkeep (the stalled-jobs check, every 30 s) as new traces: noise. */
const UPKEEP = /^(startStalledCheckTimer|moveStalledJobsToWait)\b/;

/**
 * The standard parent-based sampler (a caller's decision is followed; new traces kept at `ratio`), except
 * that a new trace that is only a queue's housekeeping is not recorded, nor is anything under it.
 */
export class ServiceSampler implements Sampler {
  private readonly inner: Sampler;

  constructor(ratio: number) {
    this.inner = new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }

  shouldSample(
    context: Context,
    traceId: string,
    spanName: string,
    spanKind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    if (!trace.getSpan(context) && UPKEEP.test(spanName)) return { decision: SamplingDecision.NOT_RECORD };
    return this.inner.shouldSample(context, traceId, spanName, spanKind, attributes, links);
  }

  toString(): string {
    return `ServiceSampler{${this.inner.toString()}}`;
  }
}
