import type { Metadata } from 'next';
import { VerifyEmail } from '@/components/verify-email';
import { VerifyEmailNotice } from '@/components/verify-email-notice';
import { currentUser } from '@/lib/api/server';
import { messages } from '@/lib/messages';

export const metadata: Metadata = { title: 'Confirm your email address', referrer: 'no-referrer' };

/** Where the mailed confirmation link lands (`?token=…`); a missing token offers a new link instead. */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const [{ token }, user] = await Promise.all([searchParams, currentUser()]);
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>Confirm your email address</h1>
          <p className="lede">{messages.verifyEmail.why}</p>
        </div>
      </div>
      {typeof token === 'string' && token !== '' ? (
        <VerifyEmail token={token} signedIn={user !== null} />
      ) : (
        <div className="stack">
          <div className="alert alert--error" role="alert">
            <p>{messages.errors.byCode.verification_token_invalid}</p>
          </div>
          {user && !user.emailVerified && <VerifyEmailNotice email={user.email} />}
        </div>
      )}
    </div>
  );
}
