import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { Button, ButtonGroup, FilterDisclosure, NotificationBanner, Radios, Select, TextInput } from '@/components/ui';
import { Link, type Route } from '@/components/ui/Link';
import { Pagination } from '@/components/ui/Pagination';
import { Table } from '@/components/ui/Table';
import { TableDate } from '@/components/ui/TableDate';
import { Tag } from '@/components/ui/Tag';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { pluralDays } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { showingText } from '@/lib/paging/pages';
import type { CaseloadItem } from '@/lib/cases/caseload';
import { caseloadScope, myCaseload, parseCaseloadFilters, recordCaseloadShown, teamCaseloads } from '@/lib/cases/caseload';
import { triesText } from '@/lib/cases/labels';
import { unreadUpdateCount } from '@/lib/referrals/updates';
import { caseStatusTags, ragTags } from '@/components/cases/tags';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Caseload' };

type Filters = ReturnType<typeof parseCaseloadFilters>;

function PersonLink({ item }: { item: CaseloadItem }) {
  return <Link href={`/cases/${item.id}`}>{item.personName}</Link>;
}

function StatusTag({ item }: { item: CaseloadItem }) {
  const tag = caseStatusTags[item.status];
  return <Tag colour={tag.colour}>{tag.text}</Tag>;
}

function Rating({ item }: { item: CaseloadItem }) {
  return item.rag ? <Tag colour={ragTags[item.rag].colour}>{ragTags[item.rag].text}</Tag> : <>Not rated</>;
}

function FollowUp({ item }: { item: CaseloadItem }) {
  if (!item.nextFollowUpOn) return <>None set</>;
  const date = <TableDate value={item.nextFollowUpOn} dateOnly />;
  if (item.followUp === 'overdue')
    return (
      <>
        {date} <Tag colour="red">Overdue</Tag>
      </>
    );
  if (item.followUp === 'today')
    return (
      <>
        {date} <Tag colour="yellow">Today</Tag>
      </>
    );
  return <>{date}</>;
}

/** Tries to reach the person since the last conversation, or nothing. */
const tries = (item: CaseloadItem) => (item.attempts > 0 ? triesText(item.attempts) : '');

