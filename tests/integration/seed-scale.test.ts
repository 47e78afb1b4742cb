import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { isIntakeReference } from '@/lib/intake/reference';
import { moves } from '@/lib/referrals/lifecycle';
import { seedDemo } from '@/prisma/seed/demo';
import { seedScale, type ScaleReport } from '@/prisma/seed/scale';

// The benchmark generator at a hundredth of one unit: the same SQL as the full run, small enough for CI.
const NOW = new Date('2026-11-23T10:30:00Z');

let env: Awaited<ReturnType<typeof freshDatabase>>;
let db: PrismaClient;
let report: ScaleReport;

const one = async (sql: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(sql))[0].n);

beforeAll(async () => {
  env = await freshDatabase();
  db = env.db;
  await seedDemo(db, { now: NOW });
  report = await seedScale(db, 0.01);
}, 240_000);

afterAll(async () => {
  await env?.drop();
});

describe('scale seed', () => {
  it('adds services with places, times and needs, and referral histories', async () => {
    expect(report.skipped).toBe(false);
    expect(
      await one(
        `SELECT count(*) AS n FROM "Service" s JOIN "Organisation" o ON o.id = s."organisationId" WHERE o.email LIKE '%@county-groups.example.org'`,
      ),
    ).toBe(200);
    expect(await one(`SELECT count(*) AS n FROM "Service" WHERE "searchVector" IS NULL`)).toBe(0);
    expect(
      await one(
        `SELECT count(*) AS n FROM "Service" s WHERE NOT EXISTS (SELECT 1 FROM "ServiceTaxonomy" t WHERE t."serviceId" = s.id)`,
      ),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) AS n FROM "Service" s WHERE NOT EXISTS (SELECT 1 FROM "Schedule" t WHERE t."serviceId" = s.id)`),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) AS n FROM "Location" l LEFT JOIN "Postcode" p ON p.postcode = l.postcode WHERE p.postcode IS NULL`,
      ),
    ).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM "Postcode" WHERE postcode !~ '^EB[1-9][0-9]? [0-9][ABD-HJLNP-UW-Z]{2}$'`)).toBe(
      0,
    );
    expect(
      await one(
        `SELECT count(*) AS n FROM "Schedule" WHERE freq <> 'ONCE' AND rrule !~ '^FREQ=(WEEKLY|MONTHLY);INTERVAL=[12];(BYDAY=((-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU),?)+|BYMONTHDAY=[0-9]{1,2})$'`,
      ),
    ).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM "Case" WHERE reference LIKE 'SC-%'`)).toBe(1000);
    // One shape of reference everywhere, the one the service gives out (lib/intake/reference.ts).
    const references = await db.$queryRawUnsafe<{ reference: string }[]>(
      `SELECT reference FROM "Case" WHERE reference ~ '^S[CN]-'`,
    );
    expect(references.length).toBeGreaterThan(1000);
    expect(references.filter((r) => !isIntakeReference(r.reference))).toEqual([]);
    // The triage queue: new referrals, none assigned, each with a person who agreed to be contacted.
    expect(
      await one(`
      SELECT count(*) AS n FROM "Case" c WHERE c.reference LIKE 'SN-%' AND c."assignedWorkerId" IS NULL AND c."closedAt" IS NULL
        AND (c.status = 'received' AND c.rag IS NULL OR c.status = 'triaged' AND c.rag IS NOT NULL AND c."triagedAt" >= c."receivedAt")
        AND EXISTS (SELECT 1 FROM "Consent" k WHERE k."personId" = c."personId" AND k.scope = 'contact')
        AND EXISTS (SELECT 1 FROM "CaseNeed" n WHERE n."caseId" = c.id)`),
    ).toBe(3);
    const statuses = await db.$queryRawUnsafe<{ status: string }[]>(
      `SELECT DISTINCT r.status::text AS status FROM "Referral" r JOIN "Case" c ON c.id = r."caseId" WHERE c.reference LIKE 'SC-%'`,
    );
    expect(statuses.map((s) => s.status).sort()).toEqual(Object.keys(moves).sort());
  });

  it('moves every referral only along the allowed transitions, with the right actors', async () => {
    const allowed = Object.entries(moves)
      .flatMap(([from, tos]) => tos.map((to) => `('${from}','${to}')`))
      .join(',');
    expect(
      await one(`
      WITH allowed(f, t) AS (VALUES ${allowed})
      SELECT count(*) AS n FROM "ReferralEvent" e
      WHERE e."fromStatus" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM allowed a WHERE a.f = e."fromStatus"::text AND a.t = e."toStatus"::text)`),
    ).toBe(0);
    expect(
      await one(`
      WITH o AS (SELECT "fromStatus", "toStatus", lag("toStatus") OVER w AS prev, row_number() OVER w AS rn FROM "ReferralEvent"
                 WINDOW w AS (PARTITION BY "referralId" ORDER BY "createdAt", id))
      SELECT count(*) AS n FROM o WHERE (rn = 1 AND ("fromStatus" IS NOT NULL OR "toStatus" <> 'draft')) OR (rn > 1 AND "fromStatus" IS DISTINCT FROM prev)`),
    ).toBe(0);
    expect(
      await one(`
      WITH l AS (SELECT DISTINCT ON ("referralId") "referralId", "toStatus" FROM "ReferralEvent" ORDER BY "referralId", "createdAt" DESC, id DESC),
           c AS (SELECT "referralId", count(*) AS k FROM "ReferralEvent" GROUP BY 1)
      SELECT count(*) AS n FROM "Referral" r LEFT JOIN l ON l."referralId" = r.id LEFT JOIN c ON c."referralId" = r.id
      WHERE l."toStatus" IS DISTINCT FROM r.status OR c.k IS DISTINCT FROM r.version`),
    ).toBe(0);
    expect(
      await one(`
      SELECT count(*) AS n FROM "ReferralEvent" WHERE
        ("actorKind" IN ('worker', 'provider') AND "actorId" IS NULL)
        OR ("actorKind" = 'system' AND "toStatus" <> 'expired')
        OR ("actorKind" IN ('provider', 'answer_link') AND "toStatus" NOT IN ('accepted', 'waitlisted', 'declined', 'attending', 'did_not_attend', 'completed'))
        OR ("actorKind" = 'worker' AND NOT "onBehalf" AND "toStatus" NOT IN ('draft', 'sent', 'withdrawn'))
        OR ("toStatus" = 'declined' AND reason NOT IN ('full', 'not_eligible', 'not_suitable', 'could_not_contact', 'other'))`),
    ).toBe(0);
  });

  it('keeps each worker at 80 open cases, and nothing dated after the anchor', async () => {
    const open = await db.$queryRawUnsafe<{ n: bigint }[]>(`
      SELECT count(*) AS n FROM "Case" c JOIN "User" u ON u.id = c."assignedWorkerId"
      WHERE u.email LIKE 'worker%@county.example.org' AND c.status <> 'closed' GROUP BY u.id`);
    expect(open.map((r) => Number(r.n))).toEqual([80]);
    const anchor = `(SELECT (value #>> '{}')::timestamp FROM "Setting" WHERE key = 'demo.anchor')`;
    expect(await one(`SELECT count(*) AS n FROM "ReferralEvent" WHERE "createdAt" > ${anchor}`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM "Conversation" WHERE "occurredAt" > ${anchor}`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM "Case" WHERE "closedAt" > ${anchor} OR "receivedAt" > ${anchor}`)).toBe(0);
    expect(
      await one(`SELECT count(*) AS n FROM "Referral" r JOIN "Case" c ON c.id = r."caseId" WHERE r."createdAt" < c."receivedAt"`),
    ).toBe(0);
  });

  it('inserts nothing when run again', async () => {
    const skipped = await seedScale(db, 0.01);
    expect(skipped.skipped).toBe(true);
    const forced = await seedScale(db, 0.01, { force: true });
    expect(forced.steps.filter((s) => s.step !== 'VACUUM ANALYZE').every((s) => s.rows === 0)).toBe(true);
    await expect(seedScale(db, 0.02)).rejects.toThrow(/fresh database/);
  }, 120_000);
});
