'use client';

import './globals.css';

function digestOf(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'digest' in error) {
    const digest = (error as { digest?: unknown }).digest;
    return typeof digest === 'string' ? digest : undefined;
  }
  return undefined;
}

/** Replaces the whole document when the root layout itself fails, so it cannot use the header or config. */
export default function GlobalError({ error }: { error: unknown; retry?: () => void; reset?: () => void }) {
  const digest = digestOf(error);
  return (
    <html lang="en-GB">
      <body>
        <title>Sorry, there is a problem with the service</title>
        <a href="#main-content" className="skip-link">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="width-container py-3">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the app's own navigation is what failed: a full page load */}
            <a href="/" className="site-header__service">
              Community support
            </a>
          </div>
        </header>
        <div className="width-container">
          <main id="main-content" className="main-wrapper" tabIndex={-1}>
            <h1 className="heading-l">Sorry, there is a problem with the service</h1>
            <p>Try again later.</p>
            {digest ? (
              <p>
                If you contact us about this, tell us this reference: <strong className="break-all">{digest}</strong>
              </p>
            ) : null}
            <p>
              This is not an emergency service. In an emergency call <a href="tel:999">999</a>. For urgent health advice call NHS{' '}
              <a href="tel:111">111</a>. To talk to someone now, call Samaritans free on <a href="tel:116123">116 123</a>.
            </p>
            <p>
              {/* A full page load, since the app's own navigation is what failed. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
              <a href="/">Go to the home page</a>
            </p>
          </main>
        </div>
      </body>
    </html>
  );
}
