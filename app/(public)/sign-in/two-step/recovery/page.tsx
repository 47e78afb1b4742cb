import type { Metadata } from 'next';
import { RecoveryCodeForm } from '@/components/auth/two-step/RecoveryCodeForm';
import { Link } from '@/components/ui/Link';
import { requirePending } from '@/lib/auth/two-step/flow';

export const metadata: Metadata = { title: 'Enter a recovery code' };

export default async function TwoStepRecoveryPage() {
  await requirePending();
  return (
    <div className="max-w-2xl">
      <RecoveryCodeForm />
      <p>
        <Link href="/sign-in/two-step">Use a code from your authenticator app instead</Link>
      </p>
    </div>
  );
}
