import { Router, type RequestHandler } from 'express';
import { handle, mountOperations, requireAuth, userOf, type Db } from '@ticketing/common';
import { cancelOrder } from '../domain/cancel-order';
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
  /** Runs after requireAuth, so it can count per user. */
  createLimit: RequestHandler;
}

export function ordersRouter({ db, etickets, ttlSeconds, createLimit }: OrdersRouterDeps): Router {
  const router = Router();
  // Public: how long an order holds its ticket, so a buyer is told before they buy.
  handle(router, api.orderPolicy, (_req, res) => {
    res.json({ holdSeconds: ttlSeconds });
  });
  router.use(requireAuth);
  mountOperations(router, etickets);

  handle(router, api.createOrder, createLimit, async (req, res) => {
    const { ticketId, quantity } = req.body;
    const order = await createOrder(db, { ticketId, quantity, userId: userOf(req).id, ttlSeconds });
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

  handle(router, api.cancelOrder, async (req, res) => {
    await cancelOrder(db, req.params.id, userOf(req).id);
    res.status(204).end();
  });

  return router;
}
