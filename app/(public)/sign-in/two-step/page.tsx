import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CodeForm } from '@/components/auth/two-step/CodeForm';
import { Link } from '@/components/ui/Link';
import { signInCodeAction } from '@/lib/auth/two-step/actions';
import { requirePending } from '@/lib/auth/two-step/flow';
import { isEnrolled } from '@/lib/auth/two-step/service';
import { db } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Enter your code' };

export default async function TwoStepCodePage() {
  const pending = await requirePending();
  if (!(await isEnrolled(db(), pending.userId))) redirect('/sign-in/two-step/set-up');
  return (
    <div className="max-w-2xl">
      <CodeForm
        action={signInCodeAction}
        label="Enter the 6-digit code from your authenticator app"
        labelIsPageHeading
        hint="Open the authenticator app on your phone. The code changes every 30 seconds."
      />
      <p>
        <Link href="/sign-in/two-step/recovery">Use a recovery code instead</Link>
      </p>
      <p>If you have lost your phone and your recovery codes, ask an administrator to reset your two-step sign-in.</p>
    </div>
  );
}
