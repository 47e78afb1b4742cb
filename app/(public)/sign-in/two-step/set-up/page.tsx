import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CodeForm } from '@/components/auth/two-step/CodeForm';
import { Enrolment } from '@/components/auth/two-step/Enrolment';
import { FinishSetUp } from '@/components/auth/two-step/FinishSetUp';
import { signInSetUpAction } from '@/lib/auth/two-step/actions';
import { requirePending, twoStepKey } from '@/lib/auth/two-step/flow';
import { isEnrolled, startEnrolment, twoStepAccount } from '@/lib/auth/two-step/service';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Set up two-step sign-in' };

export default async function TwoStepSetUpPage() {
  const pending = await requirePending();
  const user = await twoStepAccount(db(), pending.userId);
  if (!user) redirect('/sign-in');
  if (await isEnrolled(db(), user.id)) redirect('/sign-in/two-step');
  const enrolment = await startEnrolment(db(), user, config.borough.serviceName, { key: await twoStepKey() });
  return (
    <div className="max-w-2xl">
      <CodeForm
        action={signInSetUpAction}
        label="Code from your authenticator app"
        hint="Enter the 6-digit code the app shows for this service."
        intro={
          <>
            <h1 className="heading-l">Set up two-step sign-in</h1>
            <p>
              To keep people’s records safe, you need a code from an authenticator app on your phone as well as your password each
              time you sign in.
            </p>
            <Enrolment enrolment={enrolment} />
          </>
        }
        afterCodes={<FinishSetUp />}
      />
    </div>
  );
}
