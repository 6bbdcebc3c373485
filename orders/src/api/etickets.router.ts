import { Router, type RequestHandler } from 'express';
import { requireAuth, userOf, validate, type Db } from '@ticketing/common';
import { checkIn } from '../domain/check-in';
import type { EticketSigner } from '../domain/eticket-code';
import { getEticket, listMyEtickets, listOrderEtickets } from '../domain/read-etickets';
import { eticketsPdf } from './eticket-pdf';
import { qrPng, qrSvg } from './eticket-qr';
import { toCheckInView, toEticketView } from './eticket-view';
import {
  checkInBody,
  eticketParams,
  listEticketsQuery,
  type CheckInBody,
  type EticketParams,
  type ListEticketsQuery,
} from './etickets.schemas';
import { EticketsNotIssuedError } from '../domain/errors';
import { orderParams, type OrderParams } from './orders.schemas';

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
  router.use(requireAuth);

  router.get('/etickets', validate({ query: listEticketsQuery }), async (req, res) => {
    const { limit, cursor } = req.query as unknown as ListEticketsQuery;
    const page = await listMyEtickets(db, userOf(req), limit, cursor);
    res
      .set('Cache-Control', PRIVATE)
      .json({ items: page.items.map(toEticketView), nextCursor: page.nextCursor });
  });

  router.get('/etickets/:eticketId/qr.svg', validate({ params: eticketParams }), async (req, res) => {
    const { eticketId } = req.params as EticketParams;
    const { eticket } = await getEticket(db, eticketId, userOf(req));
    res
      .set('Cache-Control', PRIVATE)
      .type('image/svg+xml')
      .send(await qrSvg(eticket.code));
  });

  router.get('/etickets/:eticketId/qr.png', validate({ params: eticketParams }), async (req, res) => {
    const { eticketId } = req.params as EticketParams;
    const { eticket } = await getEticket(db, eticketId, userOf(req));
    res
      .set('Cache-Control', PRIVATE)
      .type('image/png')
      .send(await qrPng(eticket.code));
  });

  router.post('/checkin', checkInLimit, validate({ body: checkInBody }), async (req, res) => {
    const { code } = req.body as CheckInBody;
    res.json(toCheckInView(await checkIn(db, signer, code, userOf(req))));
  });

  router.get('/:id/etickets', validate({ params: orderParams }), async (req, res) => {
    const { id } = req.params as OrderParams;
    const rows = await listOrderEtickets(db, id, userOf(req));
    res.set('Cache-Control', PRIVATE).json({ items: rows.map(toEticketView) });
  });

  router.get('/:id/etickets/pdf', validate({ params: orderParams }), async (req, res) => {
    const { id } = req.params as OrderParams;
    const rows = await listOrderEtickets(db, id, userOf(req));
    if (rows.length === 0) throw new EticketsNotIssuedError();
    res.set('Cache-Control', PRIVATE).type('application/pdf').attachment(`etickets-${id}.pdf`);
    res.send(Buffer.from(await eticketsPdf(rows)));
  });

  return router;
}
