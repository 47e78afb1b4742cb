import type { Metadata } from 'next';
import { ModerationNav } from '@/components/listings/ModerationNav';
import { PageHeading } from '@/components/layout/PageHeading';
import { NotificationBanner, Table, TableDate, Tag } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { KIND_LABELS, moderationQueue, recentDecisions } from '@/lib/moderation';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Listing changes to check' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const DONE: Record<string, string> = {
  approve: 'Approved and published. The group has been told.',
  send_back: 'Sent back. The group has your message.',
  close: 'Problem report closed.',
};

const KIND_COLOURS = {
  new_listing: 'blue',
  change: 'turquoise',
  problem_report: 'orange',
  organisation_change: 'purple',
} as const;
const STATUS_TEXT = { approved: 'Approved', sent_back: 'Sent back', closed: 'Closed', pending: 'Waiting' } as const;

export default async function ModerationPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('moderation.review');
  const done = first(cleanQuery(await searchParams).done);
  const queue = await moderationQueue(db());
  const recent = await recentDecisions(db(), 8);

  return (
    <>
      <PageHeading lead="New listings, changes to a listing’s name, description, needs or contact details, changes to a group’s own details, and problems people have reported. Oldest first.">
        Listing changes to check
      </PageHeading>
      <ModerationNav current="/moderation" />
      {done && DONE[done] ? <NotificationBanner type="success" heading={DONE[done]} /> : null}
      {queue.length === 0 ? (
        <p>Nothing is waiting. Well done.</p>
      ) : (
        <Table
          caption={`${queue.length} waiting`}
          captionSize="m"
          head={['Listing', 'What', 'Sent', 'Details']}
          rowKeys={queue.map((q) => q.id)}
          rows={queue.map((q) => [
            <span key="l">
              <Link href={`/moderation/${q.id}`}>
                {q.serviceName}
                <span className="visually-hidden">: {KIND_LABELS[q.kind].toLowerCase()}</span>
              </Link>
              {q.kind === 'organisation_change' ? null : (
                <>
                  <br />
                  <span className="hint">{q.organisationName}</span>
                </>
              )}
              {q.organisationPending ? (
                <>
                  {' '}
                  <Tag colour="yellow">New group</Tag>
                </>
              ) : null}
            </span>,
            <Tag key="k" colour={KIND_COLOURS[q.kind]}>
              {KIND_LABELS[q.kind]}
            </Tag>,
            <TableDate key="d" value={q.createdAt} />,
            q.fieldLabels.length ? q.fieldLabels.join(', ') : (q.summary ?? ''),
          ])}
        />
      )}
      {recent.length ? (
        <>
          <h2 className="heading-m">Recently decided</h2>
          <ul className="list-bullet">
            {recent.map((r) => (
              <li key={r.id}>
                <Link href={`/moderation/${r.id}`}>{r.serviceName || 'A listing'}</Link>: {KIND_LABELS[r.kind].toLowerCase()},{' '}
                {STATUS_TEXT[r.status].toLowerCase()}
                {r.reviewedAt ? ` on ${formatDate(r.reviewedAt)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
