/** The runner's terminal: its own status lines and every component's log lines, prefixed. */
const tty = process.stdout.isTTY === true;
const PALETTE = [36, 33, 35, 32, 34, 96, 93, 95, 92];
const colours = new Map<string, number>();

const paint = (code: number, text: string) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
const PINO_LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const HIDDEN = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'service',
  'name',
  'msg',
  'req',
  'res',
  'responseTime',
  'reqId',
]);

export function say(line: string): void {
  process.stdout.write(`${paint(1, '[platform]')} ${line}\n`);
}

export const tick = (text: string) => `${paint(32, '✓')} ${text}`;
export const cross = (text: string) => `${paint(31, '✗')} ${text}`;

function colourOf(name: string): number {
  if (!colours.has(name)) colours.set(name, PALETTE[colours.size % PALETTE.length]!);
  return colours.get(name)!;
}

/**
 * A JSON log line (pino's or the emulator's) made readable: level, message, the request summary and the
 * few fields left; anything that is not JSON is shown as it is.
 */
export function formatLine(raw: string): string {
  if (!raw.startsWith('{')) return raw;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return raw;
  }
  const level =
    typeof entry.level === 'number'
      ? (PINO_LEVELS[entry.level] ?? String(entry.level))
      : String(entry.level ?? 'info').toUpperCase();
  const parts = [level.padEnd(5), String(entry.msg ?? '')];
  const req = entry.req as { method?: string; url?: string } | undefined;
  const res = entry.res as { statusCode?: number } | undefined;
  if (req?.method)
    parts.push(`${req.method} ${req.url ?? ''} → ${res?.statusCode ?? '?'} ${entry.responseTime ?? '?'}ms`);
  const err = entry.err as { message?: string; stack?: string } | undefined;
  const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => !HIDDEN.has(key) && key !== 'err'));
  if (Object.keys(rest).length > 0) parts.push(JSON.stringify(rest).slice(0, 300));
  if (err) parts.push(`\n${err.stack ?? err.message ?? ''}`);
  const text = parts.filter(Boolean).join('  ');
  return level === 'ERROR' || level === 'FATAL' ? paint(31, text) : level === 'WARN' ? paint(33, text) : text;
}

export function componentLine(name: string, raw: string, width: number): void {
  const prefix = paint(colourOf(name), `[${name}]`.padEnd(width + 2));
  process.stdout.write(`${prefix} ${formatLine(raw)}\n`);
}

// A closed terminal or pipe (`npm run dev | head`) must not crash the runner and orphan its children.
process.stdout.on('error', () => undefined);
