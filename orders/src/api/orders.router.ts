import { Router, type RequestHandler } from 'express';
import { requireAuth, userOf, validate, type Db } from '@ticketing/common';
import { cancelOrder } from '../domain/cancel-order';
import { createOrder } from '../domain/create-order';
import { getOrder } from '../domain/get-order';
import { listOrders } from '../domain/list-orders';
import {
  createOrderBody,
  listOrdersQuery,
  orderParams,
  type CreateOrderBody,
  type ListOrdersQuery,
  type OrderParams,
} from './orders.schemas';
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
  router.get('/policy', (_req, res) => {
    res.json({ holdSeconds: ttlSeconds });
  });
  router.use(requireAuth);
  router.use(etickets);

  router.post('/', createLimit, validate({ body: createOrderBody }), async (req, res) => {
    const { ticketId } = req.body as CreateOrderBody;
    const order = await createOrder(db, { ticketId, userId: userOf(req).id, ttlSeconds });
    res.status(201).json(toOrderView(order));
  });

  router.get('/', validate({ query: listOrdersQuery }), async (req, res) => {
    const { limit, cursor, all, ticketId } = req.query as unknown as ListOrdersQuery;
    const page = await listOrders(db, { viewer: userOf(req), all, ticketId, limit, cursor });
    res.json({ items: page.items.map(toOrderView), nextCursor: page.nextCursor });
  });

  router.get('/:id', validate({ params: orderParams }), async (req, res) => {
    const { id } = req.params as OrderParams;
    res.json(toOrderView(await getOrder(db, id, userOf(req))));
  });

  router.delete('/:id', validate({ params: orderParams }), async (req, res) => {
    const { id } = req.params as OrderParams;
    await cancelOrder(db, id, userOf(req).id);
    res.status(204).end();
  });

  return router;
}
