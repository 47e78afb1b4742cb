import type { Metadata } from 'next';
import { SetPasswordForm } from '@/components/auth/SetPasswordForm';
import { Link } from '@/components/ui/Link';
import { passwordHint } from '@/lib/auth/password-policy';
import { loadPasswordReset } from '@/lib/auth/password-reset';
import { db } from '@/lib/db/client';
import { resetPasswordAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false, follow: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await loadPasswordReset(db(), token);
  if (!link.ok) {
    return (
      <div className="max-w-2xl">
        <h1 className="heading-l">This link has already been used or has expired</h1>
        <p>
          Links to reset a password work once, for 30 minutes. <Link href="/forgot-password">Ask for a new link</Link>, or{' '}
          <Link href="/sign-in">sign in</Link> if you have already chosen a new password.
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <h1 className="heading-l">Choose a new password</h1>
      <p>
        For the account of <strong className="break-all">{link.email}</strong>. When you save it, you will be signed out
        everywhere you are signed in.
      </p>
      <SetPasswordForm
        action={resetPasswordAction.bind(null, token)}
        email={link.email}
        hint={passwordHint}
        submitLabel="Save new password"
      />
    </div>
  );
}
