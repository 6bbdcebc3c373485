import type { Metadata } from 'next';
import { CheckInForm } from '@/components/check-in-form';
import { requireUser } from '@/lib/api/server';

export const metadata: Metadata = { title: 'Check-in' };

export default async function CheckInPage() {
  await requireUser('/checkin');
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>Check-in</h1>
          <p className="lede">
            At the door of your event: scan the buyer&apos;s QR code or type the code under it. Each ticket is
            let in once.
          </p>
        </div>
      </div>
      <CheckInForm />
    </div>
  );
}
