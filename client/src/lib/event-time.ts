import { dateTimeOptions } from '@/lib/format';

/**
 * An event happens somewhere: its time is told in its own time zone, the same for every reader, named
 * ("Sat, Mar 14, 2027, 8:00 PM GMT+1 (Europe/Berlin)").
 */
export function formatEventTime(iso: string, timeZone: string, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    ...dateTimeOptions,
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
  // "… UTC (UTC)" says nothing twice.
  return text.endsWith(` ${timeZone}`) ? text : `${text} (${timeZone})`;
}

/** What `timeZone`'s clocks read at `at`, as if it were UTC: the zone's offset is the difference. */
function wallClockAsUtc(timeZone: string, at: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/**
 * "2027-03-14T20:00" on the clocks of `timeZone` → the instant, or null when the text is not a date-time
 * or the zone is unknown. Two passes settle the offset on either side of a daylight-saving change.
 */
export function zonedInstant(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  if (Number.isNaN(wall)) return null;
  try {
    let instant = wall - (wallClockAsUtc(timeZone, wall) - wall);
    instant = wall - (wallClockAsUtc(timeZone, instant) - instant);
    return new Date(instant);
  } catch {
    return null;
  }
}

/** Every IANA zone the browser knows, for the event form's select. */
export const timeZones = (): string[] => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
};
