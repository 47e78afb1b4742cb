import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { Link } from '@/components/ui/Link';
import { SummaryList } from '@/components/ui/SummaryList';
import { Table } from '@/components/ui/Table';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatNumber } from '@/lib/format/numbers';
import { adminHome } from '@/lib/ops/overview';
import { roleLabelsPlural } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  await requireRole('admin');
  const home = await adminHome(db());
  const totalUsers = home.usersByRole.reduce((sum, r) => sum + r.active, 0);

  return (
    <>
      <PageHeading>Admin</PageHeading>

      <h2 className="heading-m">Accounts</h2>
      {totalUsers === 0 ? (
        <p>There are no active accounts yet.</p>
      ) : (
        <Table
          caption="Active accounts by role"
          captionHidden
          head={['Role', { content: 'Active accounts', numeric: true }]}
          rows={[
            ...home.usersByRole.map((r) => [roleLabelsPlural[r.role], { content: formatNumber(r.active), numeric: true }]),
            [
              { content: 'Total', header: true },
              { content: <strong>{formatNumber(totalUsers)}</strong>, numeric: true },
            ],
          ]}
        />
      )}
      {home.inactiveUsers > 0 ? (
        <p>
          {formatNumber(home.inactiveUsers)} {home.inactiveUsers === 1 ? 'account is' : 'accounts are'} switched off.
        </p>
      ) : null}

      <h2 className="heading-m">Directory</h2>
      <SummaryList
        rows={[
          { key: 'Groups waiting for approval', value: formatNumber(home.organisationsPending) },
          { key: 'Listing changes waiting for a check', value: formatNumber(home.pendingChanges) },
          {
            key: 'Listings',
            value:
              home.services.total === 0
                ? 'None yet'
                : `${formatNumber(home.services.total)} (${formatNumber(home.services.published)} published)`,
          },
        ]}
      />

      <ul className="list-bullet">
        <li>
          <Link href="/admin/settings">Settings: the service’s name, colour, texts, timings and targets</Link>
        </li>
        <li>
          <Link href="/admin/staff">Staff accounts: invite, change, switch off</Link>
        </li>
        <li>
          <Link href="/admin/import">Import and export listings</Link>
        </li>
        <li>
          <Link href="/admin/oruk">Open Referral feeds: take in other directories’ listings</Link>
        </li>
        <li>
          <Link href="/admin/people">Subject access and erasure</Link>
        </li>
        <li>
          <Link href="/admin/messages">Messages: every email and text the service sends</Link>
        </li>
      </ul>

      <h2 className="heading-m">System</h2>
      <SummaryList rows={[{ key: 'Last database migration', value: home.lastMigration ?? 'None applied' }]} />
    </>
  );
}
