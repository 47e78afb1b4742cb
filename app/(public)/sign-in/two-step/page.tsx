import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CodeForm } from '@/components/auth/two-step/CodeForm';
import { PasskeySignIn } from '@/components/auth/two-step/Passkeys';
import { Link } from '@/components/ui/Link';
import { signInCodeAction, signInPasskeyAction, signInPasskeyOptionsAction } from '@/lib/auth/two-step/actions';
import { requirePending } from '@/lib/auth/two-step/flow';
import { twoStepStatus } from '@/lib/auth/two-step/service';
import { db } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Enter your code' };

export default async function TwoStepCodePage() {
  const pending = await requirePending();
  const status = await twoStepStatus(db(), pending.userId);
  if (!status.enabled) redirect('/sign-in/two-step/set-up');
  return (
    <div className="max-w-2xl">
      {status.app ? (
        <CodeForm
          action={signInCodeAction}
          label="Enter the 6-digit code from your authenticator app"
          labelIsPageHeading
          hint="Open the authenticator app on your phone. The code changes every 30 seconds."
        />
      ) : (
        <h1 className="heading-l">Use your security key or passkey</h1>
      )}
      {status.passkeys.length ? (
        <>
          {status.app ? <h2 className="heading-m">Or use a security key or passkey</h2> : null}
          <p>Choose the button, then do what your browser asks: touch your key, or use your fingerprint, face or screen lock.</p>
          <PasskeySignIn
            options={signInPasskeyOptionsAction}
            action={signInPasskeyAction}
            otherwise={
              status.app ? 'Enter the code from your authenticator app, or use a recovery code.' : 'Use a recovery code.'
            }
          />
        </>
      ) : null}
      <p>
        <Link href="/sign-in/two-step/recovery">Use a recovery code instead</Link>
      </p>
      <p>If you have lost your phone or keys and your recovery codes, ask an administrator to reset your two-step sign-in.</p>
    </div>
  );
}
