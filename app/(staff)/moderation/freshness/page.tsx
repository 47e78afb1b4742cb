import type { Metadata } from 'next';
import { ModerationNav } from '@/components/listings/ModerationNav';
import { PageHeading } from '@/components/layout/PageHeading';
import { Button, NotificationBanner, Table, TableDate, Tag } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { requirePermission } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { BAND_LABELS, freshnessList, reminderIntervalDays } from '@/lib/freshness';
import { nudgeAction } from '../actions';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Listings to check' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const BAND_COLOURS = { hidden: 'red', stale: 'orange', soon: 'yellow' } as const;

export default async function FreshnessPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('moderation.review');
  const sp = cleanQuery(await searchParams);
  const rows = await freshnessList(db());
  const nudged = rows.find((r) => r.id === first(sp.nudged));
  const recipients = Number(first(sp.recipients) ?? '0');
  const { warnAfterMonths, hideAfterMonths } = config.freshness;

  return (
    <>
      {nudged ? (
        <NotificationBanner
          type="success"
          heading={recipients > 0 ? `Reminder sent for ${nudged.name}.` : `${nudged.name} has no one to email.`}
        >
          {recipients > 0 ? null : <p>Add a member or an email address to the group, or check the listing yourself.</p>}
        </NotificationBanner>
      ) : null}
      <PageHeading
        lead={`Listings not checked for ${warnAfterMonths} months show a warning; after ${hideAfterMonths} months they leave search until someone confirms them. Groups are emailed automatically every ${reminderIntervalDays()} days; send a reminder now if you need to.`}
      >
        Listings to check
      </PageHeading>
      <ModerationNav current="/moderation/freshness" />
      {rows.length === 0 ? (
        <p>Every listing has been checked recently.</p>
      ) : (
        <Table
          caption={`${rows.length} listings, longest unchecked first`}
          captionSize="m"
          head={[
            'Listing',
            'Last checked',
            'Last reminder',
            <span key="a" className="visually-hidden">
              Action
            </span>,
          ]}
          rowKeys={rows.map((r) => r.id)}
          rows={rows.map((r) => [
            <span key="n">
              <Link href={`/provider/listings/${r.id}`}>{r.name}</Link>
              <br />
              <span className="hint">{r.organisationName}</span>
            </span>,
            <span key="c">
              {r.neverChecked ? (
                <>
                  Listed <TableDate value={r.lastCheckedAt} />, never checked
                </>
              ) : (
                <TableDate value={r.lastCheckedAt} />
              )}
              <br />
              <Tag colour={BAND_COLOURS[r.band]}>{BAND_LABELS[r.band]}</Tag>
            </span>,
            r.lastNudgedAt ? <TableDate key="n" value={r.lastNudgedAt} /> : 'None',
            <form key="f" action={nudgeAction.bind(null, r.id)}>
              <Button variant="secondary" className="mb-0">
                Send a reminder<span className="visually-hidden"> for {r.name}</span>
              </Button>
            </form>,
          ])}
        />
      )}
    </>
  );
}
