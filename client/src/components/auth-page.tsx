import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth-form';
import { currentUser } from '@/lib/api/server';
import { safeNext } from '@/lib/safe-next';

export type AuthSearchParams = Promise<{ next?: string | string[] }>;

/** Sign-in and sign-up share one page: a signed-in visitor goes straight on to a same-site `next`. */
export async function AuthPage({
  mode,
  heading,
  lede,
  searchParams,
}: {
  mode: 'signin' | 'signup';
  heading: string;
  lede: string;
  searchParams: AuthSearchParams;
}) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>{heading}</h1>
          <p className="lede">{lede}</p>
        </div>
      </div>
      <AuthForm mode={mode} next={next} />
    </div>
  );
}
