import type { Metadata } from 'next';
import { AuthPage, type AuthSearchParams } from '@/components/auth-page';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage({ searchParams }: { searchParams: AuthSearchParams }) {
  return (
    <AuthPage
      mode="signup"
      heading="Create an account"
      lede="Buy and sell tickets in minutes."
      searchParams={searchParams}
    />
  );
}
