import { CheckInForm } from '@/components/check-in-form';
import { NarrowPage } from '@/components/page-parts';
import { requireUser } from '@/lib/api/server';
import { getMessages, pageTitle } from '@/lib/messages/server';

export const generateMetadata = pageTitle((t) => t.checkInPage.title);

export default async function CheckInPage() {
  await requireUser('/checkin');
  const { checkInPage: t } = await getMessages();
  return (
    <NarrowPage title={t.title} lede={t.lede}>
      <CheckInForm />
    </NarrowPage>
  );
}
