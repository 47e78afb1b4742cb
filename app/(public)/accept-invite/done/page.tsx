import type { Metadata } from 'next';
import { PanelConfirmation } from '@/components/ui';
import { Link } from '@/components/ui/Link';

export const metadata: Metadata = { title: 'Your password has been set' };

export default function AcceptInviteDonePage() {
  return (
    <div className="max-w-2xl">
      <PanelConfirmation title="Your password has been set" />
      <p>Your account is ready. Sign in with your email address and the password you have just chosen.</p>
      <p>
        <Link href="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
