import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/ui/BackLink';
import { Button, ButtonGroup } from '@/components/ui/Button';
import { Link } from '@/components/ui/Link';
import { requireUser } from '@/lib/auth/session';
import { accountRemovePasskeyAction } from '@/lib/auth/two-step/actions';
import { isLastRequiredStep } from '@/lib/auth/two-step/passkeys';
import { twoStepRequired } from '@/lib/auth/two-step/policy';
import { twoStepStatus } from '@/lib/auth/two-step/service';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Remove a security key or passkey' };

export default async function AccountRemovePasskeyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const status = await twoStepStatus(db(), user.id);
  const key = status.passkeys.find((k) => k.id === id);
  if (!key) notFound();
  const required = twoStepRequired(user, { required: config.twoStep.required, demoMode: config.demoMode });
  const back = <BackLink href="/account/two-step">Back</BackLink>;

  if (isLastRequiredStep({ required, app: status.app, keys: status.passkeys.length })) {
    return (
      <div className="max-w-2xl">
        {back}
        <h1 className="heading-l">You cannot remove {key.name} yet</h1>
        <p>
          Your role needs two-step sign-in, and this key is the only second step on your account. Add another key or set up an
          authenticator app first.
        </p>
        <ButtonGroup>
          <Button href="/account/two-step/keys/add">Add a security key or passkey</Button>
          <Link href="/account/two-step/set-up">Set up an authenticator app</Link>
        </ButtonGroup>
      </div>
    );
  }
  const last = !status.app && status.passkeys.length === 1;
  return (
    <div className="max-w-2xl">
      {back}
      <h1 className="heading-l">Remove {key.name}?</h1>
      <p>
        {last
          ? 'This is your only second step: two-step sign-in will be off for your account until you set it up again.'
          : 'You will not be able to sign in with it any more.'}
      </p>
      <form action={accountRemovePasskeyAction}>
        <input type="hidden" name="id" value={key.id} />
        <ButtonGroup>
          <Button variant="warning">Remove the key</Button>
          <Link href="/account/two-step">Cancel</Link>
        </ButtonGroup>
      </form>
    </div>
  );
}
