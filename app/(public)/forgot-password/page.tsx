import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/auth/ForgotPasswordForm';
import { BackLink } from '@/components/ui/BackLink';
import { config } from '@/lib/config';
import { forgotPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Reset your password', robots: { index: false, follow: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="max-w-2xl">
      <BackLink href="/sign-in">Back to sign in</BackLink>
      <h1 className="heading-l">Reset your password</h1>
      <p>Enter the email address you sign in with. If it has an account, we will email you a link to choose a new password.</p>
      <ForgotPasswordForm action={forgotPasswordAction} />
      <h2 className="heading-m">If you cannot get the email</h2>
      <p>
        Ask your team&apos;s coordinator or contact{' '}
        <a href={`mailto:${config.borough.contactEmail}`}>{config.borough.contactEmail}</a>. If your account has been switched
        off, only they can switch it back on.
      </p>
    </div>
  );
}
