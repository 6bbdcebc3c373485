/** What an event's time is told in when its zone is not known (events from before zones travelled). */
export const DEFAULT_EVENT_TIME_ZONE = 'UTC';

/**
 * An event happens somewhere: its start in the event's own time zone, named, the same for every reader
 * ("Sunday, 14 March 2027 at 20:00 CET (Europe/Berlin)"). For documents and mails (en-GB); the web client
 * formats in the reader's language.
 */
export function formatEventTime(date: Date, timeZone = DEFAULT_EVENT_TIME_ZONE): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
  // "… UTC (UTC)" says nothing twice.
  return text.endsWith(` ${timeZone}`) ? text : `${text} (${timeZone})`;
}
