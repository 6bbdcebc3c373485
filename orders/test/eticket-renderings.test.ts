import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import request from 'supertest';
import { paidOrder } from './eticket-factories';
import { startOrders, type OrdersTestService } from './factories';

let service: OrdersTestService;

beforeAll(async () => {
  service = await startOrders();
});

afterAll(() => service.close());

const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** The text a PDF draws, from its (deflated) content streams; pdf-lib writes standard-font text as hex. */
function pdfText(pdf: Buffer): string {
  const streams = [...pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)];
  return streams
    .map(([, data]) => {
      try {
        return inflateSync(Buffer.from(data!, 'latin1')).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('\n')
    .replace(/<([0-9A-Fa-f]+)>/g, (_, hex: string) => Buffer.from(hex, 'hex').toString('latin1'));
}

test('when the buyer asks for the QR code as PNG, then it decodes to the e-ticket code', async () => {
  const order = await paidOrder(service);
  const [eticket] = order.etickets;
  const res = await request(service.app)
    .get(`/api/orders/etickets/${eticket!.id}/qr.png`)
    .set('Cookie', order.buyer.cookie)
    .buffer(true)
    .parse(binary)
    .expect(200)
    .expect('Content-Type', 'image/png')
    .expect('Cache-Control', 'private, no-store');

  const png = PNG.sync.read(res.body as Buffer);
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe(eticket!.code);
});

test('when the buyer asks for the QR code as SVG, then an SVG image comes back', async () => {
  const order = await paidOrder(service);
  const res = await request(service.app)
    .get(`/api/orders/etickets/${order.etickets[0]!.id}/qr.svg`)
    .set('Cookie', order.buyer.cookie)
    .buffer(true)
    .parse(binary)
    .expect(200)
    .expect('Content-Type', /image\/svg\+xml/);
  expect((res.body as Buffer).toString('utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
});

test('when the buyer downloads the PDF, then it is a PDF with one page showing the event (its local time, zone named), seat and code', async () => {
  const order = await paidOrder(service, {
    eventDate: '2031-03-14T19:00:00.000Z',
    timeZone: 'Europe/Berlin',
  });
  const res = await request(service.app)
    .get(`/api/orders/${order.id}/etickets/pdf`)
    .set('Cookie', order.buyer.cookie)
    .buffer(true)
    .parse(binary)
    .expect(200)
    .expect('Content-Type', 'application/pdf')
    .expect('Content-Disposition', `attachment; filename=etickets-${order.id}.pdf`);

  const pdf = res.body as Buffer;
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  const text = pdfText(pdf);
  expect(text).toContain(order.etickets[0]!.code);
  expect(text).toContain(order.ticket.title);
  expect(text).toContain('General admission');
  expect(text).toContain('Friday, 14 March 2031 at 20:00 CET (Europe/Berlin)');
});
