import type { Metadata } from 'next';
import { PanelConfirmation } from '@/components/ui';

export const metadata: Metadata = { title: 'Check your email' };

export default function JoinSentPage() {
  return (
    <div className="max-w-2xl">
      <PanelConfirmation title="Check your email" />
      <p>We have sent an email to the address you gave, with a link to confirm it. The link works for 3 days.</p>
      <p>
        If you already have an account with us, the email says so and tells you how to sign in or reset your password instead.
      </p>
      <p>
        Once you have confirmed it, sign in to add your group’s activities. A coordinator will check your group and your listings
        before they are published.
      </p>
      <p>If the email has not arrived after a few minutes, check your junk or spam folder.</p>
    </div>
  );
}
