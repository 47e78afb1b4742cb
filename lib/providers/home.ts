import type { SessionUser } from '@/lib/auth/types';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import type { CapacityStatus, OrganisationStatus, ServiceStatus } from '@/lib/db/generated/client';
import { londonDateKey, londonMidnight, shiftDateKey } from '@/lib/format/dates';

export type ProviderListing = {
  id: string;
  name: string;
  status: ServiceStatus;
  published: boolean;
  capacityStatus: CapacityStatus;
  capacitySpaces: number | null;
  assuredAt: Date | null;
  /** Not confirmed as accurate within the warning period (or never). */
  needsChecking: boolean;
  /** Referrals sent to this listing that have no answer yet. */
  waitingReferrals: number;
};

export type ProviderOrganisation = {
  id: string;
  name: string;
  status: OrganisationStatus;
  verified: boolean;
  listings: ProviderListing[];
  waitingReferrals: number;
};

export type ProviderHome = { organisations: ProviderOrganisation[]; waitingReferrals: number };

/** A provider's organisations and their listings, with referrals waiting for an answer. Only their own. */
export async function providerHome(
  db: Tx,
  user: Pick<SessionUser, 'id' | 'organisationIds'>,
  now: Date = new Date(),
): Promise<ProviderHome> {
  if (user.organisationIds.length === 0) return { organisations: [], waitingReferrals: 0 };
  const staleBefore = londonMidnight(shiftDateKey(londonDateKey(now), { months: -config.freshness.warnAfterMonths }));

  const organisations = await db.organisation.findMany({
    // Membership is checked here too, so a stale session cannot show an organisation the user has left.
    where: { id: { in: user.organisationIds }, members: { some: { userId: user.id } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      status: true,
      verified: true,
      services: {
        where: { status: { not: 'defunct' } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          name: true,
          status: true,
          published: true,
          capacityStatus: true,
          capacitySpaces: true,
          assuredAt: true,
          _count: { select: { referrals: { where: { status: 'sent' } } } },
        },
      },
    },
  });

  const result = organisations.map((o) => {
    const listings: ProviderListing[] = o.services.map((s) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      published: s.published,
      capacityStatus: s.capacityStatus,
      capacitySpaces: s.capacitySpaces,
      assuredAt: s.assuredAt,
      needsChecking: s.assuredAt === null || s.assuredAt.getTime() < staleBefore.getTime(),
      waitingReferrals: s._count.referrals,
    }));
    return {
      id: o.id,
      name: o.name,
      status: o.status,
      verified: o.verified,
      listings,
      waitingReferrals: listings.reduce((sum, l) => sum + l.waitingReferrals, 0),
    };
  });
  return { organisations: result, waitingReferrals: result.reduce((sum, o) => sum + o.waitingReferrals, 0) };
}
