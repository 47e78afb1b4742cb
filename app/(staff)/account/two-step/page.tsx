import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { Button } from '@/components/ui/Button';
import { NotificationBanner } from '@/components/ui/NotificationBanner';
import { SummaryList } from '@/components/ui/SummaryList';
import { requireUser } from '@/lib/auth/session';
import { twoStepRequired } from '@/lib/auth/two-step/policy';
import { twoStepStatus } from '@/lib/auth/two-step/service';
import { RECOVERY_CODE_COUNT } from '@/lib/auth/two-step/recovery-codes';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';

export const metadata: Metadata = { title: 'Two-step sign-in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountTwoStepPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const { done } = await searchParams;
  const status = await twoStepStatus(db(), user.id);
  const required = twoStepRequired(user, { required: config.twoStep.required, demoMode: config.demoMode });

  return (
    <div className="max-w-2xl">
      {done === 'replaced' ? <NotificationBanner type="success" heading="Your new authenticator app is set up" /> : null}
      <PageHeading caption="Your account">Two-step sign-in</PageHeading>
      <p>
        With two-step sign-in you enter a code from an authenticator app on your phone after your password, so a stolen password
        alone cannot open your account.
      </p>
      {status.enabled ? (
        <SummaryList
          rows={[
            { key: 'Two-step sign-in', value: `On since ${formatDate(status.confirmedAt)}` },
            {
              key: 'Authenticator app',
              value: 'Set up',
              actions: [{ href: '/account/two-step/replace', text: 'Replace', visuallyHiddenText: 'authenticator app' }],
            },
            {
              key: 'Recovery codes',
              value: `${status.recoveryCodesLeft} of ${RECOVERY_CODE_COUNT} left`,
              actions: [
                { href: '/account/two-step/recovery-codes', text: 'Make new codes', visuallyHiddenText: 'recovery codes' },
              ],
            },
          ]}
        />
      ) : (
        <>
          <p>
            Two-step sign-in is off for your account.
            {required ? ' You need it for your role: you will be asked to set it up the next time you sign in.' : null}
          </p>
          <Button href="/account/two-step/set-up">Set up two-step sign-in</Button>
        </>
      )}
    </div>
  );
}
