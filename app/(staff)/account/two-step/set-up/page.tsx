import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CodeForm } from '@/components/auth/two-step/CodeForm';
import { Enrolment } from '@/components/auth/two-step/Enrolment';
import { Button } from '@/components/ui/Button';
import { requireUser } from '@/lib/auth/session';
import { accountConfirmAction } from '@/lib/auth/two-step/actions';
import { twoStepKey } from '@/lib/auth/two-step/flow';
import { hasApp, startEnrolment } from '@/lib/auth/two-step/service';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Set up two-step sign-in' };

export default async function AccountTwoStepSetUpPage() {
  const user = await requireUser();
  // Once it is on, changing the app needs a current code (the replace page).
  if (await hasApp(db(), user.id)) redirect('/account/two-step');
  const enrolment = await startEnrolment(db(), user, config.borough.serviceName, { key: await twoStepKey() });
  return (
    <div className="max-w-2xl">
      <CodeForm
        action={accountConfirmAction}
        label="Code from your authenticator app"
        hint="Enter the 6-digit code the app shows for this service."
        intro={
          <>
            <h1 className="heading-l">Set up two-step sign-in</h1>
            <Enrolment enrolment={enrolment} />
          </>
        }
        afterCodes={<Button href="/account/two-step">I have saved these codes</Button>}
      />
    </div>
  );
}
