import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth-form';
import { currentUser } from '@/lib/api/server';
import { getMessages } from '@/lib/messages/server';
import { safeNext } from '@/lib/safe-next';
import { NarrowPage } from './page-parts';

export type AuthSearchParams = Promise<{ next?: string | string[] }>;

/** Sign-in and sign-up share one page: a signed-in visitor goes straight on to a same-site `next`. */
export async function AuthPage({
  mode,
  searchParams,
}: {
  mode: 'signin' | 'signup';
  searchParams: AuthSearchParams;
}) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  const { auth: t } = await getMessages();
  return (
    <NarrowPage
      title={mode === 'signup' ? t.signUpTitle : t.signInTitle}
      lede={mode === 'signup' ? t.signUpLede : t.signInLede}
    >
      <AuthForm mode={mode} next={next} />
    </NarrowPage>
  );
}
