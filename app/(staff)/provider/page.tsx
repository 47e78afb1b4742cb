import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { Link } from '@/components/ui/Link';
import { NotificationBanner } from '@/components/ui/NotificationBanner';
import { Table } from '@/components/ui/Table';
import { Tag } from '@/components/ui/Tag';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { organisationStatusTags, serviceStatusTags } from '@/components/listings/tags';
import { CAPACITY_LABELS } from '@/lib/directory/vocab';
import { providerHome, type ProviderListing } from '@/lib/providers/home';

export const metadata: Metadata = { title: 'Your listings and referrals' };

function capacity(listing: ProviderListing): string {
  const label = CAPACITY_LABELS[listing.capacityStatus];
  if (listing.capacityStatus === 'open' && listing.capacitySpaces != null) {
    return `${label} (${formatNumber(listing.capacitySpaces)} ${listing.capacitySpaces === 1 ? 'place' : 'places'})`;
  }
  return label;
}

export default async function ProviderPage() {
  const user = await requireRole('provider');
  const home = await providerHome(db(), user);

  return (
    <>
      <PageHeading>Your listings and referrals</PageHeading>

      {home.organisations.length === 0 ? (
        <>
          <p>Your account is not linked to a group yet.</p>
          <p>
            If your group is new to this directory, <Link href="/groups/join">list your group for free</Link>. If it is already
            listed, ask the person who registered it to add you.
          </p>
        </>
      ) : (
        <>
          {home.waitingReferrals > 0 ? (
            <NotificationBanner
              title="Referrals waiting"
              heading={`${formatNumber(home.waitingReferrals)} ${home.waitingReferrals === 1 ? 'referral is' : 'referrals are'} waiting for your answer.`}
            >
              <p>Answer each one so the person and their link worker know what happens next.</p>
              <p>
                <Link href="/provider/referrals?show=waiting">Answer the referrals waiting</Link>
              </p>
            </NotificationBanner>
          ) : (
            <p>No referrals are waiting for your answer.</p>
          )}
          <ul className="list-bullet">
            <li>
              <Link href="/provider/referrals">All referrals to your activities</Link>
            </li>
            <li>
              <Link href="/provider/figures">Your figures for funding bids</Link>
            </li>
            <li>
              <Link href="/provider/listings">Your listings</Link>
            </li>
            <li>
              <Link href="/provider/listings/new">Add a listing</Link>
            </li>
            <li>
              <Link href="/provider/organisation">Your group</Link>
            </li>
          </ul>

          {home.organisations.map((organisation) => {
            const tag = organisationStatusTags[organisation.status];
            return (
              <section key={organisation.id} aria-labelledby={`org-${organisation.id}`} className="mb-10">
                <h2 id={`org-${organisation.id}`} className="heading-m">
                  {organisation.name}
                </h2>
                <p>
                  <Tag colour={tag.colour}>{tag.text}</Tag>
                  {organisation.verified ? ' Checked by the council: the group exists and its contact details are genuine.' : ''}
                </p>
                {organisation.listings.length === 0 ? (
                  <p>This group has no listings yet.</p>
                ) : (
                  <Table
                    caption={`Listings for ${organisation.name}`}
                    captionHidden
                    head={['Listing', 'Status', 'Space', 'Last checked', { content: 'Referrals waiting', numeric: true }]}
                    rowKeys={organisation.listings.map((l) => l.id)}
                    rows={organisation.listings.map((listing) => {
                      const status = serviceStatusTags[listing.status];
                      return [
                        <Link key="n" href={`/provider/listings/${listing.id}`}>
                          {listing.name}
                        </Link>,
                        <span key="s">
                          <Tag colour={status.colour}>{status.text}</Tag>
                          {listing.published ? null : (
                            <>
                              {' '}
                              <Tag colour="grey">Not published yet</Tag>
                            </>
                          )}
                        </span>,
                        capacity(listing),
                        listing.assuredAt ? (
                          <span key="c">
                            {formatDate(listing.assuredAt)}
                            {listing.needsChecking ? (
                              <>
                                {' '}
                                <Tag colour="yellow">Check it is still right</Tag>
                              </>
                            ) : null}
                          </span>
                        ) : (
                          <Tag key="c" colour="yellow">
                            Never checked
                          </Tag>
                        ),
                        { content: formatNumber(listing.waitingReferrals), numeric: true },
                      ];
                    })}
                  />
                )}
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
