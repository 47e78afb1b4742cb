import type { Metadata } from 'next';
import { PanelConfirmation } from '@/components/ui';
import { Link } from '@/components/ui/Link';

export const metadata: Metadata = { title: 'Your password has been changed' };

export default function ResetDonePage() {
  return (
    <div className="max-w-2xl">
      <PanelConfirmation title="Your password has been changed" />
      <p>You have been signed out everywhere you were signed in. Sign in again with your new password.</p>
      <p>
        <Link href="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
