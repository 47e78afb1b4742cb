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
import { triageHome } from '@/lib/triage/queue';
import { decisionSummary } from '@/lib/triage/case';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Triage' };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function TriagePage({ searchParams }: { searchParams: Search }) {
  const user = await requireRole('coordinator');
  const search = cleanQuery(await searchParams);
  const home = await triageHome(db(), user, { page: requestedPage(search.page) });

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
          <Table
            caption="Referrals waiting, oldest first"
            head={['Reference', 'Received', 'Waiting', 'Source', 'Needs', 'Rating', 'First contact due']}
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
            ])}
          />
          {showing ? <p>{showing}</p> : null}
          {/* Page links go to plain /triage: the banner after a decision is not carried from page to page. */}
          <Pagination page={home.paging.page} totalPages={home.paging.totalPages} baseHref="/triage" label="Pages of the queue" />
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
