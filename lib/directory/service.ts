import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { monthsBetween } from './format';
import { isCurrent, nextOccurrences, type Occurrence } from './recurrence';
import type { ScheduleLike } from './schedule';
import { describeSchedule } from './schedule-words';
import { isServiceId } from './shortlist';

const include = {
  organisation: {
    select: {
      id: true,
      name: true,
      description: true,
      website: true,
      email: true,
      phone: true,
      verified: true,
      verifiedAt: true,
      status: true,
    },
  },
  taxonomyTerms: { include: { term: { select: { code: true, name: true, sortOrder: true } } } },
  schedules: { orderBy: [{ freq: 'asc' }, { opensAt: 'asc' }] },
  locations: { include: { location: true } },
} satisfies Prisma.ServiceInclude;

type Loaded = Prisma.ServiceGetPayload<{ include: typeof include }>;

function shape(s: Loaded, now: Date) {
  const schedules = (
    s.schedules as Array<ScheduleLike & { id: string; serviceAtLocationId: string | null; notes: string | null }>
  ).filter((sc) => isCurrent(sc, now));
  const lastChecked = s.assuredAt ?? s.createdAt;
  const age = monthsBetween(lastChecked, now);
  return {
    ...s,
    schedules,
    needs: s.taxonomyTerms.map((t) => t.term).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name)),
    locations: s.locations.map((l) => ({ ...l.location, serviceAtLocationId: l.id })),
    when: schedules.map((sc) => ({ id: sc.id, text: describeSchedule(sc, now), note: sc.description ?? sc.notes ?? null })),
    nextDates: s.status === 'active' ? nextOccurrences(schedules, 3, now) : ([] as Occurrence[]),
    lastChecked,
    stale: age >= config.freshness.warnAfterMonths,
    hiddenFromSearch: age >= config.freshness.hideAfterMonths,
  };
}

/** Everything the public service page shows, or null when there is no such published listing. */
export async function getPublicService(db: Tx, id: string, now: Date = new Date()) {
  if (!isServiceId(id)) return null;
  const s = await db.service.findFirst({
    where: { id, published: true, organisation: { status: { not: 'rejected' } } },
    include,
  });
  return s ? shape(s, now) : null;
}

export type PublicService = NonNullable<Awaited<ReturnType<typeof getPublicService>>>;

/** Several published listings, in the order asked for; unknown ids are left out. */
export async function getPublicServices(db: Tx, ids: string[], now: Date = new Date()): Promise<PublicService[]> {
  const valid = ids.filter(isServiceId);
  if (valid.length === 0) return [];
  const rows = await db.service.findMany({
    where: { id: { in: valid }, published: true, organisation: { status: { not: 'rejected' } } },
    include,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return valid.flatMap((id) => {
    const r = byId.get(id);
    return r ? [shape(r, now)] : [];
  });
}

/** "Ages 18 and over", "Ages 5 to 11", "Up to age 25", "All ages". */
export function ageText(min: number | null, max: number | null): string {
  if (min === null && max === null) return 'All ages';
  if (min !== null && max !== null) return min === max ? `Age ${min} only` : `Ages ${min} to ${max}`;
  if (min !== null) return `Ages ${min} and over`;
  return `Up to age ${max}`;
}

export function addressLines(l: {
  name: string | null;
  address1: string;
  address2: string | null;
  city: string;
  postcode: string;
}): string[] {
  return [l.name, l.address1, l.address2, l.city, l.postcode]
    .filter((x): x is string => Boolean(x && x.trim()))
    .filter((x, i, all) => all.indexOf(x) === i);
}
