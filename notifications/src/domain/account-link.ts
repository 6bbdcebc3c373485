import type { Executor } from '@ticketing/common';
import { mailsRepository } from '../data/mails.repository';
import type { RenderedMail } from './templates/layout';

/**
 * Queues a one-time link that auth asked to mail (email verification, password reset) to the address it
 * named: no replica needed. A request that arrives after its link expired (notifications was away) mails
 * nothing: the person asks again.
 */
export async function queueAccountLink(
  tx: Executor,
  kind: 'email-verification' | 'password-reset',
  request: { userId: string; email: string; expiresAt: string },
  render: (expiresAt: Date) => RenderedMail,
): Promise<void> {
  const expiresAt = new Date(request.expiresAt);
  if (expiresAt.getTime() <= Date.now()) return;
  await mailsRepository.queue(tx, {
    // One mail per request; the key names it without the token.
    key: `${kind}:${request.userId}:${request.expiresAt}`,
    kind,
    recipient: request.email,
    ...render(expiresAt),
  });
}
