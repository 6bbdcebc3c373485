import { Router, type RequestHandler } from 'express';
import { handle, mountOperations, requireAuth, userOf, type Db, type FeeRates } from '@ticketing/common';
import { cancelOrder } from '../domain/cancel-order';
import { cancelPaidOrder } from '../domain/cancel-paid-order';
import { createOrder } from '../domain/create-order';
import { getOrder } from '../domain/get-order';
import { listOrders } from '../domain/list-orders';
import * as api from './orders.operations';
import { toOrderView } from './order-view';

export interface OrdersRouterDeps {
  db: Db;
  /** The e-ticket routes, mounted before `/:id` so their paths are never read as an order id. */
  etickets: Router;
  ttlSeconds: number;
  /** The platform's fees, fixed on each order when it is placed. */
  feeRates: FeeRates;
  /** Runs after requireAuth, so it can count per user. */
  createLimit: RequestHandler;
}

export function ordersRouter({ db, etickets, ttlSeconds, feeRates, createLimit }: OrdersRouterDeps): Router {
  const router = Router();
  // Public: how long an order holds its ticket and what the fees are, so a buyer is told before they buy.
  handle(router, api.orderPolicy, (_req, res) => {
    res.json({ holdSeconds: ttlSeconds, ...feeRates });
  });
  router.use(requireAuth);
  mountOperations(router, etickets);

  handle(router, api.createOrder, createLimit, async (req, res) => {
    const { ticketId, quantity } = req.body;
    const order = await createOrder(db, { ticketId, quantity, userId: userOf(req).id, ttlSeconds, feeRates });
    res.status(201).json(toOrderView(order));
  });

  handle(router, api.listOrders, async (req, res) => {
    const { limit, cursor, all, ticketId } = req.query;
    const page = await listOrders(db, { viewer: userOf(req), all, ticketId, limit, cursor });
    res.json({ items: page.items.map(toOrderView), nextCursor: page.nextCursor });
  });

  handle(router, api.getOrder, async (req, res) => {
    res.json(toOrderView(await getOrder(db, req.params.id, userOf(req))));
  });

  handle(router, api.cancelPaidOrder, async (req, res) => {
    res.json(toOrderView(await cancelPaidOrder(db, req.params.id, userOf(req))));
  });

  handle(router, api.cancelOrder, async (req, res) => {
    await cancelOrder(db, req.params.id, userOf(req).id);
    res.status(204).end();
  });

  return router;
}
