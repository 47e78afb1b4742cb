import type { Metadata } from 'next';
import { SetPasswordForm } from '@/components/auth/SetPasswordForm';
import { SummaryList } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { passwordHint } from '@/lib/auth/password-policy';
import { roleLabels } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { loadStaffInvite } from '@/lib/staff';
import { acceptStaffInviteAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Set your password', robots: { index: false, follow: false } };

export default async function AcceptInvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await loadStaffInvite(db(), token);
  if (!invite.ok) {
    return (
      <div className="max-w-2xl">
        <h1 className="heading-l">This link has already been used or has expired</h1>
        <p>
          If you have already set your password, <Link href="/sign-in">sign in</Link>. Otherwise ask the person who invited you to
          send you a new link.
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <h1 className="heading-l">Set your password</h1>
      <SummaryList
        rows={[
          { key: 'Name', value: invite.name },
          { key: 'Email address', value: invite.email },
          { key: 'Role', value: roleLabels[invite.role] },
        ]}
      />
      <SetPasswordForm
        action={acceptStaffInviteAction.bind(null, token)}
        email={invite.email}
        hint={passwordHint}
        submitLabel="Set password and continue"
      />
    </div>
  );
}
