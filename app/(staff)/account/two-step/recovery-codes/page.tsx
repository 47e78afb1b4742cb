import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CodeForm } from '@/components/auth/two-step/CodeForm';
import { BackLink } from '@/components/ui/BackLink';
import { Button } from '@/components/ui/Button';
import { requireUser } from '@/lib/auth/session';
import { accountRecoveryCodesAction } from '@/lib/auth/two-step/actions';
import { hasApp } from '@/lib/auth/two-step/service';
import { db } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Make new recovery codes' };

export default async function AccountRecoveryCodesPage() {
  const user = await requireUser();
  if (!(await hasApp(db(), user.id))) redirect('/account/two-step/set-up');
  return (
    <div className="max-w-2xl">
      <CodeForm
        action={accountRecoveryCodesAction}
        label="Enter a code from your authenticator app"
        hint="Your old recovery codes stop working when you make new ones."
        button="Make new recovery codes"
        intro={
          <>
            <BackLink href="/account/two-step">Back</BackLink>
            <h1 className="heading-l">Make new recovery codes</h1>
          </>
        }
        afterCodes={<Button href="/account/two-step">I have saved these codes</Button>}
      />
    </div>
  );
}
