import { Router, type RequestHandler } from 'express';
import { handle, requireAuth, userOf, type Db } from '@ticketing/common';
import { checkIn } from '../domain/check-in';
import type { EticketSigner } from '../domain/eticket-code';
import { EticketsNotIssuedError } from '../domain/errors';
import { getEticket, listMyEtickets, listOrderEtickets } from '../domain/read-etickets';
import { qrPng, qrSvg } from './eticket-qr';
import { toCheckInView, toEticketView } from './eticket-view';
import * as api from './etickets.operations';
import type * as EticketPdf from './eticket-pdf';

export interface EticketsRouterDeps {
  db: Db;
  signer: EticketSigner;
  /** Runs after requireAuth, so it can count per user. */
  checkInLimit: RequestHandler;
}

/** The codes are secrets: no cache between the buyer and us may keep them. */
const PRIVATE = 'private, no-store';

/** Mounted under /api/orders, before the order routes (so "etickets" is never read as an order id). */
export function eticketsRouter({ db, signer, checkInLimit }: EticketsRouterDeps): Router {
  const router = Router();
  handle(router, api.listMyEtickets, requireAuth, async (req, res) => {
    const { limit, cursor } = req.query;
    const page = await listMyEtickets(db, userOf(req), limit, cursor);
    res
      .set('Cache-Control', PRIVATE)
      .json({ items: page.items.map(toEticketView), nextCursor: page.nextCursor });
  });

  // One e-ticket's QR code, in the media type its operation declares.
  const qrCode = (op: typeof api.eticketQrSvg, render: (code: string) => Promise<string | Buffer>) =>
    handle(router, op, requireAuth, async (req, res) => {
      const { eticket } = await getEticket(db, req.params.eticketId, userOf(req));
      res
        .set('Cache-Control', PRIVATE)
        .type(op.responses[200].contentType)
        .send(await render(eticket.code));
    });
  qrCode(api.eticketQrSvg, qrSvg);
  qrCode(api.eticketQrPng, qrPng);

  handle(router, api.checkIn, requireAuth, checkInLimit, async (req, res) => {
    const { code } = req.body;
    res.json(toCheckInView(await checkIn(db, signer, code, userOf(req))));
  });

  handle(router, api.listOrderEtickets, requireAuth, async (req, res) => {
    const { id } = req.params;
    const rows = await listOrderEtickets(db, id, userOf(req));
    res.set('Cache-Control', PRIVATE).json({ items: rows.map(toEticketView) });
  });

  handle(router, api.orderEticketsPdf, requireAuth, async (req, res) => {
    const { id } = req.params;
    const rows = await listOrderEtickets(db, id, userOf(req));
    if (rows.length === 0) throw new EticketsNotIssuedError();
    res.set('Cache-Control', PRIVATE).type('application/pdf').attachment(`etickets-${id}.pdf`);
    // pdf-lib (about 10 MB resident) is loaded on the first PDF asked for, not by every instance at start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (above)
    const { eticketsPdf } = require('./eticket-pdf') as typeof EticketPdf;
    res.send(Buffer.from(await eticketsPdf(rows)));
  });

  return router;
}
