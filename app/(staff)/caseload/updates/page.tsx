import type { Metadata, Route } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { BackLink, Button, NotificationBanner, Table, Tag } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { Pagination } from '@/components/ui/Pagination';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { cleanQuery } from '@/lib/forms';
import { requestedPage, showingText } from '@/lib/paging/pages';
import { declineReasonLabel, isDeclineReason } from '@/lib/referrals/lifecycle';
import { referralUpdates, UPDATES_WINDOW_DAYS, type ReferralUpdate } from '@/lib/referrals/updates';
import { markAllUpdatesReadAction, markUpdateReadAction } from '../actions';

export const metadata: Metadata = { title: 'Referral updates', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const whatHappened: Record<ReferralUpdate['kind'], string> = {
  accepted: 'Accepted',
  waitlisted: 'Put on the waiting list',
  declined: 'Declined',
  attending: 'Started attending',
  did_not_attend: 'Did not attend',
  completed: 'Completed the activity',
  expired: 'No answer in time: expired',
  reminder: 'No answer yet: reminder sent to the provider',
};

const byWhom: Record<ReferralUpdate['by'], string> = {
  provider: 'the provider',
  answer_link: 'the provider, by the link in their email',
  worker: 'a link worker, for the provider',
  system: 'automatically',
};

function What({ u }: { u: ReferralUpdate }) {
  const reason = u.kind === 'declined' && isDeclineReason(u.reason) ? `: ${declineReasonLabel[u.reason].toLowerCase()}` : '';
  return (
    <>
      {whatHappened[u.kind]}
      {reason}
      <span className="block body-s secondary-text">By {byWhom[u.by]}</span>
    </>
  );
}

const doneBanners: Record<string, string> = { read: 'Marked as read.', 'all-read': 'All updates marked as read.' };

export default async function ReferralUpdatesPage({ searchParams }: Props) {
  const user = await requireRole('link_worker', 'coordinator');
  const query = cleanQuery(await searchParams);
  const show = query.show === 'all' ? 'all' : 'unread';
  const now = new Date();
  const { updates, page, unread } = await db().$transaction((tx) =>
    referralUpdates(tx, user, { show, page: requestedPage(query.page), now }),
  );
  const done = typeof query.done === 'string' ? doneBanners[query.done] : undefined;
  const team = user.role === 'coordinator';
  const here = (extra: Record<string, string> = {}) =>
    `/caseload/updates?${new URLSearchParams({ show, ...extra }).toString()}` as Route;

  return (
    <>
      <BackLink href="/caseload">Back to caseload</BackLink>
      {done ? <NotificationBanner type="success" heading={done} /> : null}
      <PageHeading
        lead={`What providers answered on ${team ? 'your team’s' : 'your'} referrals, reminders sent and referrals that got no answer, over the last ${UPDATES_WINDOW_DAYS} days.`}
      >
        Referral updates
      </PageHeading>

      <nav aria-label="Which updates" className="mb-6">
        <ul className="list-plain flex flex-wrap gap-x-8">
          <li>
            {show === 'unread' ? (
              <strong>Unread ({formatNumber(unread)})</strong>
            ) : (
              <Link href="/caseload/updates">Unread ({formatNumber(unread)})</Link>
            )}
          </li>
          <li>{show === 'all' ? <strong>All</strong> : <Link href="/caseload/updates?show=all">All</Link>}</li>
        </ul>
      </nav>

      {unread > 0 ? (
        <form action={markAllUpdatesReadAction} className="mb-6">
          <input type="hidden" name="upTo" value={now.toISOString()} />
          <input type="hidden" name="show" value={show} />
          <Button variant="secondary" className="mb-0">
            Mark all as read
          </Button>
        </form>
      ) : null}

      {updates.length === 0 ? (
        <p>
          {show === 'unread'
            ? 'No unread updates. When a provider answers a referral, or one gets no answer in time, it will appear here.'
            : `No updates in the last ${UPDATES_WINDOW_DAYS} days.`}
        </p>
      ) : (
        <>
          {showingText(page, updates.length, 'updates') ? <p>{showingText(page, updates.length, 'updates')}</p> : null}
          <Table
            caption="Referral updates, unread first, newest first"
            captionHidden
            head={[
              'When',
              'Case',
              'Service',
              'What happened',
              ...(team ? ['Link worker'] : []),
              { content: <span className="visually-hidden">Read</span> },
            ]}
            rowKeys={updates.map((u) => u.key)}
            rows={updates.map((u) => [
              formatDateTime(u.at),
              <>
                <Link href={`/cases/${u.caseId}#referral-${u.referralId}`}>{u.personName}</Link>
                <span className="block body-s">{u.reference}</span>
              </>,
              u.serviceName,
              <What key="w" u={u} />,
              ...(team ? [u.workerName ?? 'Not assigned'] : []),
              u.read ? (
                <Tag colour="grey">Read</Tag>
              ) : (
                <form key="r" action={markUpdateReadAction}>
                  <input type="hidden" name="key" value={u.key} />
                  <input type="hidden" name="show" value={show} />
                  <input type="hidden" name="page" value={page.page} />
                  <Button variant="secondary" className="mb-0">
                    Mark as read
                    <span className="visually-hidden">
                      : {whatHappened[u.kind].toLowerCase()}, {u.reference}
                    </span>
                  </Button>
                </form>
              ),
            ])}
          />
          <Pagination page={page.page} totalPages={page.totalPages} baseHref={here()} label="Pages of updates" />
        </>
      )}
    </>
  );
}
