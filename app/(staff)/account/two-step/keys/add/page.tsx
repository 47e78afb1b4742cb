import type { Metadata } from 'next';
import { PasskeyRegistration } from '@/components/auth/two-step/Passkeys';
import { BackLink } from '@/components/ui/BackLink';
import { Button } from '@/components/ui/Button';
import { requireUser } from '@/lib/auth/session';
import { accountAddPasskeyAction, accountAddPasskeyOptionsAction } from '@/lib/auth/two-step/actions';

export const metadata: Metadata = { title: 'Add a security key or passkey' };

export default async function AccountAddPasskeyPage() {
  await requireUser();
  return (
    <div className="max-w-2xl">
      <PasskeyRegistration
        options={accountAddPasskeyOptionsAction}
        action={accountAddPasskeyAction}
        intro={
          <>
            <BackLink href="/account/two-step">Back</BackLink>
            <h1 className="heading-l">Add a security key or passkey</h1>
            <p>
              Name the key and choose Add the key, then do what your browser asks: touch the key, or use your fingerprint, face or
              screen lock. You can then use it instead of a code when you sign in.
            </p>
          </>
        }
        otherwise="You can still use an authenticator app."
        afterCodes={<Button href="/account/two-step">I have saved these codes</Button>}
      />
    </div>
  );
}
