import { AuthPage, type AuthSearchParams } from '@/components/auth-page';
import { pageTitle } from '@/lib/messages/server';

export const generateMetadata = pageTitle((t) => t.auth.signUpTitle);

export default function SignUpPage({ searchParams }: { searchParams: AuthSearchParams }) {
  return <AuthPage mode="signup" searchParams={searchParams} />;
}
