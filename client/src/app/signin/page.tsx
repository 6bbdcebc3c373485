import { AuthPage, type AuthSearchParams } from '@/components/auth-page';
import { pageTitle } from '@/lib/messages/server';

export const generateMetadata = pageTitle((t) => t.auth.signInTitle);

export default function SignInPage({ searchParams }: { searchParams: AuthSearchParams }) {
  return <AuthPage mode="signin" searchParams={searchParams} />;
}
