import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CodeForm } from '@/components/auth/two-step/CodeForm';
import { Enrolment } from '@/components/auth/two-step/Enrolment';
import { BackLink } from '@/components/ui/BackLink';
import { requireUser } from '@/lib/auth/session';
import { accountConfirmAction, accountReplaceAction } from '@/lib/auth/two-step/actions';
import { twoStepKey } from '@/lib/auth/two-step/flow';
import { startEnrolment, twoStepStatus } from '@/lib/auth/two-step/service';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Replace your authenticator app' };

export default async function AccountTwoStepReplacePage() {
  const user = await requireUser();
  const status = await twoStepStatus(db(), user.id);
  if (!status.app) redirect('/account/two-step/set-up');
  const back = <BackLink href="/account/two-step">Back</BackLink>;

  // First a code from the app in use; only then the new app's QR code (started by that action).
  if (!status.pending) {
    return (
      <div className="max-w-2xl">
        {back}
        <CodeForm
          action={accountReplaceAction}
          label="Enter a code from your current authenticator app"
          labelIsPageHeading
          hint="We check it is you before you add a new app. The code changes every 30 seconds."
        />
      </div>
    );
  }
  const enrolment = await startEnrolment(db(), user, config.borough.serviceName, { key: await twoStepKey() });
  return (
    <div className="max-w-2xl">
      {back}
      <CodeForm
        action={accountConfirmAction}
        label="Code from your new authenticator app"
        hint="Your current app keeps working until you enter a code from the new one."
        intro={
          <>
            <h1 className="heading-l">Replace your authenticator app</h1>
            <Enrolment enrolment={enrolment} />
          </>
        }
      />
    </div>
  );
}
