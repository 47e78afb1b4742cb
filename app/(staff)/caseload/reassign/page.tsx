import type { Metadata, Route } from 'next';
import { notFound } from 'next/navigation';
import { PageHeading } from '@/components/layout/PageHeading';
import { BulkReassignForm } from '@/components/cases/BulkReassignForm';
import { BackLink, InsetText, Table, Tag } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { requireRole } from '@/lib/auth/session';
import { caseloadToMove, teamCaseHolders } from '@/lib/cases/reassign';
import { db } from '@/lib/db/client';
import { cleanQuery, isUuid } from '@/lib/forms';
import { formatNumber } from '@/lib/format/numbers';
import { bulkReassignAction } from '../actions';

export const metadata: Metadata = { title: 'Move a whole caseload', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Pick whose caseload: everyone in the team holding open cases (numbers only, no names of people). */
async function Holders({ teamId }: { teamId: string }) {
  const holders = await teamCaseHolders(db(), teamId);
  if (holders.length === 0) return <p>Nobody in your team has open cases.</p>;
  return (
    <Table
      caption="Whose cases can move"
      captionHidden
      head={['Name', { content: 'Open cases', numeric: true }, { content: <span className="visually-hidden">Action</span> }]}
      rowKeys={holders.map((h) => h.id)}
      rows={holders.map((h) => [
        <>
          {h.name}
          {h.active ? null : (
            <>
              {' '}
              <Tag colour="grey">Account off</Tag>
            </>
          )}
        </>,
        { content: formatNumber(h.openCases), numeric: true },
        <Link key="m" href={`/caseload/reassign?from=${h.id}`}>
          Move their cases<span className="visually-hidden"> ({h.name})</span>
        </Link>,
      ])}
    />
  );
}

export default async function BulkReassignPage({ searchParams }: Props) {
  const user = await requireRole('coordinator', 'admin');
  const query = cleanQuery(await searchParams);
  const from = typeof query.from === 'string' ? query.from : '';

  if (!isUuid(from)) {
    return (
      <>
        <BackLink href="/caseload?scope=team">Back to the team caseload</BackLink>
        <PageHeading lead="For someone leaving, off sick for a while, or to balance the team’s caseloads. Choose whose cases move.">
          Move a whole caseload
        </PageHeading>
        {user.teamId && user.role === 'coordinator' ? (
          <Holders teamId={user.teamId} />
        ) : (
          <InsetText>
            Open the person’s account in <Link href="/admin/staff">staff accounts</Link> and choose “Move their open cases”.
          </InsetText>
        )}
      </>
    );
  }

  const toMove = await caseloadToMove(db(), user, from);
  if (!toMove) notFound();
  const { from: who, openCases, waiting, byRag, takers } = toMove;
  const back = (user.role === 'admin' ? `/admin/staff/${who.id}` : '/caseload/reassign') as Route;
  return (
    <>
      <BackLink href={back}>{user.role === 'admin' ? 'Back to the staff account' : 'Back to whose cases to move'}</BackLink>
      <PageHeading caption={who.teamName}>{`Move ${who.name}’s cases`}</PageHeading>
      {openCases === 0 ? (
        <InsetText>{who.name} has no open cases.</InsetText>
      ) : takers.length === 0 ? (
        <InsetText>There is no other active link worker in {who.teamName} to take them.</InsetText>
      ) : (
        <>
          <p className="body-l">
            {who.name} has {formatNumber(openCases)} open {openCases === 1 ? 'case' : 'cases'}
            {who.active ? '' : ' and their account is switched off'}.
          </p>
          <ul className="list-bullet">
            <li>
              {formatNumber(byRag.red)} red, {formatNumber(byRag.amber)} amber, {formatNumber(byRag.green)} green
              {byRag.none ? `, ${formatNumber(byRag.none)} not rated` : ''}
            </li>
            <li>{formatNumber(waiting)} still waiting for first contact</li>
          </ul>
          <p>
            Each case moves with its follow-ups and open referrals; providers’ answers will go to the new link worker. Everything
            moves at once or not at all. Each link worker who takes cases is emailed their references
            {who.active ? `, and so is ${who.name}` : ''}.
          </p>
          <BulkReassignForm
            action={bulkReassignAction}
            from={{ id: who.id, name: who.name }}
            count={openCases}
            workers={takers}
            cancelHref={back}
          />
        </>
      )}
    </>
  );
}
