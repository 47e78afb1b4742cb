import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { referralTagColour } from '@/components/referrals/status';
import { BackLink, Pagination, Table, TableDate, Tag } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatNumber } from '@/lib/format/numbers';
import { requestedPage, showingText } from '@/lib/paging/pages';
import { inboxFilters, listInbox, type InboxFilter } from '@/lib/providers/inbox';
import { statusLabel } from '@/lib/referrals/lifecycle';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Referrals to your services' };

const filterLabels: Record<InboxFilter, string> = {
  waiting: 'Waiting for your answer',
  open: 'Open',
  closed: 'Finished',
  all: 'All',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProviderInboxPage({ searchParams }: Props) {
  const user = await requireRole('provider');
  const query = cleanQuery(await searchParams);
  const filter: InboxFilter = (inboxFilters as readonly string[]).includes(String(query.show))
    ? (query.show as InboxFilter)
    : 'open';
  const { items, counts, page } = await listInbox(db(), user, filter, requestedPage(query.page));
  const showing = showingText(page, items.length, 'referrals');

  return (
    <>
      <BackLink href="/provider">Back to your listings</BackLink>
      <PageHeading>Referrals to your services</PageHeading>
      <p>
        {counts.waiting === 0
          ? 'No referrals are waiting for your answer.'
          : `${formatNumber(counts.waiting)} ${counts.waiting === 1 ? 'referral is' : 'referrals are'} waiting for your answer.`}
      </p>
      <nav aria-label="Filter referrals" className="mb-6">
        <ul className="list-plain flex flex-wrap gap-x-6">
          {inboxFilters.map((f) => (
            <li key={f}>
              {f === filter ? (
                <strong aria-current="page">
                  {filterLabels[f]} ({formatNumber(counts[f])})
                </strong>
              ) : (
                <Link href={`/provider/referrals?show=${f}`}>
                  {filterLabels[f]} ({formatNumber(counts[f])})
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p>There are no referrals here.</p>
      ) : (
        <>
          {showing ? <p className="secondary-text">{showing}</p> : null}
          <Table
            caption={filterLabels[filter]}
            captionHidden
            head={['Reference', 'Service', 'Sent', 'Status', 'Answer by']}
            rowKeys={items.map((i) => i.id)}
            rows={items.map((i) => [
              <Link key="l" href={`/provider/referrals/${i.id}`}>
                {i.reference}
                <span className="visually-hidden">, referral to {i.serviceName}</span>
              </Link>,
              i.serviceName,
              <TableDate key="d" value={i.sentAt} />,
              <Tag key="s" colour={referralTagColour(i.status)}>
                {statusLabel[i.status]}
              </Tag>,
              i.answerBy ? <TableDate key="a" value={i.answerBy} /> : '',
            ])}
          />
          <Pagination
            page={page.page}
            totalPages={page.totalPages}
            baseHref={`/provider/referrals?show=${filter}`}
            label="Pages of referrals"
          />
        </>
      )}
    </>
  );
}
