import { handle, requireRole, userOf } from '@ticketing/common';
import type { Router } from 'express';
import type { UserRow } from '../data/schema';
import type { AuthDeps } from '../domain/auth-deps';
import { listUsers, lockAccount, unlockAccount } from '../domain/lock-account';
import * as api from './admin.operations';

const toAdminUserView = (user: UserRow) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  emailVerified: user.emailVerifiedAt !== null,
  locked: user.lockedAt !== null,
  createdAt: user.createdAt.toISOString(),
});

/** Users for the admin console: list, lock, unlock (on the users router, so its document has them). */
export function adminRoutes(router: Router, deps: AuthDeps): void {
  const admin = requireRole('admin');

  handle(router, api.listUsers, admin, async (req, res) => {
    const page = await listUsers(deps, req.query.limit, req.query.cursor);
    res.json({ ...page, items: page.items.map(toAdminUserView) });
  });

  handle(router, api.lockUser, admin, async (req, res) => {
    res.json(toAdminUserView(await lockAccount(deps, req.params.id, userOf(req).id)));
  });

  handle(router, api.unlockUser, admin, async (req, res) => {
    res.json(toAdminUserView(await unlockAccount(deps, req.params.id, userOf(req).id)));
  });
}
