import { formatEventTime } from '@ticketing/common';

/** What every template renders to: a subject, an HTML body and a plain-text body saying the same. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value that comes from a user (titles, venues, names) goes through this before it meets HTML. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Subjects and text bodies are not HTML, but a line break in a title must not forge a header or a line. */
export const oneLine = (value: string): string => value.replace(/[\r\n\t]+/g, ' ').trim();

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'full',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** A moment of the site's own (a link's expiry), in UTC, named. */
export const formatDate = (date: Date): string => `${dateTime.format(date)} UTC`;

export const formatMoney = (cents: number, currency: string): string =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);

/** The HTML frame: inline styles only (mail clients drop style sheets); `content` is already escaped. */
export function page(heading: string, content: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f7;font-family:Helvetica,Arial,sans-serif;color:#1d1d1f">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>
${content}
<p style="margin-top:32px;font-size:12px;color:#6e6e73">Ticketing — this mail was sent because of activity on your account.</p>
</div></body></html>`;
}

export const paragraph = (html: string): string => `<p style="line-height:1.5">${html}</p>`;

export const button = (href: string, label: string): string =>
  `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 16px;background:#0a58ca;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>`;

/** The listing as every mail describes it. */
export interface TicketFacts {
  title: string;
  venue: string;
  eventDate: Date;
  /** The event's IANA time zone: its start is told there, named. */
  timeZone: string;
}

export const describeTicketHtml = (t: TicketFacts): string =>
  `<strong>${escapeHtml(t.title)}</strong><br>${escapeHtml(t.venue)}<br>${escapeHtml(formatEventTime(t.eventDate, t.timeZone))}`;

export const describeTicketText = (t: TicketFacts): string =>
  `${oneLine(t.title)}\n${oneLine(t.venue)}\n${formatEventTime(t.eventDate, t.timeZone)}`;
