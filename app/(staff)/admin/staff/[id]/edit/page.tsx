import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { PageHeading } from '@/components/layout/PageHeading';
import { StaffForm } from '@/components/staff/StaffForm';
import { BackLink } from '@/components/ui';
import { roleLabels } from '@/lib/auth/roles';
import { requirePermission } from '@/lib/auth/session';
import { roles } from '@/lib/auth/types';
import { db } from '@/lib/db/client';
import { isUuid } from '@/lib/forms';
import { staffAccount, staffChoices } from '@/lib/staff';
import { updateStaffAction } from '../../actions';

export const metadata: Metadata = { title: 'Change role, team and groups' };

export default async function EditStaffPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('staff.manage');
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [account, choices] = await db().$transaction(
    async (tx) => [await staffAccount(tx, user, id), await staffChoices(tx, user)] as const,
  );
  if (!account) notFound();
  // A coordinator can see their link workers but not move them to another role or team.
  if (user.role !== 'admin' || account.id === user.id) forbidden();
  const member = new Set(account.organisations.map((o) => o.id));
  return (
    <>
      <BackLink href={`/admin/staff/${account.id}`}>Back to {account.name}</BackLink>
      <PageHeading
        caption={account.name}
        lead="When you save, they are signed out everywhere, so the change applies as soon as they sign in again."
      >
        Change role, team and groups
      </PageHeading>
      <StaffForm
        action={updateStaffAction.bind(null, account.id)}
        mode="edit"
        initial={{
          role: account.role,
          teamId: account.teamId ?? '',
          keepOrganisationIds: account.organisations.map((o) => o.id),
          version: String(account.version),
        }}
        roles={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
        teams={choices.teams.map((t) => ({ value: t.id, label: t.name }))}
        organisations={choices.organisations.filter((o) => !member.has(o.id)).map((o) => ({ value: o.id, label: o.name }))}
        memberships={account.organisations.map((o) => ({ value: o.id, label: o.name }))}
        submitLabel="Save changes"
      />
    </>
  );
}
