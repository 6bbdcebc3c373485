import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../logging/logger';

export interface CapturedLogs {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines: Array<Record<string, unknown> & { level: number; msg?: string }>;
}

/** A service logger (the same as createLogger's) that keeps its lines in memory for assertions. */
export function captureLogs(service = 'test', level = 'debug'): CapturedLogs {
  const lines: CapturedLogs['lines'] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(service, level, sink), lines };
}
