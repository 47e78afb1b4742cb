import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/SignInForm';
import { InsetText } from '@/components/ui/InsetText';
import { Link } from '@/components/ui/Link';
import { NotificationBanner } from '@/components/ui/NotificationBanner';
import { Table } from '@/components/ui/Table';
import { oidcNoticeEmail } from '@/lib/auth/oidc/handlers';
import { roleHome, roleLabels, safeCallbackUrl } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/session';
import { messageForReason } from '@/lib/auth/sign-in-form';
import { cleanQuery } from '@/lib/forms';
import { config } from '@/lib/config';
import { demoAccounts } from '@/lib/demo/accounts';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = cleanQuery(await searchParams);
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl), new URL(config.baseUrl).origin) ?? undefined;
  const reasonCode = first(params.reason);
  const reason = messageForReason(reasonCode, reasonCode === 'oidc-no-account' ? await oidcNoticeEmail() : null);
  const sso = config.oidc;
  const signedOut = first(params.signedOut) === '1';

  const user = await getSessionUser();
  if (user && !signedOut) redirect(callbackUrl ?? roleHome(user.role));

  return (
    <div className="max-w-2xl">
      {signedOut && !user ? <NotificationBanner type="success" heading="You have signed out" /> : null}
      {reason && !user ? <NotificationBanner heading={reason} /> : null}
      <h1 className="heading-l">Sign in</h1>
      <p>
        Sign in with the email address and password of your staff or group account. You do not need an account to search for help
        or to refer yourself.
      </p>
      {sso ? (
        <>
          {/* A plain link: it starts at a route that sends the browser on to the identity provider. */}
          <a
            href={`/sign-in/oidc${callbackUrl ? `?${new URLSearchParams({ callbackUrl })}` : ''}`}
            className="button button--secondary"
            draggable={false}
          >
            {sso.buttonLabel}
          </a>
          <p>Or sign in with your email address and password.</p>
        </>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <h2 className="heading-m">If you cannot sign in</h2>
      <p>
        If the link to reset your password does not arrive, ask your team&apos;s coordinator or contact{' '}
        <a href={`mailto:${config.borough.contactEmail}`}>{config.borough.contactEmail}</a>. After a few wrong attempts you will
        be asked to wait a little before trying again.
      </p>
      {config.demoMode ? <DemoAccounts /> : null}
    </div>
  );
}

function DemoAccounts() {
  return (
    <section aria-labelledby="demo-accounts" className="mt-10">
      <h2 className="heading-m" id="demo-accounts">
        Demo accounts
      </h2>
      <InsetText>
        This is a demonstration with invented people and groups. Use any of these accounts; they exist only in the demo.
      </InsetText>
      <Table
        caption="Demo accounts"
        captionHidden
        head={['Role', 'Email address', 'Password', 'What you can see']}
        rowKeys={demoAccounts.map((a) => a.email)}
        rows={demoAccounts.map((a) => [
          roleLabels[a.role],
          <span key="email" className="break-all">
            {a.email}
          </span>,
          <code key="password" className="break-all">
            {a.password}
          </code>,
          a.description,
        ])}
        firstCellIsHeader
      />
    </section>
  );
}
