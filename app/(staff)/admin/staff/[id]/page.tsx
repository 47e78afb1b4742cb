import type { Metadata, Route } from 'next';
import { notFound } from 'next/navigation';
import { PageHeading } from '@/components/layout/PageHeading';
import {
  BackLink,
  Button,
  EmailLink,
  ErrorSummary,
  NotificationBanner,
  SummaryList,
  Table,
  Tag,
  WarningText,
} from '@/components/ui';
import { roleLabels } from '@/lib/auth/roles';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { isUuid } from '@/lib/forms';
import { staffAccount } from '@/lib/staff';
import { can } from '@/lib/auth/permissions';
import { openCaseCount } from '@/lib/cases/reassign';
import { Link } from '@/components/ui/Link';
import { staffHistoryLabel, staffStatusLabels } from '@/lib/staff/schema';
import {
  cancelInviteAction,
  resendInviteAction,
  resetTwoStepAction,
  switchOffAction,
  switchOnAction,
  unlockAction,
} from '../actions';
import { statusTagColour } from '../tags';

export const metadata: Metadata = { title: 'Staff account' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// Fixed texts by code: nothing typed in the address is shown back.
const doneBanners: Record<string, { heading: string; body: string }> = {
  invited: {
    heading: 'Invite sent',
    body: 'We have emailed them a link to set their password. The link works once, for 7 days. Until they use it, the account shows as invited.',
  },
  resent: { heading: 'Invite sent again', body: 'The earlier link no longer works. The new one works once, for 7 days.' },
  cancelled: {
    heading: 'Invite cancelled',
    body: 'The link no longer works and the account is switched off. You can send the invite again.',
  },
  updated: {
    heading: 'Account changed',
    body: 'They have been signed out, so the change applies as soon as they sign in again.',
  },
  off: {
    heading: 'Account switched off',
    body: 'They have been signed out everywhere and cannot sign in. Their records and history are kept.',
  },
  on: {
    heading: 'Account switched back on',
    body: 'They can sign in again with their password. Sessions from before stay ended.',
  },
  unlocked: { heading: 'Sign-in delays cleared', body: 'They can try to sign in again now, without waiting.' },
  'cases-moved': {
    heading: 'Open cases moved',
    body: 'Each link worker who took cases has been emailed their references. The timeline of each case shows the move and the reason.',
  },
  'two-step-reset': {
    heading: 'Two-step sign-in reset',
    body: 'They have been signed out. When they next sign in with their password they will set up two-step sign-in again.',
  },
};

const errorMessages: Record<string, string> = {
  conflict:
    'Someone else changed this account while you had it open. Nothing has been changed. Check the account as it is now, then try again.',
  self: 'You cannot switch off your own account. Ask another administrator.',
  not_invited: 'This person has already set their password, so there is no invite to send or cancel.',
  not_found: 'We could not find this account.',
};

function AccountButton({
  action,
  id,
  version,
  children,
  variant = 'secondary',
}: {
  action: (form: FormData) => Promise<void>;
  id: string;
  version: number;
  children: string;
  variant?: 'secondary' | 'warning';
}) {
  return (
    <form action={action} className="inline-block mr-4">
      <input type="hidden" name="userId" value={id} />
      <input type="hidden" name="version" value={version} />
      <Button variant={variant}>{children}</Button>
    </form>
  );
}

export default async function StaffAccountPage({ params, searchParams }: Props) {
  const user = await requirePermission('staff.manage');
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const account = await db().$transaction((tx) => staffAccount(tx, user, id));
  // Not there, or not this person's to see: the same answer.
  if (!account) notFound();
  const query = await searchParams;
  const done = doneBanners[first(query.done) ?? ''];
  const error = errorMessages[first(query.error) ?? ''];
  const self = account.id === user.id;
  // A leaver's caseload: moved by the team's coordinator or an admin.
  const openCases =
    account.teamId && can(user, 'case.reassign', { kind: 'team', teamId: account.teamId })
      ? await openCaseCount(db(), account.id)
      : 0;

  return (
    <>
      <BackLink href="/admin/staff">Back to staff accounts</BackLink>
      {done ? (
        <NotificationBanner type="success" heading={done.heading}>
          <p>{done.body}</p>
        </NotificationBanner>
      ) : null}
      {error ? <ErrorSummary state={{ fieldErrors: {}, formError: error }} /> : null}
      <PageHeading caption="Staff account">{account.name}</PageHeading>

      <SummaryList
        rows={[
          { key: 'Email address', value: <EmailLink address={account.email} /> },
          {
            key: 'Role',
            value: roleLabels[account.role],
            actions:
              self || user.role !== 'admin'
                ? []
                : [
                    {
                      href: `/admin/staff/${account.id}/edit` as Route,
                      text: 'Change',
                      visuallyHiddenText: 'role, team and groups',
                    },
                  ],
          },
          { key: 'Team', value: account.teamName ?? 'None' },
          { key: 'Groups', value: account.organisations.length ? account.organisations.map((o) => o.name).join(', ') : 'None' },
          {
            key: 'Status',
            value: (
              <>
                <Tag colour={statusTagColour[account.status]}>{staffStatusLabels[account.status]}</Tag>
                {account.signInDelayed ? (
                  <>
                    {' '}
                    <Tag colour="yellow">Sign-in delayed</Tag>
                  </>
                ) : null}
              </>
            ),
          },
          ...(account.status === 'invited'
            ? [
                {
                  key: 'Invite link',
                  value: account.inviteExpiresAt ? `Works until ${formatDateTime(account.inviteExpiresAt)}` : 'Expired',
                },
              ]
            : []),
          {
            key: 'Two-step sign-in',
            value: account.twoStepSince ? `Set up on ${formatDate(account.twoStepSince)}` : 'Not set up',
          },
          { key: 'Last signed in', value: account.lastLoginAt ? formatDateTime(account.lastLoginAt) : 'Never' },
          { key: 'Account made', value: formatDate(account.createdAt) },
        ]}
      />

      {openCases > 0 ? (
        <>
          <h2 className="heading-m">Open cases</h2>
          <p>
            {account.name} has {openCases} open {openCases === 1 ? 'case' : 'cases'}. Before they leave, or while they are away,
            move them to other link workers in the team.
          </p>
          <p>
            <Link href={`/caseload/reassign?from=${account.id}`}>Move their open cases</Link>
          </p>
        </>
      ) : null}

      {self ? (
        <p>This is your own account. Another administrator can change it or switch it off.</p>
      ) : (
        <>
          <h2 className="heading-m">Manage this account</h2>
          {account.status === 'invited' ? (
            <>
              <p>They have not set their password yet. Send a new link if the invite has expired or gone astray.</p>
              <AccountButton action={resendInviteAction} id={account.id} version={account.version}>
                Send the invite again
              </AccountButton>
              <AccountButton action={cancelInviteAction} id={account.id} version={account.version} variant="warning">
                Cancel the invite
              </AccountButton>
            </>
          ) : null}
          {account.status === 'active' ? (
            <>
              <WarningText>Switching the account off signs them out everywhere at once. Use it when someone leaves.</WarningText>
              <AccountButton action={switchOffAction} id={account.id} version={account.version} variant="warning">
                Switch off this account
              </AccountButton>
            </>
          ) : null}
          {account.status === 'off' ? (
            <>
              {account.hasPassword ? (
                <AccountButton action={switchOnAction} id={account.id} version={account.version}>
                  Switch this account back on
                </AccountButton>
              ) : (
                <AccountButton action={resendInviteAction} id={account.id} version={account.version}>
                  Send the invite again
                </AccountButton>
              )}
            </>
          ) : null}
          {account.twoStepSince ? (
            <>
              <p>
                If they have lost their phone or security keys and their recovery codes, reset two-step sign-in. This removes
                their app and keys and signs them out.
              </p>
              <AccountButton action={resetTwoStepAction} id={account.id} version={account.version} variant="warning">
                Reset two-step sign-in
              </AccountButton>
            </>
          ) : null}
          {account.signInFailures > 0 ? (
            <AccountButton action={unlockAction} id={account.id} version={account.version}>
              {`Clear sign-in delays (${account.signInFailures} wrong ${account.signInFailures === 1 ? 'password' : 'passwords'} in a row)`}
            </AccountButton>
          ) : null}
        </>
      )}

      <h2 className="heading-m mt-8">History</h2>
      {account.history.length === 0 ? (
        <p>Nothing has been recorded for this account yet.</p>
      ) : (
        <Table
          caption="History of this account, newest first"
          captionHidden
          head={['When', 'What happened', 'Who']}
          rowKeys={account.history.map((h) => h.id)}
          rows={account.history.map((h) => [
            formatDateTime(h.at),
            staffHistoryLabel(h.action),
            h.self ? 'They did' : (h.actorName ?? 'The system'),
          ])}
        />
      )}
    </>
  );
}
