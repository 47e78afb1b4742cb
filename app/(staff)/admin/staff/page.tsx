import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { BackLink, Button, EmailLink, NotificationBanner, Select, Table, TableDate, Tag, TextInput } from '@/components/ui';
import { Link, type Route } from '@/components/ui/Link';
import { Pagination } from '@/components/ui/Pagination';
import { roleLabels } from '@/lib/auth/roles';
import { requirePermission } from '@/lib/auth/session';
import { roles, type Role } from '@/lib/auth/types';
import { db } from '@/lib/db/client';
import { requestedPage, showingText } from '@/lib/paging/pages';
import { listStaff } from '@/lib/staff';
import { staffSorts, staffStatusLabels, staffStatuses, type StaffSort, type StaffStatus } from '@/lib/staff/schema';
import { statusTagColour } from './tags';

export const metadata: Metadata = { title: 'Staff accounts' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  list.includes(v as T) ? (v as T) : undefined;

const sortLabels: Record<StaffSort, string> = {
  name: 'Name',
  email: 'Email address',
  role: 'Role',
  lastSignIn: 'Last signed in (most recent first)',
};

export default async function StaffListPage({ searchParams }: Props) {
  const user = await requirePermission('staff.manage');
  const query = await searchParams;
  const q = first(query.q)?.trim().slice(0, 100) ?? '';
  const role = user.role === 'admin' ? oneOf<Role>(roles, first(query.role)) : undefined;
  const status = oneOf<StaffStatus>(staffStatuses, first(query.status));
  const sort = oneOf<StaffSort>(staffSorts, first(query.sort)) ?? 'name';
  const { page, rows } = await db().$transaction((tx) =>
    listStaff(tx, user, { q, role, status, sort, page: requestedPage(query.page) }),
  );
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (role) params.set('role', role);
  if (status) params.set('status', status);
  if (sort !== 'name') params.set('sort', sort);
  const baseHref = `/admin/staff${params.size ? `?${params}` : ''}` as Route;
  const filtered = Boolean(q || role || status);
  const coordinator = user.role === 'coordinator';

  return (
    <>
      {user.role === 'admin' ? <BackLink href="/admin">Back to admin</BackLink> : null}
      <PageHeading
        lead={
          coordinator
            ? 'The link workers in your team. Invite a new link worker, switch off the account of someone who has left, or clear the sign-in delays after wrong passwords.'
            : 'Everyone who can sign in. Invite a member of staff, change what they can do, or switch off the account of someone who has left.'
        }
      >
        Staff accounts
      </PageHeading>
      {first(query.done) === 'cancelled' ? (
        <NotificationBanner type="success" heading="Invite cancelled">
          <p>The link in the invite no longer works.</p>
        </NotificationBanner>
      ) : null}
      <Button href="/admin/staff/invite">{coordinator ? 'Invite a link worker' : 'Invite a member of staff'}</Button>

      <form method="get" action="/admin/staff" role="search" aria-label="Find staff accounts" className="mb-8">
        <TextInput
          id="q"
          label="Name or email address"
          defaultValue={q}
          width="two-thirds"
          autoComplete="off"
          spellCheck={false}
        />
        {coordinator ? null : (
          <Select
            id="role"
            label="Role"
            defaultValue={role ?? ''}
            options={[{ value: '', label: 'All roles' }, ...roles.map((r) => ({ value: r, label: roleLabels[r] }))]}
          />
        )}
        <Select
          id="status"
          label="Status"
          defaultValue={status ?? ''}
          options={[{ value: '', label: 'All' }, ...staffStatuses.map((s) => ({ value: s, label: staffStatusLabels[s] }))]}
        />
        <Select
          id="sort"
          label="Sort by"
          defaultValue={sort}
          options={staffSorts.map((s) => ({ value: s, label: sortLabels[s] }))}
        />
        <Button variant="secondary">Show accounts</Button>
      </form>

      {rows.length === 0 ? (
        filtered ? (
          <p>
            No accounts match. <Link href="/admin/staff">Clear the search and filters</Link>.
          </p>
        ) : (
          <p>There are no accounts yet. Invite someone to get started.</p>
        )
      ) : (
        <>
          {page.totalPages > 1 ? <p>{showingText(page, rows.length, 'accounts')}</p> : null}
          <Table
            caption="Staff accounts"
            captionHidden
            head={['Name', 'Email address', 'Role', 'Team or group', 'Status', 'Last signed in']}
            rowKeys={rows.map((r) => r.id)}
            rows={rows.map((r) => [
              <Link key="n" href={`/admin/staff/${r.id}`}>
                {r.name}
              </Link>,
              <EmailLink key="e" address={r.email} />,
              roleLabels[r.role],
              r.teamName ?? (r.organisations.length ? r.organisations.join(', ') : 'None'),
              <>
                <Tag colour={statusTagColour[r.status]}>{staffStatusLabels[r.status]}</Tag>
                {r.signInDelayed ? (
                  <>
                    {' '}
                    <Tag colour="yellow">Sign-in delayed</Tag>
                  </>
                ) : null}
              </>,
              r.lastLoginAt ? <TableDate key="l" value={r.lastLoginAt} time /> : 'Never',
            ])}
          />
          <Pagination page={page.page} totalPages={page.totalPages} baseHref={baseHref} label="Pages of staff accounts" />
        </>
      )}
    </>
  );
}
