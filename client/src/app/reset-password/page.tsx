import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/reset-password-form';
import { messages } from '@/lib/messages';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>Choose a new password</h1>
          <p className="lede">Setting it signs your account out on every device.</p>
        </div>
      </div>
      {typeof token === 'string' && token !== '' ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="alert alert--error" role="alert">
          <p>{messages.errors.byCode.reset_token_invalid}</p>
          <p>
            <Link href="/forgot-password">{messages.passwordReset.askAgain}</Link>
          </p>
        </div>
      )}
    </div>
  );
}
