import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { FeeRatesProvider } from '@/components/fees';
import { LanguageSwitch } from '@/components/language-switch';
import { MessagesProvider } from '@/components/messages';
import { SiteHeader } from '@/components/site-header';
import { VerifyEmailNotice } from '@/components/verify-email-notice';
import { currentUser, serverApi } from '@/lib/api/server';
import { getLanguage, getMessages } from '@/lib/messages/server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getMessages();
  return {
    title: { default: t.site.title, template: t.site.titleTemplate },
    description: t.site.description,
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [user, feeRates, lang, t] = await Promise.all([
    currentUser(),
    serverApi.feeRates(),
    getLanguage(),
    getMessages(),
  ]);
  return (
    <html lang={t.lang}>
      <body>
        <a href="#main" className="skip-link">
          {t.site.skipToContent}
        </a>
        <MessagesProvider lang={lang}>
          <FeeRatesProvider rates={feeRates}>
            <SiteHeader user={user} />
            <main id="main" tabIndex={-1}>
              <div className="container">
                {user && !user.emailVerified && <VerifyEmailNotice email={user.email} />}
                {children}
              </div>
            </main>
            <footer className="site-footer">
              <div className="container site-footer__inner">
                <p>{t.site.footer}</p>
                <LanguageSwitch current={lang} label={t.site.language} />
              </div>
            </footer>
          </FeeRatesProvider>
        </MessagesProvider>
      </body>
    </html>
  );
}
