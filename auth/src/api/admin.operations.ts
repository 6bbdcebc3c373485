import { adminOperation, isoDateTime, jsonResponse, pageQuery, pageResponse } from '@ticketing/common';
import { z } from 'zod';
import { publicUser } from './user-view';

// The admin console's routes of /api/users (role admin; 403 for anyone else).

/** A user as an admin sees them: never the password hash. */
export const adminUserView = publicUser
  .extend({ locked: z.boolean(), createdAt: isoDateTime() })
  .meta({ id: 'AdminUser' });

const userIdParams = z.object({ id: z.uuid() });

export const listUsers = adminOperation('get /admin/users', {
  summary: 'Every user, newest first (admins)',
  query: pageQuery,
  responses: {
    200: pageResponse('A page of users', adminUserView),
  },
});

export const lockUser = adminOperation('post /admin/users/:id/lock', {
  summary: 'Lock an account (admins): it cannot sign in, and its sessions end everywhere',
  params: userIdParams,
  responses: {
    200: jsonResponse('The user, locked', adminUserView),
    400: '`cannot_lock_self`',
    404: 'Unknown user',
  },
});

export const unlockUser = adminOperation('post /admin/users/:id/unlock', {
  summary: 'Unlock an account (admins): the user may sign in again',
  params: userIdParams,
  responses: {
    200: jsonResponse('The user, unlocked', adminUserView),
    404: 'Unknown user',
  },
});
