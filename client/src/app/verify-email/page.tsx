import { NarrowPage } from '@/components/page-parts';
import { VerifyEmail } from '@/components/verify-email';
import { VerifyEmailNotice } from '@/components/verify-email-notice';
import { currentUser } from '@/lib/api/server';
import { getMessages, pageTitle } from '@/lib/messages/server';

export const generateMetadata = pageTitle((t) => t.verifyPage.title, { referrer: 'no-referrer' });

/** Where the mailed confirmation link lands (`?token=…`); a missing token offers a new link instead. */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const [{ token }, user, t] = await Promise.all([searchParams, currentUser(), getMessages()]);
  return (
    <NarrowPage title={t.verifyPage.title} lede={t.verifyEmail.why}>
      {typeof token === 'string' && token !== '' ? (
        <VerifyEmail token={token} signedIn={user !== null} />
      ) : (
        <div className="stack">
          <div className="alert alert--error" role="alert">
            <p>{t.errors.byCode.verification_token_invalid}</p>
          </div>
          {user && !user.emailVerified && <VerifyEmailNotice email={user.email} />}
        </div>
      )}
    </NarrowPage>
  );
}
