import QRCode from 'qrcode';

/** Medium error correction: still scans from a scuffed print-out or a cracked phone screen. */
const options = { errorCorrectionLevel: 'M', margin: 2 } as const;

export const qrSvg = (code: string): Promise<string> => QRCode.toString(code, { ...options, type: 'svg' });

export const qrPng = (code: string, width = 480): Promise<Buffer> =>
  QRCode.toBuffer(code, { ...options, type: 'png', width });
