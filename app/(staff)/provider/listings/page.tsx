import type { Metadata } from 'next';
import { CapacityButtons } from '@/components/listings/CapacityButtons';
import { PageHeading } from '@/components/layout/PageHeading';
import { BackLink, Button, NotificationBanner, Tag } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { CAPACITY_LABELS } from '@/lib/directory/vocab';
import { formatDate } from '@/lib/format/dates';
import { providerListings } from '@/lib/listings/editor';
import { setCapacityAction } from './actions';
import '@/components/listings/listings.css';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Your listings' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ProviderListingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole('provider', 'coordinator', 'admin');
  const params = cleanQuery(await searchParams);
  const organisation = first(params.organisation);
  const groups = await providerListings(
    db(),
    user,
    new Date(),
    organisation && uuid.test(organisation) ? organisation : undefined,
  );
  const capacity = first(params.capacity);
  const changed = groups.flatMap((g) => g.listings).find((l) => l.id === first(params.listing));

  return (
    <>
      {user.role === 'provider' ? <BackLink href="/provider">Back to your home page</BackLink> : null}
      <PageHeading lead="Keep your activities up to date, so people and link workers can trust what they read.">
        Your listings
      </PageHeading>
      {changed && capacity && capacity in CAPACITY_LABELS ? (
        <NotificationBanner type="success" heading={`${changed.name} now shows “${CAPACITY_LABELS[capacity]}”.`} />
      ) : null}
      {groups.length === 0 ? (
        user.role === 'provider' ? (
          <p>
            Your account is not linked to a group yet. <Link href="/groups/join">Register your group</Link>, or ask the person who
            registered it to add you.
          </p>
        ) : (
          <p>Open a group’s listings from the moderation pages.</p>
        )
      ) : null}
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`group-${g.id}`} className="mb-12">
          <h2 className="heading-m" id={`group-${g.id}`}>
            {g.name}
          </h2>
          {g.status === 'pending' ? (
            <p>
              <Tag colour="yellow">Waiting for approval</Tag> A coordinator will check your group. Your listings are published
              once they have been checked.
            </p>
          ) : null}
          <p className="flex flex-wrap gap-4">
            <Button href={`/provider/listings/new?organisation=${g.id}`} className="mb-0">
              Add a listing
            </Button>
            {user.role === 'provider' ? <Link href="/provider/organisation">Your group’s details and members</Link> : null}
          </p>
          {g.listings.length === 0 ? <p>This group has no listings yet.</p> : null}
          <ul className="list-plain">
            {g.listings.map((l) => (
              <li key={l.id} className="border-b border-[var(--color-border)] py-5">
                <h3 className="heading-s mb-2">
                  <Link href={`/provider/listings/${l.id}`}>
                    {l.name}
                    <span className="visually-hidden">: edit the listing</span>
                  </Link>
                </h3>
                <p className="mb-2">
                  {!l.published ? <Tag colour="grey">Not published yet</Tag> : null}{' '}
                  {!l.published && l.waiting !== 'new_listing' ? <Tag colour="blue">Draft</Tag> : null}{' '}
                  {l.status === 'temporarily_closed' ? (
                    <Tag colour="yellow">Paused</Tag>
                  ) : l.status === 'inactive' ? (
                    <Tag colour="grey">Not running</Tag>
                  ) : null}{' '}
                  {l.waiting === 'new_listing' ? <Tag colour="yellow">Waiting for a check</Tag> : null}{' '}
                  {l.waiting === 'change' ? <Tag colour="yellow">Changes waiting for a check</Tag> : null}{' '}
                  {l.openReports ? (
                    <Tag colour="orange">{l.openReports === 1 ? '1 problem reported' : `${l.openReports} problems reported`}</Tag>
                  ) : null}
                </p>
                <p className="mb-2">
                  Last checked {formatDate(l.lastCheckedAt)}
                  {l.needsChecking ? (
                    <>
                      {' '}
                      <Tag colour="yellow">Check it is still right</Tag>
                    </>
                  ) : null}
                  {l.remindedAt ? (
                    <>
                      <br />
                      <span className="secondary-text">We emailed your group a reminder on {formatDate(l.remindedAt)}.</span>
                    </>
                  ) : null}
                </p>
                <CapacityButtons
                  listingName={l.name}
                  current={l.capacityStatus}
                  spaces={l.capacitySpaces}
                  action={setCapacityAction.bind(null, l.id)}
                  returnTo="list"
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
