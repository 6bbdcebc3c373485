export { currentTraceContext, type TraceCarrier } from './bus-context';
export { entryPointService, tracingConfig, tracingSettings, type TracingSettings } from './settings';
export { flushTracing, startTracing, stopTracing, tracingStatus } from './tracing';
