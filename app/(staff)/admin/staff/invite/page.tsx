import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { StaffForm } from '@/components/staff/StaffForm';
import { BackLink } from '@/components/ui';
import { roleLabels } from '@/lib/auth/roles';
import { requirePermission } from '@/lib/auth/session';
import { roles } from '@/lib/auth/types';
import { db } from '@/lib/db/client';
import { INVITE_DAYS, staffChoices } from '@/lib/staff';
import { inviteStaffAction } from '../actions';

export const metadata: Metadata = { title: 'Invite a member of staff' };

export default async function InviteStaffPage() {
  const user = await requirePermission('staff.manage');
  const { teams, organisations } = await staffChoices(db(), user);
  const coordinator = user.role === 'coordinator';
  const team = teams.find((t) => t.id === user.teamId);
  return (
    <>
      <BackLink href="/admin/staff">Back to staff accounts</BackLink>
      <PageHeading
        lead={`We will email them a link to set their password. The link works once, for ${INVITE_DAYS} days. You can send it again or cancel it from their account page.`}
      >
        {coordinator ? 'Invite a link worker' : 'Invite a member of staff'}
      </PageHeading>
      <StaffForm
        action={inviteStaffAction}
        mode="invite"
        initial={coordinator ? {} : { role: 'link_worker' }}
        roles={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
        teams={teams.map((t) => ({ value: t.id, label: t.name }))}
        organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
        fixed={
          coordinator && team
            ? { role: { value: 'link_worker', label: roleLabels.link_worker }, team: { value: team.id, label: team.name } }
            : undefined
        }
        submitLabel="Send invite"
      />
    </>
  );
}
