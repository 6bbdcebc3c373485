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
function page(heading: string, content: string): string {
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

const button = (href: string, label: string): string =>
  `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 16px;background:#0a58ca;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>`;

/** The listing as every mail describes it. */
export interface TicketFacts {
  title: string;
  venue: string;
  eventDate: Date;
  /** The event's IANA time zone: its start is told there, named. */
  timeZone: string;
}

const describeTicketHtml = (t: TicketFacts): string =>
  `<strong>${escapeHtml(t.title)}</strong><br>${escapeHtml(t.venue)}<br>${escapeHtml(formatEventTime(t.eventDate, t.timeZone))}`;

const describeTicketText = (t: TicketFacts): string =>
  `${oneLine(t.title)}\n${oneLine(t.venue)}\n${formatEventTime(t.eventDate, t.timeZone)}`;

/**
 * One part of a mail's body, as the HTML body and the text body say it: each template lists its parts
 * once, so the two bodies cannot drift apart. A side left out is absent from that body.
 */
export interface Block {
  html?: string;
  text?: string;
}

/** A mail from its parts: in HTML framed by `page`, in text one part a line. */
export const mail = (subject: string, heading: string, body: Block[]): RenderedMail => ({
  subject,
  html: page(heading, body.flatMap((block) => block.html ?? []).join('\n')),
  text: body.flatMap((block) => block.text ?? []).join('\n'),
});

/** A sentence: a paragraph in HTML (escaped), a line in text. */
export const sentence = (text: string): Block => ({ html: paragraph(escapeHtml(text)), text });

/** "Hello <name>, …" to the recipient; `rest` is a sentence, or already both markup and text. */
export function greeting(name: string, rest: string | Required<Block>): Block {
  const { html, text } = typeof rest === 'string' ? { html: escapeHtml(rest), text: rest } : rest;
  return { html: paragraph(`Hello ${escapeHtml(name)}, ${html}`), text: `Hello ${oneLine(name)}, ${text}` };
}

/** The listing as every mail describes it; in text set apart by a blank line either side. */
export const listing = (ticket: TicketFacts): Block => ({
  html: paragraph(describeTicketHtml(ticket)),
  text: `\n${describeTicketText(ticket)}\n`,
});

/** What the mail asks the reader to do: a button in HTML, `label: address` in text. */
export const action = (href: string, label: string): Block => ({
  html: button(href, label),
  text: `${label}: ${href}`,
});

/** A plain link in a paragraph of its own, `label: address` in text. */
export const link = (href: string, label: string): Block => ({
  html: paragraph(`<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`),
  text: `${label}: ${href}`,
});

/** A blank line in the text body, between parts that HTML spaces apart anyway. */
export const blankLine: Block = { text: '' };
