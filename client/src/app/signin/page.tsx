import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth-form';
import { currentUser } from '@/lib/api/server';
import { safeNext } from '@/lib/safe-next';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>Sign in</h1>
          <p className="lede">Welcome back.</p>
        </div>
      </div>
      <AuthForm mode="signin" next={next} />
    </div>
  );
}
