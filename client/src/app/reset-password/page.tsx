import Link from 'next/link';
import { NarrowPage } from '@/components/page-parts';
import { ResetPasswordForm } from '@/components/reset-password-form';
import { getMessages, pageTitle } from '@/lib/messages/server';

export const generateMetadata = pageTitle((t) => t.resetPassword.title, { referrer: 'no-referrer' });

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const [{ token }, t] = await Promise.all([searchParams, getMessages()]);
  return (
    <NarrowPage title={t.resetPassword.title} lede={t.resetPassword.lede}>
      {typeof token === 'string' && token !== '' ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="alert alert--error" role="alert">
          <p>{t.errors.byCode.reset_token_invalid}</p>
          <p>
            <Link href="/forgot-password">{t.passwordReset.askAgain}</Link>
          </p>
        </div>
      )}
    </NarrowPage>
  );
}
