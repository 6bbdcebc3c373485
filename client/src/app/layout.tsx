import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { FeeRatesProvider } from '@/components/fees';
import { LocaleProvider } from '@/components/locale';
import { SiteHeader } from '@/components/site-header';
import { VerifyEmailNotice } from '@/components/verify-email-notice';
import { currentUser, serverApi } from '@/lib/api/server';
import { messages } from '@/lib/messages';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Ticketing — buy and sell event tickets', template: '%s · Ticketing' },
  description: 'An open marketplace for event tickets: list yours, find one, pay safely.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [user, feeRates] = await Promise.all([currentUser(), serverApi.feeRates()]);
  return (
    <html lang={messages.lang}>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <LocaleProvider locale={messages.locale}>
          <FeeRatesProvider rates={feeRates}>
            <SiteHeader user={user} />
            <main id="main" tabIndex={-1}>
              <div className="container">
                {user && !user.emailVerified && <VerifyEmailNotice email={user.email} />}
                {children}
              </div>
            </main>
            <footer className="site-footer">
              <div className="container">
                Ticketing — an open-source ticket marketplace. Payments by Stripe.
              </div>
            </footer>
          </FeeRatesProvider>
        </LocaleProvider>
      </body>
    </html>
  );
}
