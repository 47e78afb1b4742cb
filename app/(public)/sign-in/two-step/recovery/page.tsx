import type { Metadata } from 'next';
import { RecoveryCodeForm } from '@/components/auth/two-step/RecoveryCodeForm';
import { Link } from '@/components/ui/Link';
import { requirePending } from '@/lib/auth/two-step/flow';
import { hasApp } from '@/lib/auth/two-step/service';
import { db } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Enter a recovery code' };

export default async function TwoStepRecoveryPage() {
  const pending = await requirePending();
  return (
    <div className="max-w-2xl">
      <RecoveryCodeForm />
      <p>
        <Link href="/sign-in/two-step">
          {(await hasApp(db(), pending.userId))
            ? 'Use a code from your authenticator app instead'
            : 'Use your security key or passkey instead'}
        </Link>
      </p>
    </div>
  );
}
