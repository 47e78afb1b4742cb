import type { Metadata, Viewport } from 'next';
import { unstable_rethrow } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
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
import './globals.css';

// Read at request time so a deployment's name applies without a rebuild.
export async function generateMetadata(): Promise<Metadata> {
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
  const borough = config.borough;
  const user = await currentUser();
  return (
    <html lang="en-GB">
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
