import { prettyFactory } from 'pino-pretty';

/** The runner's terminal: its own status lines and every component's log lines, prefixed. */
const tty = process.stdout.isTTY === true;
const PALETTE = [36, 33, 35, 32, 34, 96, 93, 95, 92];
const colours = new Map<string, number>();

const paint = (code: number, text: string) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);

export function say(line: string): void {
  process.stdout.write(`${paint(1, '[platform]')} ${line}\n`);
}

export const tick = (text: string) => `${paint(32, '✓')} ${text}`;
export const cross = (text: string) => `${paint(31, '✗')} ${text}`;

function colourOf(name: string): number {
  if (!colours.has(name)) colours.set(name, PALETTE[colours.size % PALETTE.length]!);
  return colours.get(name)!;
}

interface RequestLog {
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/**
 * A pino line (every service's and the emulator's) made readable by pino-pretty on one line: level,
 * message, the request summary of pino-http and the fields left; the prefix already names the process.
 */
const pretty = prettyFactory({
  colorize: tty,
  singleLine: true,
  ignore: 'time,pid,hostname,service,name,req,res,responseTime,reqId',
  messageFormat: (log, messageKey) => {
    const { req, res, responseTime } = log as RequestLog;
    const message = String(log[messageKey] ?? '');
    if (!req?.method) return message;
    return `${message}  ${req.method} ${req.url ?? ''} → ${res?.statusCode ?? '?'} ${responseTime ?? '?'}ms`;
  },
});

/** A JSON log line made readable; anything that is not JSON is shown as it is. */
export function formatLine(raw: string): string {
  if (!raw.startsWith('{')) return raw;
  return pretty(raw).trimEnd();
}

export function componentLine(name: string, raw: string, width: number): void {
  const prefix = paint(colourOf(name), `[${name}]`.padEnd(width + 2));
  process.stdout.write(`${prefix} ${formatLine(raw)}\n`);
}

// A closed terminal or pipe (`npm run dev | head`) must not crash the runner and orphan its children.
process.stdout.on('error', () => undefined);
