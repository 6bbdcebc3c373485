import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>Forgot your password?</h1>
          <p className="lede">Enter your email and we send you a link to choose a new one.</p>
        </div>
      </div>
      <ForgotPasswordForm />
    </div>
  );
}
