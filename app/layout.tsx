import type { Metadata, Viewport } from 'next';
import { unstable_rethrow } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense, type CSSProperties, type ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { DemoBanner } from '@/components/layout/DemoBanner';
import { Footer } from '@/components/layout/Footer';
import { Header } from '@/components/layout/Header';
import { NavigationFocus } from '@/components/layout/NavigationFocus';
import { SkipLink } from '@/components/layout/SkipLink';
import { getSessionUser } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/types';
import { config } from '@/lib/config';
import { logError } from '@/lib/log/logger';
import { refreshSettings } from '@/lib/settings';
import './globals.css';

// Read at request time so a deployment's name applies without a rebuild. It reads the settings as
// the layout last refreshed them (at most a few seconds old) rather than waiting on the database:
// metadata that resolves late reaches the page after its content, and a page briefly without a
// <title> fails WCAG 2.4.2.
export function generateMetadata(): Metadata {
  const { serviceName } = config.borough;
  return {
    title: { default: serviceName, template: `%s - ${serviceName}` },
    description: `Find local groups, activities and support, and get help from a link worker. Run by ${config.borough.name}.`,
    formatDetection: { telephone: false },
  };
}

export const viewport: Viewport = {
  themeColor: '#0b0c0c',
};

async function currentUser(): Promise<SessionUser | null> {
  try {
    return await getSessionUser();
  } catch (err) {
    // Next signals dynamic rendering and redirects by throwing; those must pass through.
    unstable_rethrow(err);
    // The header falls back to the signed-out menu rather than taking every page down.
    logError(err, { where: 'root layout' }, 'Could not read the session for the header');
    return null;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page load brings the admin's settings up to date (at most a few seconds old) before
  // anything reads them through config (docs/decisions/0024). Never at build time.
  await connection();
  const loaded = await refreshSettings();
  const borough = config.borough;
  const user = await currentUser();
  // The brand colour (checked for contrast when saved) drives the header band and links.
  const brand = { '--color-brand': borough.brandColour, '--color-link': borough.brandColour } as CSSProperties;
  return (
    <html lang="en-GB" style={brand}>
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <Suspense fallback={null}>
          <NavigationFocus />
        </Suspense>
        <Header
          serviceName={borough.serviceName}
          user={user}
          signOut={user ? <SignOutButton /> : null}
          banner={config.demoMode ? <DemoBanner /> : null}
          logoSrc={loaded?.logo ? `/api/logo?v=${loaded.logo}` : null}
        />
        <div className="flex-1">
          <div className="width-container">
            <main id="main-content" className="main-wrapper" tabIndex={-1}>
              {children}
            </main>
          </div>
        </div>
        <Footer
          boroughName={borough.name}
          serviceName={borough.serviceName}
          contactEmail={borough.contactEmail}
          contactPhone={borough.contactPhone}
          privacyNoticeUrl={borough.privacyNoticeUrl}
        />
      </body>
    </html>
  );
}
