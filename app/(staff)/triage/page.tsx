import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { InsetText } from '@/components/ui/InsetText';
import { Link } from '@/components/ui/Link';
import { NotificationBanner } from '@/components/ui/NotificationBanner';
import { Pagination } from '@/components/ui/Pagination';
import { Table } from '@/components/ui/Table';
import { Tag } from '@/components/ui/Tag';
import { requireRole } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { formatDate, pluralDays } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { requestedPage, showingText } from '@/lib/paging/pages';
import { ragTags } from '@/components/cases/tags';
import { sourceLabels } from '@/lib/cases/labels';
import { triageDueFilters, triageHome, triageSorts, type TriageRagFilter } from '@/lib/triage/queue';
import { Button, Select } from '@/components/ui';
import { triesText } from '@/lib/cases/labels';
import type { Route } from 'next';
import { decisionSummary } from '@/lib/triage/case';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Triage' };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const pick = <T extends string>(value: string, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

type QueueView = { sort: (typeof triageSorts)[number]; rag: TriageRagFilter; due: (typeof triageDueFilters)[number] };

/** How the queue is sorted and filtered; red first by default (a red referral due today is never far down). */
function QueueForm({ view }: { view: QueueView }) {
  return (
    <form method="get" action="/triage" aria-label="Sort and filter the queue" className="mb-6">
      <div className="flex flex-wrap items-start gap-x-8">
        <Select
          id="sort"
          label="Sort by"
          defaultValue={view.sort}
          options={[
            { value: 'priority', label: 'Red first, then first contact due' },
            { value: 'due', label: 'First contact due' },
            { value: 'oldest', label: 'Oldest first' },
          ]}
        />
        <Select
          id="rag"
          label="Rating"
          placeholder="Any rating"
          defaultValue={view.rag ?? ''}
          options={[
            { value: 'red', label: 'Red' },
            { value: 'amber', label: 'Amber' },
            { value: 'green', label: 'Green' },
            { value: 'none', label: 'Not rated' },
          ]}
        />
        <Select
          id="due"
          label="First contact due"
          defaultValue={view.due}
          options={[
            { value: 'any', label: 'Any time' },
            { value: 'today', label: 'Today or over target' },
            { value: 'over', label: 'Over target' },
          ]}
        />
      </div>
      <Button variant="secondary" className="mb-0">
        Show
      </Button>
    </form>
  );
}

/** The queue's address with its sort and filters, for the page links. */
function queueHref(view: QueueView): Route {
  const query = new URLSearchParams();
  if (view.sort !== 'priority') query.set('sort', view.sort);
  if (view.rag) query.set('rag', view.rag);
  if (view.due !== 'any') query.set('due', view.due);
  const text = query.toString();
  return (text ? `/triage?${text}` : '/triage') as Route;
}

