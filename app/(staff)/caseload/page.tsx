import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { Button, ButtonGroup, FilterDisclosure, Radios, Select, TextInput } from '@/components/ui';
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
import { caseloadScope, myCaseload, parseCaseloadFilters, recordCaseloadShown } from '@/lib/cases/caseload';
import { caseStatusTags, ragTags } from '@/components/cases/tags';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'My caseload' };

function PersonLink({ item }: { item: CaseloadItem }) {
  return <Link href={`/cases/${item.id}`}>{item.personName}</Link>;
}

function StatusTag({ item }: { item: CaseloadItem }) {
  const tag = caseStatusTags[item.status];
  return <Tag colour={tag.colour}>{tag.text}</Tag>;
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

/** This caseload's address with its filters, for the page links of "other open cases". */
function caseloadHref(filters: ReturnType<typeof parseCaseloadFilters>): Route {
  const query = new URLSearchParams();
  if (filters.scope !== 'mine') query.set('scope', filters.scope);
  if (filters.show !== 'all') query.set('show', filters.show);
  if (filters.rag) query.set('rag', filters.rag);
  if (filters.q) query.set('q', filters.q);
  const text = query.toString();
  return text ? `/caseload?${text}#other-open-cases` : '/caseload#other-open-cases';
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Filters({ filters }: { filters: ReturnType<typeof parseCaseloadFilters> }) {
  const applied = (filters.show !== 'all' ? 1 : 0) + (filters.rag ? 1 : 0) + (filters.q ? 1 : 0);
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
          <Select
            id="show"
            label="Show"
            defaultValue={filters.show}
            options={[
              { value: 'all', label: 'All open cases' },
              { value: 'due', label: 'Follow-ups due or overdue' },
              { value: 'waiting', label: 'Waiting for first contact' },
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
        <ButtonGroup>
          <Button variant="secondary">Apply filters</Button>
          <Link href="/caseload">Clear filters</Link>
        </ButtonGroup>
      </form>
    </FilterDisclosure>
  );
}

export default async function CaseloadPage({ searchParams }: Props) {
  const user = await requireRole('link_worker', 'coordinator');
  const filters = parseCaseloadFilters(cleanQuery(await searchParams));
  const now = new Date();
  const caseload = await myCaseload(db(), user, now, filters);
  await recordCaseloadShown(db(), user, caseload, now);
  const filtered = filters.show !== 'all' || filters.rag !== null || filters.q !== '';
  const team = caseloadScope(user, filters) === 'team';
  const who = (item: CaseloadItem) => (team ? [item.workerName ?? ''] : []);
  const whoHead = team ? ['Link worker'] : [];

  return (
    <>
      <PageHeading>{team ? 'Team caseload' : 'My caseload'}</PageHeading>
      <Filters filters={filters} />

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
            {team ? 'Your team has' : filtered ? 'Showing' : 'You have'} {formatNumber(caseload.total)} open{' '}
            {caseload.total === 1 ? 'case' : 'cases'}
            {filtered ? ' matching the filters' : ''}.
            {caseload.due.length > 0
              ? ` ${formatNumber(caseload.due.length)} ${caseload.due.length === 1 ? 'follow-up is' : 'follow-ups are'} due today or overdue.`
              : ''}
          </p>

          {filters.show === 'waiting' ? null : <h2 className="heading-m">Follow-ups due</h2>}
          {filters.show === 'waiting' ? null : caseload.due.length === 0 ? (
            <p>No follow-ups are due today.</p>
          ) : (
            <Table
              caption="Follow-ups due today or overdue"
              captionHidden
              head={['Name', 'Reference', ...whoHead, 'Status', 'Follow-up']}
              rowKeys={caseload.due.map((i) => i.id)}
              rows={caseload.due.map((item) => [
                <PersonLink key="p" item={item} />,
                item.reference,
                ...who(item),
                <StatusTag key="s" item={item} />,
                <FollowUp key="f" item={item} />,
              ])}
            />
          )}

          {filters.show === 'due' ? null : <h2 className="heading-m">Waiting for first contact</h2>}
          {filters.show === 'due' ? null : caseload.awaitingFirstContact.length === 0 ? (
            <p>Everyone assigned to you has been contacted.</p>
          ) : (
            <Table
              caption="Waiting for first contact, longest waiting first"
              captionHidden
              head={['Name', 'Reference', ...whoHead, 'Received', 'Waiting', 'Rating']}
              rowKeys={caseload.awaitingFirstContact.map((i) => i.id)}
              rows={caseload.awaitingFirstContact.map((item) => [
                <PersonLink key="p" item={item} />,
                item.reference,
                ...who(item),
                <TableDate key="r" value={item.receivedAt} />,
                pluralDays(item.daysWaiting),
                item.rag ? <Tag colour={ragTags[item.rag].colour}>{ragTags[item.rag].text}</Tag> : 'Not rated',
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
                head={['Name', 'Reference', ...whoHead, 'Status', 'Next follow-up']}
                rowKeys={caseload.others.map((i) => i.id)}
                rows={caseload.others.map((item) => [
                  <PersonLink key="p" item={item} />,
                  item.reference,
                  ...who(item),
                  <StatusTag key="s" item={item} />,
                  <FollowUp key="f" item={item} />,
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
