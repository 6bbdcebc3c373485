import type { Metadata } from 'next';
import { AuthPage, type AuthSearchParams } from '@/components/auth-page';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage({ searchParams }: { searchParams: AuthSearchParams }) {
  return <AuthPage mode="signin" heading="Sign in" lede="Welcome back." searchParams={searchParams} />;
}