/** This caseload's address with its filters, for the page links of "other open cases". */
function caseloadHref(filters: Filters): Route {
  const query = new URLSearchParams();
  query.set('scope', filters.scope);
  if (filters.worker) query.set('worker', filters.worker);
  if (filters.status !== 'all') query.set('status', filters.status);
  if (filters.followUp !== 'any') query.set('followUp', filters.followUp);
  if (filters.rag) query.set('rag', filters.rag);
  if (filters.q) query.set('q', filters.q);
  return `/caseload?${query.toString()}#other-open-cases` as Route;
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function FilterForm({ filters, workers }: { filters: Filters; workers: Array<{ id: string; name: string }> | null }) {
  const applied =
    (filters.worker ? 1 : 0) +
    (filters.status !== 'all' ? 1 : 0) +
    (filters.followUp !== 'any' ? 1 : 0) +
    (filters.rag ? 1 : 0) +
    (filters.q ? 1 : 0);
  return (
    // On a phone the filters fold away behind "Filter cases", so the cases come first.
    <FilterDisclosure label="Filter cases" applied={applied} className="mb-8 border-b border-[#b1b4b6] pb-4">
      <form method="get" action="/caseload" aria-label="Filter cases">
        <div className="flex flex-wrap items-start gap-x-8">
          <Radios
            name="scope"
            legend="Whose cases"
            legendSize="s"
            small
            inline
            defaultValue={filters.scope}
            items={[
              { value: 'mine', label: 'Mine' },
              { value: 'team', label: 'My team’s' },
            ]}
          />
          {workers ? (
            <Select
              id="worker"
              label="Link worker"
              placeholder="Anyone"
              defaultValue={filters.worker ?? ''}
              options={workers.map((w) => ({ value: w.id, label: w.name }))}
            />
          ) : null}
          <Select
            id="status"
            label="Status"
            defaultValue={filters.status}
            options={[
              { value: 'all', label: 'All open cases' },
              { value: 'waiting', label: 'Waiting for first contact' },
              { value: 'active', label: 'Contacted' },
            ]}
          />
          <Select
            id="followUp"
            label="Follow-up"
            defaultValue={filters.followUp}
            options={[
              { value: 'any', label: 'Any' },
              { value: 'due', label: 'Due today or overdue' },
              { value: 'week', label: 'Due within 7 days' },
              { value: 'none', label: 'None set' },
            ]}
          />
          <Select
            id="rag"
            label="Rating"
            placeholder="Any rating"
            defaultValue={filters.rag ?? ''}
            options={[
              { value: 'red', label: 'Red' },
              { value: 'amber', label: 'Amber' },
              { value: 'green', label: 'Green' },
            ]}
          />
          <TextInput id="q" label="Name or reference" defaultValue={filters.q} width="20" autoComplete="off" />
        </div>
        {/* A button group spaces the two apart, so each is a target of its own on a phone. */}
        <ButtonGroup className="mb-0">
          <Button variant="secondary">Apply filters</Button>
          <Link href={`/caseload?scope=${filters.scope}`}>Clear filters</Link>
        </ButtonGroup>
      </form>
    </FilterDisclosure>
  );
}

const first = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function CaseloadPage({ searchParams }: Props) {
  const user = await requireRole('link_worker', 'coordinator');
  const query = cleanQuery(await searchParams);
  const filters = parseCaseloadFilters(query, user.role);
  const now = new Date();
  const team = caseloadScope(user, filters) === 'team';
  const [caseload, loads, unread] = await Promise.all([
    myCaseload(db(), user, now, filters),
    team && user.teamId ? teamCaseloads(db(), user.teamId, now) : Promise.resolve(null),
    unreadUpdateCount(db(), user, now),
  ]);
  await recordCaseloadShown(db(), user, caseload, now);
  const filtered =
    filters.status !== 'all' || filters.followUp !== 'any' || filters.rag !== null || filters.q !== '' || !!filters.worker;
  const coordinator = user.role === 'coordinator';
  const who = (item: CaseloadItem) => (team ? [item.workerName ?? ''] : []);
  const whoHead = team ? ['Link worker'] : [];
  const moved = first(query.moved);
  const workerName = filters.worker ? loads?.find((w) => w.id === filters.worker)?.name : undefined;
  // Sections the filters can leave nothing in are not shown at all.
  const showDue = filters.status !== 'waiting' && filters.followUp !== 'none';
  const showWaiting = filters.status !== 'active' && (filters.followUp === 'any' || filters.followUp === 'none');

  return (
    <>
      {moved && /^\d+$/.test(moved) ? (
        <NotificationBanner type="success" heading={`${formatNumber(Number(moved))} ${moved === '1' ? 'case' : 'cases'} moved`}>
          <p>Each link worker has been emailed the references. The timeline of each case shows the move and the reason.</p>
        </NotificationBanner>
      ) : null}
      <PageHeading caption={workerName}>{team ? 'Team caseload' : 'My caseload'}</PageHeading>

      <ul className="list-plain mb-8 flex flex-wrap gap-x-8 gap-y-2">
        <li>
          <Link href="/caseload/updates">Referral updates{unread > 0 ? ` (${formatNumber(unread)} new)` : ''}</Link>
        </li>
        <li>
          <Link href="/caseload/find">Find a case, open or closed</Link>
        </li>
        {coordinator ? (
          <li>
            <Link href="/caseload/reassign">Move a whole caseload</Link>
          </li>
        ) : null}
      </ul>

      {loads ? (
        <>
          <h2 className="heading-m">Caseloads in your team</h2>
          <p>
            The national standard is 200 to 250 people a year for each full-time link worker. Cases in the last 12 months counts
            every case a worker holds that was open at any time in the last 12 months.
          </p>
          <Table
            caption="Open cases for each link worker"
            captionHidden
            head={[
              'Link worker',
              { content: 'Open cases', numeric: true },
              { content: 'Waiting for first contact', numeric: true },
              { content: 'Follow-ups due', numeric: true },
              { content: 'Cases in the last 12 months', numeric: true },
            ]}
            rowKeys={loads.map((w) => w.id)}
            rows={loads.map((w) => [
              <>
                <Link key="w" href={`/caseload?scope=team&worker=${w.id}`}>
                  {w.name}
                </Link>
                {w.active ? null : (
                  <>
                    {' '}
                    <Tag colour="grey">Account off</Tag>
                  </>
                )}
              </>,
              { content: formatNumber(w.openCases), numeric: true },
              { content: formatNumber(w.waiting), numeric: true },
              { content: formatNumber(w.followUpsDue), numeric: true },
              { content: formatNumber(w.lastYear), numeric: true },
            ])}
          />
        </>
      ) : null}

      {/* Keyed by the filters: a link to other filters (a worker's name) draws the boxes afresh with them. */}
      <FilterForm
        key={JSON.stringify(filters)}
        filters={filters}
        workers={coordinator && loads ? loads.map((w) => ({ id: w.id, name: w.name })) : null}
      />

      {caseload.total === 0 && filtered ? (
        <p>No open cases match these filters.</p>
      ) : caseload.total === 0 ? (
        <>
          <p>{team ? 'Your team has no open assigned cases.' : 'You have no open cases.'}</p>
          <p>When a coordinator assigns a referral to you, it will appear here.</p>
          <p>
            <Link href="/services">Find help in the directory</Link>
          </p>
        </>
      ) : (
        <>
          <p className="body-l">
            {team ? (workerName ? `${workerName} has` : 'Your team has') : filtered ? 'Showing' : 'You have'}{' '}
            {formatNumber(caseload.total)} open {caseload.total === 1 ? 'case' : 'cases'}
            {filtered ? ' matching the filters' : ''}.
            {caseload.due.length > 0
              ? ` ${formatNumber(caseload.due.length)} ${caseload.due.length === 1 ? 'follow-up is' : 'follow-ups are'} due today or overdue.`
              : ''}
          </p>

          {showDue ? <h2 className="heading-m">Follow-ups due</h2> : null}
          {!showDue ? null : caseload.due.length === 0 ? (
            <p>No follow-ups are due today.</p>
          ) : (
            <Table
              caption="Follow-ups due today or overdue"
              captionHidden
              head={['Name', 'Reference', ...whoHead, 'Status', 'Follow-up', 'Tries to contact']}
              rowKeys={caseload.due.map((i) => i.id)}
              rows={caseload.due.map((item) => [
                <PersonLink key="p" item={item} />,
                item.reference,
                ...who(item),
                <StatusTag key="s" item={item} />,
                <FollowUp key="f" item={item} />,
                tries(item),
              ])}
            />
          )}

          {showWaiting ? <h2 className="heading-m">Waiting for first contact</h2> : null}
          {!showWaiting ? null : caseload.awaitingFirstContact.length === 0 ? (
            <p>{team ? 'Everyone assigned in your team has been contacted.' : 'Everyone assigned to you has been contacted.'}</p>
          ) : (
            <Table
              caption="Waiting for first contact, longest waiting first"
              captionHidden
              head={['Name', 'Reference', ...whoHead, 'Received', 'Waiting', 'Rating', 'Tries to contact']}
              rowKeys={caseload.awaitingFirstContact.map((i) => i.id)}
              rows={caseload.awaitingFirstContact.map((item) => [
                <PersonLink key="p" item={item} />,
                item.reference,
                ...who(item),
                <TableDate key="received" value={item.receivedAt} />,
                pluralDays(item.daysWaiting),
                <Rating key="r" item={item} />,
                tries(item),
              ])}
            />
          )}

          {caseload.others.length > 0 ? (
            <>
              <h2 className="heading-m" id="other-open-cases">
                Other open cases
              </h2>
              {caseload.othersPage.totalPages > 1 ? (
                <p>{showingText(caseload.othersPage, caseload.others.length, 'cases')}</p>
              ) : null}
              <Table
                caption="Other open cases, next follow-up first"
                captionHidden
                head={['Name', 'Reference', ...whoHead, 'Status', 'Rating', 'Next follow-up', 'Tries to contact']}
                rowKeys={caseload.others.map((i) => i.id)}
                rows={caseload.others.map((item) => [
                  <PersonLink key="p" item={item} />,
                  item.reference,
                  ...who(item),
                  <StatusTag key="s" item={item} />,
                  <Rating key="r" item={item} />,
                  <FollowUp key="f" item={item} />,
                  tries(item),
                ])}
              />
              <Pagination
                page={caseload.othersPage.page}
                totalPages={caseload.othersPage.totalPages}
                baseHref={caseloadHref(filters)}
                label="Pages of other open cases"
              />
            </>
          ) : null}
        </>
      )}
    </>
  );
}
