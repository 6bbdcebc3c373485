import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth-form';
import { currentUser } from '@/lib/api/server';
import { safeNext } from '@/lib/safe-next';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({
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
          <h1>Create an account</h1>
          <p className="lede">Buy and sell tickets in minutes.</p>
        </div>
      </div>
      <AuthForm mode="signup" next={next} />
    </div>
  );
}
