import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { ReferralStatus } from '@/lib/db/generated/enums';
import { demoAccounts, DEMO_PROVIDER_ORGANISATION } from '@/lib/demo/accounts';
import { verifyPassword } from '@/lib/auth/password';
import { actorMayMake, canMove, type ActorKind } from '@/lib/referrals/lifecycle';
import { seedDemo, type SeedReport } from '@/prisma/seed/demo';
import { themes } from '@/prisma/seed/data/taxonomy';
import { runSearch } from '@/lib/directory/directory';
import { emptySearch } from '@/lib/directory/search-params';
import { EXAMPLE_POSTCODE } from '@/lib/geo/postcode';
import { isIntakeReference } from '@/lib/intake/reference';
import { listingsDueForNudge } from '@/lib/freshness';
import { providerListings } from '@/lib/listings/editor';

const NOW = new Date('2026-11-23T10:30:00Z');
const DAY = 86_400_000;

let env: Awaited<ReturnType<typeof freshDatabase>>;
let db: PrismaClient;
let first: SeedReport;

async function tableCounts(): Promise<Record<string, number>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`);
    out[name] = Number(row.n);
  }
  return out;
}

async function checksums(): Promise<Record<string, string>> {
  const [row] = await db.$queryRawUnsafe<Record<string, string>[]>(`
    SELECT
      (SELECT md5(string_agg(id::text || name || coalesce("assuredAt"::text, '') || "capacityStatus"::text, ',' ORDER BY id)) FROM "Service") AS services,
      (SELECT md5(string_agg(id::text || "receivedAt"::text || status::text || coalesce("closedAt"::text, ''), ',' ORDER BY id)) FROM "Case") AS cases,
      (SELECT md5(string_agg(id::text || "toStatus"::text || "createdAt"::text, ',' ORDER BY id)) FROM "ReferralEvent") AS events,
      (SELECT md5(string_agg(id::text || name || coalesce(postcode, ''), ',' ORDER BY id)) FROM "Person") AS people,
      (SELECT md5(string_agg(key || value::text, ',' ORDER BY key)) FROM "Setting") AS settings`);
  return row;
}

beforeAll(async () => {
  env = await freshDatabase();
  db = env.db;
  first = await seedDemo(db, { now: NOW });
}, 180_000);

afterAll(async () => {
  await env?.drop();
});

describe('demo seed', () => {
  it('fills a borough: at least 400 services from 150 organisations, and 600 people', async () => {
    expect(await db.service.count()).toBeGreaterThanOrEqual(400);
    expect(await db.organisation.count()).toBeGreaterThanOrEqual(150);
    expect(await db.person.count()).toBeGreaterThanOrEqual(600);
    expect(await db.ward.count()).toBeGreaterThanOrEqual(12);
    expect(await db.area.count()).toBeGreaterThanOrEqual(70);
    expect(await db.postcode.count()).toBeGreaterThanOrEqual(300);
    const deciles = await db.area.groupBy({ by: ['imdDecile'] });
    expect(deciles.map((d) => d.imdDecile).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const population = await db.area.aggregate({ _sum: { population: true } });
    expect(population._sum.population).toBeGreaterThan(100_000);
    expect(population._sum.population).toBeLessThan(140_000);
  });

  it('uses every needs theme on a published, active service', async () => {
    const terms = await db.taxonomyTerm.findMany({
      select: { code: true, _count: { select: { services: { where: { service: { published: true, status: 'active' } } } } } },
    });
    expect(terms.map((t) => t.code).sort()).toEqual(themes.map((t) => t.code).sort());
    for (const t of terms) expect(t._count.services, t.code).toBeGreaterThan(0);
    const synonyms = await db.taxonomyTerm.findUniqueOrThrow({ where: { code: 'loneliness-and-isolation' } });
    expect(synonyms.synonyms).toContain('lonely');
  });

  it('places every location at a postcode the postcode table resolves, inside the borough', async () => {
    const unresolved = await db.$queryRawUnsafe<{ n: bigint }[]>(`
      SELECT count(*) AS n FROM "Location" l LEFT JOIN "Postcode" p ON p.postcode = l.postcode
      WHERE p.postcode IS NULL OR l."areaId" IS DISTINCT FROM p."areaId"`);
    expect(Number(unresolved[0].n)).toBe(0);
    const postcodes = await db.postcode.findMany({ select: { postcode: true, latitude: true, longitude: true } });
    for (const p of postcodes) {
      expect(p.postcode).toMatch(/^EB[1-9] [0-9][ABD-HJLNP-UW-Z]{2}$/);
      expect(p.latitude).toBeGreaterThan(51.3);
      expect(p.latitude).toBeLessThan(51.5);
      expect(p.longitude).toBeGreaterThan(-0.9);
      expect(p.longitude).toBeLessThan(-0.6);
    }
    const inPerson = await db.service.count({ where: { deliveryModes: { has: 'in_person' }, locations: { none: {} } } });
    expect(inPerson).toBe(0);
  });

  it('shows when stale listings were last sent the “still right?” e-mail, with some due one now', async () => {
    const anchor = first.anchor.getTime();
    const reminded = await db.service.findMany({
      where: { checkRemindedAt: { not: null } },
      select: { checkRemindedAt: true, assuredAt: true, createdAt: true, published: true },
    });
    expect(reminded.length).toBeGreaterThan(10);
    for (const s of reminded) {
      expect(s.published).toBe(true);
      expect(s.checkRemindedAt!.getTime()).toBeLessThanOrEqual(anchor);
      expect(s.checkRemindedAt!.getTime()).toBeGreaterThan(anchor - 57 * DAY);
      expect(s.checkRemindedAt!.getTime()).toBeGreaterThan((s.assuredAt ?? s.createdAt).getTime() + 180 * DAY);
    }
    expect((await listingsDueForNudge(db, first.anchor, 1000)).length).toBeGreaterThan(0);
    const provider = demoAccounts.find((a) => a.role === 'provider')!;
    const user = await db.user.findUniqueOrThrow({ where: { email: provider.email }, include: { memberships: true } });
    const groups = await providerListings(
      db,
      {
        id: user.id,
        name: user.name,
        email: user.email,
        role: 'provider',
        teamId: null,
        organisationIds: user.memberships.map((m) => m.organisationId),
      },
      first.anchor,
    );
    expect(groups.flatMap((g) => g.listings).some((l) => l.remindedAt !== null)).toBe(true);
  });

  it('gives every case a reference in the one shape read out over the phone', async () => {
    const cases = await db.case.findMany({ select: { reference: true } });
    expect(cases.length).toBeGreaterThan(500);
    expect(cases.filter((c) => !isIntakeReference(c.reference))).toEqual([]);
    expect(cases.filter((c) => !c.reference.startsWith('EB-'))).toEqual([]);
  });

  it('knows the example postcode the site shows, so typing it finds services nearest first', async () => {
    expect(await db.postcode.findUnique({ where: { postcode: EXAMPLE_POSTCODE } })).not.toBeNull();
    const out = await runSearch(db, { ...emptySearch, place: EXAMPLE_POSTCODE }, {}, { now: first.anchor, suggest: false });
    expect(out.errors).toEqual({});
    expect(out.place?.label).toBe(EXAMPLE_POSTCODE);
    expect(out.total).toBeGreaterThan(0);
    expect(out.results[0].distanceMiles).not.toBeNull();
  });

  it('spreads freshness: most checked within six months, some older, a few over a year, a few never', async () => {
    const anchor = first.anchor.getTime();
    const services = await db.service.findMany({ where: { published: true }, select: { assuredAt: true } });
    const age = services.map((s) => (s.assuredAt ? (anchor - s.assuredAt.getTime()) / DAY : null));
    const share = (f: (x: number | null) => boolean) => age.filter(f).length / age.length;
    expect(share((x) => x !== null && x < 182)).toBeGreaterThan(0.65);
    expect(share((x) => x !== null && x >= 182 && x < 365)).toBeGreaterThan(0.08);
    expect(share((x) => x !== null && x >= 182 && x < 365)).toBeLessThan(0.25);
    expect(share((x) => x !== null && x >= 365)).toBeGreaterThan(0.03);
    expect(share((x) => x === null)).toBeGreaterThan(0);
    expect(await db.service.count({ where: { published: false } })).toBeGreaterThan(0);
    for (const c of ['open', 'waiting_list', 'full'] as const)
      expect(await db.service.count({ where: { capacityStatus: c } })).toBeGreaterThan(0);
    for (const s of ['temporarily_closed', 'inactive'] as const)
      expect(await db.service.count({ where: { status: s } })).toBeGreaterThan(0);
    const freqs = await db.schedule.groupBy({ by: ['freq', 'interval'] });
    expect(freqs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ freq: 'WEEKLY', interval: 1 }),
        expect.objectContaining({ freq: 'WEEKLY', interval: 2 }),
        expect.objectContaining({ freq: 'MONTHLY' }),
        expect.objectContaining({ freq: 'ONCE' }),
      ]),
    );
    const once = await db.schedule.findMany({ where: { freq: 'ONCE' } });
    for (const s of once) expect(s.validFrom?.getTime()).toBe(s.validTo?.getTime());
    const monthly = await db.schedule.findMany({ where: { freq: 'MONTHLY' }, select: { byDay: true } });
    expect(monthly.some((s) => s.byDay.some((d) => /^[1-4](MO|TU|WE|TH|FR|SA|SU)$/.test(d)))).toBe(true);
    for (const s of await db.schedule.findMany({ where: { freq: { not: 'ONCE' } }, select: { rrule: true } })) {
      expect(s.rrule).toMatch(/^FREQ=(WEEKLY|MONTHLY);INTERVAL=\d+;(BYDAY|BYMONTHDAY)=/);
    }
    expect(await db.organisation.count({ where: { status: 'pending' } })).toBeGreaterThan(0);
    expect(await db.listingChangeRequest.count({ where: { status: 'pending', kind: 'change' } })).toBeGreaterThan(0);
    expect(await db.listingChangeRequest.count({ where: { status: 'pending', kind: 'problem_report' } })).toBeGreaterThan(0);
    expect(await db.serviceVersion.count()).toBeGreaterThan(0);
  });

  it('has referrals in every status, each history following the allowed moves', async () => {
    const statuses = await db.referral.groupBy({ by: ['status'], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(Object.values(ReferralStatus).sort());

    const events = await db.referralEvent.findMany({
      orderBy: [{ referralId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      select: {
        referralId: true,
        fromStatus: true,
        toStatus: true,
        actorKind: true,
        actorId: true,
        onBehalf: true,
        reason: true,
        createdAt: true,
      },
    });
    const referrals = new Map(
      (
        await db.referral.findMany({ select: { id: true, status: true, version: true, createdAt: true, declineReason: true } })
      ).map((r) => [r.id, r]),
    );
    const byReferral = new Map<string, typeof events>();
    for (const e of events) byReferral.set(e.referralId, [...(byReferral.get(e.referralId) ?? []), e]);
    expect(byReferral.size).toBe(referrals.size);
    for (const [id, list] of byReferral) {
      const ref = referrals.get(id)!;
      expect(list[0].fromStatus).toBeNull();
      expect(list[0].toStatus).toBe('draft');
      for (let i = 1; i < list.length; i++) {
        const e = list[i];
        expect(e.fromStatus).toBe(list[i - 1].toStatus);
        expect(canMove(e.fromStatus!, e.toStatus), `${e.fromStatus} -> ${e.toStatus}`).toBe(true);
        expect(actorMayMake(e.actorKind as ActorKind, e.toStatus, e.onBehalf), `${e.actorKind} -> ${e.toStatus}`).toBe(true);
        if (e.actorKind === 'worker' || e.actorKind === 'provider') expect(e.actorId).not.toBeNull();
        if (e.toStatus === 'declined')
          expect(['full', 'not_eligible', 'not_suitable', 'could_not_contact', 'other']).toContain(e.reason);
        expect(e.createdAt.getTime()).toBeGreaterThanOrEqual(list[i - 1].createdAt.getTime());
      }
      expect(list[list.length - 1].toStatus).toBe(ref.status);
      expect(ref.version).toBe(list.length);
      if (ref.status === 'declined') expect(ref.declineReason).not.toBeNull();
      expect(list[list.length - 1].createdAt.getTime()).toBeLessThanOrEqual(first.anchor.getTime());
    }
  });

  it('gives the demo accounts working passwords, caseloads, follow-ups and an inbox', async () => {
    for (const a of demoAccounts) {
      const user = await db.user.findUniqueOrThrow({ where: { email: a.email } });
      expect(user.role).toBe(a.role);
      expect(await verifyPassword(user.passwordHash, a.password)).toBe(true);
      expect(user.passwordHash.startsWith('$argon2id$')).toBe(true);
    }
    const today = new Date(Date.UTC(2026, 10, 23));
    const workers = demoAccounts.filter((a) => a.role === 'link_worker');
    const teams = new Set<string>();
    for (const a of workers) {
      const user = await db.user.findUniqueOrThrow({ where: { email: a.email } });
      teams.add(user.teamId!);
      const open = await db.case.count({ where: { assignedWorkerId: user.id, status: { not: 'closed' } } });
      expect(open, a.email).toBeGreaterThanOrEqual(40);
      expect(open, a.email).toBeLessThanOrEqual(120);
      // As the caseload reads it: the latest conversation that has not been corrected.
      const active = await db.case.findMany({
        where: { assignedWorkerId: user.id, status: 'active' },
        select: {
          conversations: {
            where: { supersededBy: { is: null } },
            orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }],
            take: 1,
            select: { nextFollowUpOn: true },
          },
        },
      });
      const next = active.map((c) => c.conversations[0]?.nextFollowUpOn?.getTime() ?? null);
      const due = next.filter((t) => t === today.getTime()).length;
      const overdue = next.filter((t) => t !== null && t < today.getTime()).length;
      expect(due, a.email).toBeGreaterThan(0);
      expect(overdue, a.email).toBeGreaterThan(0);
    }
    expect(teams.size).toBe(2);

    const provider = await db.user.findUniqueOrThrow({
      where: { email: 'provider@demo.example' },
      include: { memberships: { include: { organisation: true } } },
    });
    expect(provider.memberships.map((m) => m.organisation.name)).toContain(DEMO_PROVIDER_ORGANISATION);
    const orgId = provider.memberships[0].organisationId;
    expect(await db.service.count({ where: { organisationId: orgId } })).toBeGreaterThanOrEqual(3);
    expect(await db.referral.count({ where: { service: { organisationId: orgId }, status: 'sent' } })).toBeGreaterThanOrEqual(3);
  });

  it('leaves new referrals in the triage queue, some over target, and realistic waits', async () => {
    const coordinator = await db.user.findUniqueOrThrow({ where: { email: 'coordinator@demo.example' } });
    const queue = await db.case.findMany({
      where: { teamId: coordinator.teamId!, status: 'received' },
      select: { receivedAt: true },
    });
    expect(queue.length).toBeGreaterThan(3);
    // A few have waited well past any target; the rest arrived in the last day or two.
    const waited = queue.map((c) => (first.anchor.getTime() - c.receivedAt.getTime()) / DAY);
    expect(waited.filter((d) => d > 5).length).toBeGreaterThan(0);
    expect(waited.filter((d) => d <= 5).length).toBeGreaterThan(0);

    const waits = (
      await db.case.findMany({ where: { firstContactAt: { not: null } }, select: { receivedAt: true, firstContactAt: true } })
    )
      .map((c) => (c.firstContactAt!.getTime() - c.receivedAt.getTime()) / DAY)
      .sort((a, b) => a - b);
    const median = waits[Math.floor(waits.length / 2)];
    expect(median).toBeGreaterThan(3);
    expect(median).toBeLessThan(10);
    expect(waits[Math.floor(waits.length * 0.95)]).toBeGreaterThan(median * 2);

    const sources = await db.case.groupBy({ by: ['source'], _count: true });
    const total = sources.reduce((s, x) => s + x._count, 0);
    const self = sources.find((s) => s.source === 'self')!._count / total;
    expect(self).toBeGreaterThan(0.3);
    expect(self).toBeLessThan(0.5);
    expect(await db.case.count({ where: { outcome: 'signposted_first_contact' } })).toBeGreaterThan(0);
    expect(await db.signpost.count()).toBeGreaterThan(0);
    expect(await db.unmetNeed.count()).toBeGreaterThan(100);
    expect(await db.safeguardingConcern.count()).toBeGreaterThan(0);
    expect(await db.case.count({ where: { receivedAt: { lt: new Date(first.anchor.getTime() - 500 * DAY) } } })).toBeGreaterThan(
      0,
    );
  });

  it('keeps people clearly fictional and search logs anonymous', async () => {
    const people = await db.person.findMany({ select: { phone: true, email: true, areaId: true, postcode: true } });
    for (const p of people) {
      if (p.phone) expect(p.phone).toMatch(/^07700 900\d{3}$/);
      if (p.email) expect(p.email).toMatch(/@example\.com$/);
      expect(p.areaId).not.toBeNull();
    }
    expect(await db.person.count({ where: { ethnicity: 'declined' } })).toBeGreaterThan(0);
    const logs = await db.searchLog.findMany({ select: { terms: true, filters: true, district: true } });
    expect(logs.filter((l) => l.district !== null).length).toBeGreaterThan(0);
    expect(await db.searchLog.count({ where: { resultCount: 0 } })).toBeGreaterThan(0);
    const fullPostcode = /[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}/i;
    for (const l of logs) {
      expect(l.terms).not.toMatch(fullPostcode);
      expect(JSON.stringify(l.filters)).not.toMatch(fullPostcode);
    }
  });

  it('changes nothing when run again, even on a later day', async () => {
    const counts = await tableCounts();
    const sums = await checksums();
    const again = await seedDemo(db, { now: new Date(NOW.getTime() + 3 * DAY) });
    expect(again.anchor.toISOString()).toBe(first.anchor.toISOString());
    expect(Object.values(again.inserted).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await tableCounts()).toEqual(counts);
    expect(await checksums()).toEqual(sums);
    console.log(`demo seed: first run ${first.ms} ms, second run ${again.ms} ms`);
  }, 180_000);
});
