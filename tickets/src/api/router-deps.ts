import type { RequestHandler } from 'express';
import type { Db } from '@ticketing/common';

/** What the tickets and events routers are built with. */
export interface RouterDeps {
  db: Db;
  /** Limits POST / per user: each router gets a budget of its own (app.ts). */
  createLimit: RequestHandler;
}
