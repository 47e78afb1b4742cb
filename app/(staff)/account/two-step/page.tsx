import type { Metadata, Route } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { Button, ButtonGroup } from '@/components/ui/Button';
import { NotificationBanner } from '@/components/ui/NotificationBanner';
import { SummaryList } from '@/components/ui/SummaryList';
import { requireUser } from '@/lib/auth/session';
import { twoStepRequired } from '@/lib/auth/two-step/policy';
import { twoStepStatus } from '@/lib/auth/two-step/service';
import { RECOVERY_CODE_COUNT } from '@/lib/auth/two-step/recovery-codes';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { formatDate, formatDateTime } from '@/lib/format/dates';

export const metadata: Metadata = { title: 'Two-step sign-in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const banners: Record<string, string> = {
  replaced: 'Your new authenticator app is set up',
  'key-added': 'Your security key or passkey is added',
  'key-removed': 'The security key or passkey is removed',
};

export default async function AccountTwoStepPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const { done } = await searchParams;
  const status = await twoStepStatus(db(), user.id);
  const required = twoStepRequired(user, { required: config.twoStep.required, demoMode: config.demoMode });
  const banner = typeof done === 'string' ? banners[done] : undefined;

  return (
    <div className="max-w-2xl">
      {banner ? <NotificationBanner type="success" heading={banner} /> : null}
      <PageHeading caption="Your account">Two-step sign-in</PageHeading>
      <p>
        With two-step sign-in you give a code from an authenticator app on your phone, or use a security key or passkey, after
        your password, so a stolen password alone cannot open your account.
      </p>
      {status.enabled ? (
        <SummaryList
          rows={[
            { key: 'Two-step sign-in', value: `On since ${formatDate(status.confirmedAt)}` },
            status.app
              ? {
                  key: 'Authenticator app',
                  value: 'Set up',
                  actions: [{ href: '/account/two-step/replace', text: 'Replace', visuallyHiddenText: 'authenticator app' }],
                }
              : {
                  key: 'Authenticator app',
                  value: 'Not set up',
                  actions: [{ href: '/account/two-step/set-up', text: 'Set up', visuallyHiddenText: 'an authenticator app' }],
                },
            {
              key: 'Recovery codes',
              value: `${status.recoveryCodesLeft} of ${RECOVERY_CODE_COUNT} left`,
              // New codes need a code from the app.
              actions: status.app
                ? [{ href: '/account/two-step/recovery-codes', text: 'Make new codes', visuallyHiddenText: 'recovery codes' }]
                : [],
            },
          ]}
        />
      ) : (
        <p>
          Two-step sign-in is off for your account.
          {required ? ' You need it for your role: you will be asked to set it up the next time you sign in.' : null}
        </p>
      )}

      <h2 className="heading-m">Security keys and passkeys</h2>
      {status.passkeys.length ? (
        <SummaryList
          rows={status.passkeys.map((key) => ({
            id: key.id,
            key: key.name,
            value: (
              <>
                Added {formatDate(key.createdAt)}
                <br />
                {key.lastUsedAt ? `Last used ${formatDateTime(key.lastUsedAt)}` : 'Not used yet'}
              </>
            ),
            actions: [{ href: `/account/two-step/keys/${key.id}/remove` as Route, text: 'Remove', visuallyHiddenText: key.name }],
          }))}
        />
      ) : (
        <p>
          A security key (a small device you plug in or tap) or a passkey (your phone or computer’s fingerprint, face or screen
          lock) can stand in for the code from your app.
        </p>
      )}
      <ButtonGroup>
        {status.enabled ? null : <Button href="/account/two-step/set-up">Set up an authenticator app</Button>}
        <Button href="/account/two-step/keys/add" variant="secondary">
          Add a security key or passkey
        </Button>
      </ButtonGroup>
    </div>
  );
}
