import { formatEventTime } from '@ticketing/common';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import type { EticketWithEvent } from '../data/etickets.repository';
import { qrPng } from './eticket-qr';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const QR_SIZE = 260;

/** The standard PDF fonts cover Latin-1 only: any other character is shown as "?" rather than failing. */
const printable = (font: PDFFont, text: string) => {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((ch) => (supported.has(ch.codePointAt(0)!) ? ch : '?')).join('');
};

/** Titles and venues run to 120 characters: broken into lines that fit the page, at word boundaries. */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  return [...lines, current];
}

/** One A4 page per e-ticket: the event, the seat, the QR code and its code in text for manual entry. */
export async function eticketsPdf(rows: EticketWithEvent[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('E-tickets');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  for (const { eticket, ticket } of rows) {
    const page = pdf.addPage(A4);
    let y = A4[1] - MARGIN;
    const line = (text: string, font: PDFFont, size: number, gap = 10) => {
      for (const part of wrap(font, printable(font, text), size, A4[0] - 2 * MARGIN)) {
        y -= size;
        page.drawText(part, { x: MARGIN, y, size, font, color: rgb(0.1, 0.1, 0.1) });
        y -= gap;
      }
    };
    line(ticket.title, bold, 24, 14);
    line(ticket.venue, regular, 14);
    line(formatEventTime(ticket.eventDate, ticket.timeZone), regular, 14);
    line(`Seat: ${eticket.seat ?? 'General admission'}`, regular, 14, 24);
    const qr = await pdf.embedPng(await qrPng(eticket.code));
    y -= QR_SIZE;
    page.drawImage(qr, { x: MARGIN, y, width: QR_SIZE, height: QR_SIZE });
    y -= 20;
    line('Code', bold, 11, 6);
    line(eticket.code, mono, 11, 20);
    line('Show this code at the entrance. It admits one person once.', regular, 10);
  }
  return pdf.save();
}
