import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CodeForm } from '@/components/auth/two-step/CodeForm';
import { Enrolment } from '@/components/auth/two-step/Enrolment';
import { FinishSetUp } from '@/components/auth/two-step/FinishSetUp';
import { PasskeyRegistration } from '@/components/auth/two-step/Passkeys';
import { Link } from '@/components/ui/Link';
import { signInAddPasskeyAction, signInAddPasskeyOptionsAction, signInSetUpAction } from '@/lib/auth/two-step/actions';
import { requirePending, twoStepKey } from '@/lib/auth/two-step/flow';
import { isEnrolled, startEnrolment, twoStepAccount } from '@/lib/auth/two-step/service';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Set up two-step sign-in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const why = 'To keep people’s records safe, you need a second step as well as your password each time you sign in.';

export default async function TwoStepSetUpPage({ searchParams }: { searchParams: SearchParams }) {
  const pending = await requirePending();
  const user = await twoStepAccount(db(), pending.userId);
  if (!user) redirect('/sign-in');
  if (await isEnrolled(db(), user.id)) redirect('/sign-in/two-step');

  if ((await searchParams).with === 'key') {
    return (
      <div className="max-w-2xl">
        <PasskeyRegistration
          options={signInAddPasskeyOptionsAction}
          action={signInAddPasskeyAction}
          intro={
            <>
              <h1 className="heading-l">Set up a security key or passkey</h1>
              <p>
                {why} Name your key and choose Add the key, then do what your browser asks: touch the key, or use your
                fingerprint, face or screen lock.
              </p>
              <p>
                <Link href="/sign-in/two-step/set-up">Use an authenticator app instead</Link>
              </p>
            </>
          }
          otherwise="Use an authenticator app instead."
          afterCodes={<FinishSetUp />}
        />
      </div>
    );
  }

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
            <p>{why} This is a code from an authenticator app on your phone.</p>
            <p>
              <Link href="/sign-in/two-step/set-up?with=key">Use a security key or passkey instead</Link>
            </p>
            <Enrolment enrolment={enrolment} />
          </>
        }
        afterCodes={<FinishSetUp />}
      />
    </div>
  );
}
