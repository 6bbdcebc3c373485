import QRCode from 'qrcode';
import type { MailAttachment } from '../data/schema';

/** One PNG QR code per e-ticket code, as an inline attachment the HTML shows by its cid. */
export async function qrAttachment(code: string, index: number): Promise<MailAttachment> {
  const png = await QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 440 });
  return {
    filename: `e-ticket-${index + 1}.png`,
    cid: `eticket-${index + 1}@ticketing`,
    contentType: 'image/png',
    contentBase64: png.toString('base64'),
  };
}
