import { ForgotPasswordForm } from '@/components/forgot-password-form';
import { NarrowPage } from '@/components/page-parts';
import { getMessages, pageTitle } from '@/lib/messages/server';

export const generateMetadata = pageTitle((t) => t.forgotPassword.metaTitle);

export default async function ForgotPasswordPage() {
  const { forgotPassword: t } = await getMessages();
  return (
    <NarrowPage title={t.title} lede={t.lede}>
      <ForgotPasswordForm />
    </NarrowPage>
  );
}