export default async function TriagePage({ searchParams }: { searchParams: Search }) {
  const user = await requireRole('coordinator');
  const search = cleanQuery(await searchParams);
  const view: QueueView = {
    sort: pick(one(search.sort), triageSorts, 'priority'),
    rag: ['red', 'amber', 'green', 'none'].includes(one(search.rag)) ? (one(search.rag) as TriageRagFilter) : null,
    due: pick(one(search.due), triageDueFilters, 'any'),
  };
  const home = await triageHome(db(), user, { page: requestedPage(search.page), ...view });
  const filtered = view.rag !== null || view.due !== 'any';

  if (home.kind === 'no-team') {
    return (
      <>
        <PageHeading>Triage</PageHeading>
        <p>You are not in a team yet, so there is no queue to show.</p>
        <p>Ask the service administrator to add you to your team.</p>
      </>
    );
  }

  const assignedId = one(search.assigned);
  const signpostedId = one(search.signposted);
  const decided =
    user.teamId && (assignedId || signpostedId) ? await decisionSummary(db(), assignedId || signpostedId, user.teamId) : null;

  const targets = config.triageTargetWorkingDays;
  const showing = showingText(home.paging, home.items.length, 'referrals');
  return (
    <>
      {decided ? (
        <NotificationBanner
          type="success"
          heading={assignedId ? `${decided.reference} assigned` : `${decided.reference} closed as signposted`}
        >
          <p>
            {assignedId && decided.workerName
              ? `${decided.workerName} now has this referral on their caseload.`
              : 'It counts as resolved at first contact.'}
          </p>
        </NotificationBanner>
      ) : null}
      <PageHeading caption={home.teamName}>Triage</PageHeading>

      {home.waiting === 0 ? (
        <>
          <h2 className="heading-m">Referrals waiting</h2>
          <p>There are no referrals waiting for triage. New referrals for your team will appear here, oldest first.</p>
        </>
      ) : (
        <>
          <p className="body-l">
            {formatNumber(home.waiting)} {home.waiting === 1 ? 'referral is' : 'referrals are'} waiting to be rated or assigned.{' '}
            {home.overTarget > 0 ? (
              <strong>
                {formatNumber(home.overTarget)} {home.overTarget === 1 ? 'is' : 'are'} over target.
              </strong>
            ) : (
              'None is over target.'
            )}
          </p>
          <QueueForm view={view} />
          {filtered ? (
            <p>
              {formatNumber(home.matching)} {home.matching === 1 ? 'referral matches' : 'referrals match'}.{' '}
              <Link href="/triage">Show all</Link>
            </p>
          ) : null}
          <Table
            caption={`Referrals waiting, ${view.sort === 'oldest' ? 'oldest first' : view.sort === 'due' ? 'first contact due soonest first' : 'red first, then first contact due'}`}
            head={['Reference', 'Received', 'Waiting', 'Source', 'Needs', 'Rating', 'First contact due', 'Tries to contact']}
            rowKeys={home.items.map((item) => item.id)}
            rows={home.items.map((item) => [
              <Link key="ref" href={`/triage/${item.id}`} className="whitespace-nowrap">
                {item.reference}
              </Link>,
              formatDate(item.receivedAt, { short: true }),
              `${pluralDays(item.daysWaiting)} (${item.workingDaysWaiting} working)`,
              sourceLabels[item.source],
              item.needs.length ? item.needs.join(', ') : 'None given',
              item.rag ? <Tag colour={ragTags[item.rag].colour}>{ragTags[item.rag].text}</Tag> : 'Not rated',
              item.overTarget ? (
                <>
                  <Tag colour="red">Over target</Tag>
                  <span className="block">was due {formatDate(item.dueBy, { short: true })}</span>
                </>
              ) : (
                `${formatDate(item.dueBy, { short: true })} (${item.targetWorkingDays} working ${item.targetWorkingDays === 1 ? 'day' : 'days'})`
              ),
              item.attempts > 0 ? triesText(item.attempts) : 'None',
            ])}
          />
          {showing ? <p>{showing}</p> : null}
          {/* Page links keep the sort and filters, not the banner after a decision. */}
          <Pagination
            page={home.paging.page}
            totalPages={home.paging.totalPages}
            baseHref={queueHref(view)}
            label="Pages of the queue"
          />
          <InsetText>
            Targets for first contact: red within {targets.red} working days, amber within {targets.amber}, green within{' '}
            {targets.green}. A referral that has not been rated yet is held to the red target.
          </InsetText>
        </>
      )}

      <h2 className="heading-m">Link workers in your team</h2>
      {home.workers.length === 0 ? (
        <p>There are no link workers in your team yet.</p>
      ) : (
        <Table
          caption="Open cases and follow-ups due for each link worker"
          captionHidden
          head={[
            'Link worker',
            { content: 'Open cases', numeric: true },
            { content: 'Follow-ups due or overdue', numeric: true },
          ]}
          rowKeys={home.workers.map((w) => w.id)}
          rows={home.workers.map((w) => [
            w.name,
            { content: formatNumber(w.openCases), numeric: true },
            { content: formatNumber(w.followUpsDue), numeric: true },
          ])}
        />
      )}
    </>
  );
}
