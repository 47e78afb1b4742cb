// Bulk data for benchmarks: a county-sized directory and years of referral history, generated
// inside PostgreSQL with set-based INSERT ... SELECT FROM generate_series. Every value comes from
// a hash of the row number, so a second run produces the same rows and inserts nothing new.
// It builds on the demo borough (taxonomy, postcodes, GP practices), so seed that first.
import type { PrismaClient } from '../../lib/db/generated/client';
import { hashPassword } from '../../lib/auth/password';
import { templates } from './data/templates';
import { themes } from './data/taxonomy';
import { ANCHOR_KEY } from './demo';
import { STAFF_PASSWORD } from './build/staff';
import { UNIT_LETTERS } from './data/geography';
import { REFERENCE_ALPHABET } from '../../lib/intake/reference';

export const SCALE_KEY = 'demo.scale';

/** How much one unit of scale holds. */
export const PER_SCALE = {
  services: 20_000,
  organisations: 5_000,
  locations: 8_000,
  postcodes: 3_000,
  workers: 50,
  teams: 5,
  providers: 200,
  cases: 100_000,
  openCasesPerWorker: 80,
  /** New referrals in the triage queues (not yet assigned): about five days' intake of a team. */
  waitingPerTeam: 60,
  referrals: 250_000,
  searchLogs: 50_000,
};

export interface ScaleReport {
  n: number;
  skipped: boolean;
  steps: { step: string; rows: number; ms: number }[];
  counts: Record<string, number>;
  sizes: { table: string; rows: number; bytes: number }[];
  ms: number;
}

// ---------- deterministic SQL expressions ----------

/** A non-negative 63-bit hash of an integer expression and a salt. */
const H = (expr: string, salt: number) => `(hashint8extended((${expr})::bigint, ${salt}) & 9223372036854775807)`;
/** An integer in [0, m). */
const R = (expr: string, salt: number, m: number | string) => `(${H(expr, salt)} % (${m}))`;
/** A float in [0, 1). */
const F = (expr: string, salt: number) => `((${H(expr, salt)} % 1000003)::float8 / 1000003)`;
/** A name-based UUID (version 5 layout) from a text key expression. */
const UID = (key: string) => `(overlay(overlay(md5(${key}) placing '5' from 13) placing '8' from 17))::uuid`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (items: readonly string[]) => `(ARRAY[${items.map(lit).join(',')}]::text[])`;
/**
 * A case reference in the service's one shape (lib/intake/reference.ts), like "SC-XXXX-XXXX": the
 * row number times a prime, modulo the number of 8-character codes, spelled in the reference
 * alphabet. The prime does not divide that number, so every row number below it gets its own code.
 * The prefix keeps them apart from the demo borough's (EB) and tells the kinds of rows apart.
 */
const REFERENCE = (prefix: 'SC' | 'SN', n: string) => {
  const size = BigInt(REFERENCE_ALPHABET.length);
  const code = `(((${n})::bigint * 7919) % ${size ** 8n})`;
  const ch = (k: number) => `substr(${lit(REFERENCE_ALPHABET)}, (${code} / ${size ** BigInt(k)} % ${size})::int + 1, 1)`;
  return `('${prefix}-' || ${[7, 6, 5, 4].map(ch).join(' || ')} || '-' || ${[3, 2, 1, 0].map(ch).join(' || ')})`;
};

/** Picks from a text array with a hashed index. */
const PICK = (items: readonly string[], expr: string, salt: number) => `${arr(items)}[1 + ${R(expr, salt, items.length)}]`;

const PLACE_A = [
  'Ash',
  'Brook',
  'Cold',
  'Elm',
  'Fair',
  'Green',
  'High',
  'King',
  'Long',
  'Mill',
  'North',
  'Oak',
  'Red',
  'South',
  'Stone',
  'West',
  'White',
  'Wood',
  'Bar',
  'Hazel',
  'Chal',
  'Wickham',
  'Thorn',
  'Mead',
];
const PLACE_B = ['field', 'ford', 'ham', 'ley', 'ton', 'well', 'wick', 'bury', 'combe', 'den', 'stead', 'hurst'];
const VENUES = [
  'Village Hall',
  'Community Centre',
  'Library',
  'Church Hall',
  'Sports Club',
  'Methodist Church',
  'Scout Hut',
  'Memorial Hall',
  'Leisure Centre',
  'Family Hub',
  'Baptist Church',
  'Parish Room',
];
const STREETS = [
  'High Street',
  'Station Road',
  'Church Lane',
  'Mill Lane',
  'London Road',
  'The Green',
  'Park Road',
  'Victoria Road',
  'School Lane',
  'Manor Road',
  'Chapel Street',
  'Queens Road',
];
const ORG_KINDS = [
  'Community Association',
  'Good Neighbours',
  'Carers Group',
  'Age Well',
  'Family Network',
  'Wellbeing Trust',
  'Men\u2019s Shed',
  'Walking Group',
  'Lunch Club',
  'Food Bank',
  'Arts Collective',
  'Residents\u2019 Association',
  'Community Choir',
  'Youth Project',
  'Advice Centre',
  'Dementia Friends',
  'Bowls Club',
  'Parish Church',
  'Gardening Club',
  'Volunteer Centre',
];
const FIRST = [
  'Margaret',
  'David',
  'Priya',
  'John',
  'Fatima',
  'Peter',
  'Grace',
  'Piotr',
  'Susan',
  'Mohammed',
  'Olena',
  'Kwame',
  'Linda',
  'Raj',
  'Siobhan',
  'Wei',
  'Emma',
  'Tom',
  'Sita',
  'Winston',
  'Hannah',
  'Imran',
  'Joan',
  'Callum',
];
const LAST = [
  'Smith',
  'Patel',
  'Jones',
  'Khan',
  'Taylor',
  'Nowak',
  'Brown',
  'Okafor',
  'Wilson',
  'Gurung',
  'Murphy',
  'Singh',
  'Evans',
  'Chan',
  'Campbell',
  'Hughes',
  'Mensah',
  'Walker',
  'Shevchenko',
  'Clarke',
];
const WHAT = [
  'Getting out more and meeting people.',
  'Sorting out money worries.',
  'Feeling less anxious.',
  'Getting fitter.',
  'Support as a carer.',
  'Something to do each week.',
  'Help after a bereavement.',
  'Learning to use a tablet.',
];
const SEARCH_TERMS = [
  'walking',
  'lonely',
  'dementia',
  'carers',
  'debt',
  'food bank',
  'chair yoga',
  'lunch club',
  'choir',
  'toddler group',
  'benefits',
  'digital help',
  'bereavement',
  'men\u2019s shed',
  'exercise',
  'volunteering',
  '',
];
const ZERO_TERMS = [
  'autism social group adults',
  'evening carers group',
  'polish counselling',
  'gambling support',
  'weekend lunch club',
  'menopause group',
];

/** Referral histories: the statuses after draft, with days between steps. Closed cases use CLOSED, open ones OPEN. */
type Step = [status: string, days: number];
const CLOSED: { weight: number; steps: Step[] }[] = [
  {
    weight: 5,
    steps: [
      ['sent', 0.02],
      ['accepted', 3],
      ['attending', 6],
      ['completed', 60],
    ],
  },
  {
    weight: 2,
    steps: [
      ['sent', 0.02],
      ['accepted', 2],
      ['attending', 7],
    ],
  },
  {
    weight: 2,
    steps: [
      ['sent', 0.02],
      ['accepted', 4],
      ['did_not_attend', 8],
    ],
  },
  {
    weight: 3,
    steps: [
      ['sent', 0.02],
      ['declined', 3],
    ],
  },
  {
    weight: 2,
    steps: [
      ['sent', 0.02],
      ['waitlisted', 2],
      ['accepted', 30],
      ['attending', 5],
      ['completed', 45],
    ],
  },
  {
    weight: 1,
    steps: [
      ['sent', 0.02],
      ['expired', 14],
      ['sent', 3],
      ['accepted', 2],
      ['attending', 5],
      ['completed', 40],
    ],
  },
  {
    weight: 1,
    steps: [
      ['sent', 0.02],
      ['expired', 14],
    ],
  },
  {
    weight: 1,
    steps: [
      ['sent', 0.02],
      ['withdrawn', 5],
    ],
  },
  { weight: 1, steps: [['withdrawn', 2]] },
  {
    weight: 1,
    steps: [
      ['sent', 0.02],
      ['waitlisted', 4],
      ['declined', 40],
    ],
  },
  {
    weight: 1,
    steps: [
      ['sent', 0.02],
      ['accepted', 3],
      ['attending', 5],
      ['withdrawn', 20],
    ],
  },
];
const OPEN: { weight: number; steps: Step[] }[] = [
  { weight: 1, steps: [] },
  { weight: 2, steps: [['sent', 0.02]] },
  {
    weight: 2,
    steps: [
      ['sent', 0.02],
      ['accepted', 2],
    ],
  },
  {
    weight: 1,
    steps: [
      ['sent', 0.02],
      ['waitlisted', 2],
    ],
  },
  {
    weight: 2,
    steps: [
      ['sent', 0.02],
      ['accepted', 2],
      ['attending', 3],
    ],
  },
  {
    weight: 1,
    steps: [
      ['sent', 0.02],
      ['declined', 2],
    ],
  },
  {
    weight: 1,
    steps: [
      ['sent', 0.02],
      ['expired', 14],
    ],
  },
];
const PROVIDER_MOVES = new Set(['accepted', 'waitlisted', 'declined', 'attending', 'did_not_attend', 'completed']);

/**
 * The referral paths as SQL: one VALUES row per (path, step) with the days since the draft, and
 * arrays indexed by path id for what the Referral row needs (final status, length, when sent...).
 */
function pathTable() {
  const rows: string[] = [];
  const info: {
    total: number;
    len: number;
    final: string;
    decline: string | null;
    sent: number | null;
    responded: number | null;
  }[] = [];
  const closedSlots: number[] = [];
  const openSlots: number[] = [];
  const add = (list: typeof CLOSED, slots: number[]) => {
    for (const p of list) {
      const id = info.length + 1;
      const steps: Step[] = [['draft', 0], ...p.steps];
      let at = 0;
      let sent: number | null = null;
      let responded: number | null = null;
      let decline: string | null = null;
      steps.forEach(([status, days], i) => {
        at += i === 0 ? 0 : days;
        const from = i === 0 ? null : steps[i - 1][0];
        const actor = status === 'expired' ? 'system' : PROVIDER_MOVES.has(status) ? 'provider' : 'worker';
        if (status === 'declined') decline = ['full', 'not_eligible', 'not_suitable', 'could_not_contact'][id % 4];
        const reason = status === 'declined' ? lit(decline!) : status === 'expired' ? lit('No answer within 14 days.') : 'NULL';
        if (status === 'sent') {
          sent = at;
          responded = null;
        }
        if (from === 'sent' && ['accepted', 'waitlisted', 'declined'].includes(status)) responded = at;
        rows.push(`(${id}, ${i}, ${from === null ? 'NULL' : lit(from)}, ${lit(status)}, ${lit(actor)}, ${reason}, ${at})`);
      });
      info.push({ total: at, len: steps.length, final: steps[steps.length - 1][0], decline, sent, responded });
      for (let w = 0; w < p.weight; w++) slots.push(id);
    }
  };
  add(CLOSED, closedSlots);
  add(OPEN, openSlots);
  const num = (xs: (number | null)[]) => `(ARRAY[${xs.map((x) => (x === null ? 'NULL' : String(x))).join(',')}]::float8[])`;
  const text = (xs: (string | null)[]) => `(ARRAY[${xs.map((x) => (x === null ? 'NULL' : lit(x))).join(',')}]::text[])`;
  const mean = (slots: number[]) => slots.reduce((sum, id) => sum + info[id - 1].len, 0) / slots.length;
  return {
    steps: (alias: string) =>
      `(VALUES ${rows.join(', ')}) AS ${alias}(path, step, from_status, to_status, actor, reason, at_days)`,
    closed: `(ARRAY[${closedSlots.join(',')}])`,
    open: `(ARRAY[${openSlots.join(',')}])`,
    closedCount: closedSlots.length,
    openCount: openSlots.length,
    total: num(info.map((i) => i.total)),
    len: `(ARRAY[${info.map((i) => i.len).join(',')}])`,
    final: text(info.map((i) => i.final)),
    decline: text(info.map((i) => i.decline)),
    sent: num(info.map((i) => i.sent)),
    responded: num(info.map((i) => i.responded)),
    closedMean: mean(closedSlots),
    openMean: mean(openSlots),
  };
}

export async function seedScale(
  db: PrismaClient,
  n: number,
  options: { log?: (m: string) => void; force?: boolean } = {},
): Promise<ScaleReport> {
  if (!(n > 0) || !Number.isFinite(n))
    throw new Error('scale must be a positive number (1 = 20,000 services and about a million referral events)');
  const log = options.log ?? (() => {});
  const started = Date.now();
  const anchorRow = await db.setting.findUnique({ where: { key: ANCHOR_KEY } });
  if (!anchorRow)
    throw new Error('Seed the demo borough first (seedDemo): the scale data uses its taxonomy, postcodes and practices.');
  const anchor = new Date(String(anchorRow.value));
  const done = await db.setting.findUnique({ where: { key: SCALE_KEY } });
  const steps: ScaleReport['steps'] = [];
  if (done && Number(done.value) === n && !options.force) {
    log(`Scale ${n} is already loaded; nothing to do.`);
    return { n, skipped: true, steps, counts: await counts(db), sizes: await sizes(db), ms: Date.now() - started };
  }
  // Row numbers map to cases, workers and dates through the totals, so another scale on top would mix two layouts.
  if (done && Number(done.value) !== n)
    throw new Error(`Scale ${Number(done.value)} is already loaded here; load scale ${n} into a fresh database.`);

  // Fractions (for tests) keep the proportions: four services per organisation, ten workers a team.
  const P = PER_SCALE;
  const of = (x: number) => Math.max(1, Math.round(x * n));
  const O = of(P.organisations);
  const S = O * (P.services / P.organisations);
  const L = of(P.locations);
  const PC = Math.min(200_000, of(P.postcodes));
  const W = of(P.workers);
  const TEAMS = Math.ceil(W / 10);
  const PROV = Math.min(O, of(P.providers));
  const C = Math.max(of(P.cases), W * P.openCasesPerWorker * 2);
  const OPEN_CASES = W * P.openCasesPerWorker;
  const CLOSED_CASES = C - OPEN_CASES;
  const REF = Math.round((C * P.referrals) / P.cases);
  const WAIT = TEAMS * Math.max(3, Math.round(P.waitingPerTeam * Math.min(1, n)));
  const A = `'${anchor.toISOString()}'::timestamp`;
  const DAY = `interval '1 day'`;

  const terms = await db.taxonomyTerm.findMany({
    where: { code: { in: themes.map((t) => t.code) } },
    orderBy: { sortOrder: 'asc' },
    select: { id: true, code: true },
  });
  if (terms.length !== themes.length) throw new Error('The demo taxonomy is missing; seed the demo first.');
  const termArr = `(ARRAY[${terms.map((t) => lit(t.id)).join(',')}]::uuid[])`;
  const termIndex = new Map(terms.map((t, i) => [t.code, i + 1]));
  const practices = await db.gpPractice.findMany({ orderBy: { code: 'asc' }, select: { id: true } });
  const practiceArr = `(ARRAY[${practices.map((p) => lit(p.id)).join(',')}]::uuid[])`;
  const demoPostcodes = await db.postcode.count({ where: { areaId: { not: null } } });
  const paths = pathTable();
  const expectedEvents = Math.round(((REF * CLOSED_CASES) / C) * paths.closedMean + ((REF * OPEN_CASES) / C) * paths.openMean);
  log(
    `Scale ${n}: ${S} services, ${C} cases, ${REF} referrals, about ${expectedEvents} referral events, ${W} link workers in ${TEAMS} teams, ${WAIT} referrals waiting for triage`,
  );

  const tplJson = JSON.stringify(
    templates.map((t, i) => ({
      i,
      names: t.names.map((x) => x.replace(/\{venue\}/g, '{place} {venuekind}').replace(/\{org\}/g, '{place}')),
      descriptions: t.descriptions.map((x) =>
        x
          .replace(/\{venue\}/g, 'the {venuekind}')
          .replace(/volunteers from \{org\}/g, 'local volunteers')
          .replace(/\{org\} volunteers/g, 'local volunteers')
          .replace(/\{org\}/g, 'the group')
          .replace(/\{place\}/g, 'the village'),
      ),
      themes: t.themes.map((c) => termIndex.get(c)!),
      when: t.when,
      opens: t.times[0][0],
      closes: t.times[0][1],
      cost: t.cost[0],
      min_age: t.ages?.[0] ?? null,
      max_age: t.ages?.[1] ?? null,
      access: t.access,
      delivery: t.delivery ?? ['in_person'],
      remote: t.remote ?? false,
      capacity: t.capacity ?? 'normal',
    })),
  );
  const NT = templates.length;
  const TPL = `json_to_recordset($1::json) AS t(i int, names text[], descriptions text[], themes int[], "when" text, opens text, closes text, cost text, min_age int, max_age int, access text[], delivery text[], remote boolean, capacity text)`;

  const place = (expr: string) => `(${PICK(PLACE_A, expr, 11)} || ${PICK(PLACE_B, expr, 12)})`;
  const venueKind = (expr: string) => PICK(VENUES, expr, 13);
  const locOf = (g: string) => `(1 + ${R(g, 31, L)})`;
  const tplOf = (g: string) => R(g, 30, NT);
  const caseOf = (g: string) => `(1 + ((${g} - 1)::bigint * ${C}) / ${REF})`;
  const isOpen = (c: string) => `(${c} > ${CLOSED_CASES})`;
  const workerOf = (c: string) => `(1 + (${c} % ${W}))`;
  const received = (c: string) =>
    `(CASE WHEN ${isOpen(c)} THEN ${A} - (40 + ${R(c, 70, 80)}) * ${DAY} ELSE ${A} - (130 + (${CLOSED_CASES} - ${c})::float8 * 1700 / ${CLOSED_CASES}) * ${DAY} END - ${R(c, 71, 480)} * interval '1 minute')`;
  const convCount = (c: string) => `(CASE WHEN ${isOpen(c)} THEN 1 + ${R(c, 72, 4)} ELSE 1 + ${R(c, 72, 6)} END)`;

  const run = async (step: string, sql: string, ...params: unknown[]) => {
    const t0 = Date.now();
    const rows = await db.$executeRawUnsafe(sql, ...params);
    const ms = Date.now() - t0;
    steps.push({ step, rows, ms });
    log(`  ${step}: ${rows} rows in ${(ms / 1000).toFixed(1)} s`);
  };

  // ---------- places ----------
  await run(
    'Postcode',
    `INSERT INTO "Postcode" (postcode, district, latitude, longitude, "areaId")
     SELECT 'EB' || (10 + k % 50) || ' ' || ((k / 50) % 10) || substr(${lit(UNIT_LETTERS)}, 1 + (k / 500) / 20 % 20, 1) || substr(${lit(UNIT_LETTERS)}, 1 + (k / 500) % 20, 1),
            'EB' || (10 + k % 50),
            round((51.41 + sin(2 * pi() * (k % 50) / 50.0) * (10 + 1.5 * ((k % 50) * 7 % 10)) / 111.2 + (${F('k', 1)} - 0.5) * 0.03)::numeric, 6)::float8,
            round((-0.75 + cos(2 * pi() * (k % 50) / 50.0) * (10 + 1.5 * ((k % 50) * 7 % 10)) / 69.4 + (${F('k', 2)} - 0.5) * 0.045)::numeric, 6)::float8,
            NULL
     FROM generate_series(0, ${PC - 1}) k
     ON CONFLICT DO NOTHING`,
  );

  // ---------- staff ----------
  await run(
    'Team',
    `INSERT INTO "Team" (id, name, description, "createdAt", "updatedAt")
     SELECT ${UID(`'scale:team:' || k`)}, 'County Connectors ' || k, 'Link workers for the county (benchmark data).', ${A} - 2000 * ${DAY}, ${A} - 2000 * ${DAY}
     FROM generate_series(1, ${TEAMS}) k ON CONFLICT DO NOTHING`,
  );
  const hash = await hashPassword(STAFF_PASSWORD);
  await run(
    'User',
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "teamId", "createdAt", "updatedAt")
     SELECT ${UID(`'scale:worker:' || k`)}, 'worker' || k || '@county.example.org', ${PICK(FIRST, 'k', 3)} || ' ' || ${PICK(LAST, 'k', 4)}, $1, 'link_worker'::"Role",
            ${UID(`'scale:team:' || (1 + (k - 1) / 10)`)}, ${A} - 2000 * ${DAY}, ${A} - 2000 * ${DAY}
     FROM generate_series(1, ${W}) k
     UNION ALL
     SELECT ${UID(`'scale:coordinator:' || k`)}, 'coordinator' || k || '@county.example.org', ${PICK(FIRST, 'k', 5)} || ' ' || ${PICK(LAST, 'k', 6)}, $1, 'coordinator'::"Role",
            ${UID(`'scale:team:' || k`)}, ${A} - 2000 * ${DAY}, ${A} - 2000 * ${DAY}
     FROM generate_series(1, ${TEAMS}) k
     UNION ALL
     SELECT ${UID(`'scale:provider:' || k`)}, 'provider' || k || '@county-groups.example.org', ${PICK(FIRST, 'k', 7)} || ' ' || ${PICK(LAST, 'k', 8)}, $1, 'provider'::"Role",
            NULL, ${A} - 2000 * ${DAY}, ${A} - 2000 * ${DAY}
     FROM generate_series(1, ${PROV}) k
     ON CONFLICT DO NOTHING`,
    hash,
  );

  // ---------- directory ----------
  await run(
    'Organisation',
    `INSERT INTO "Organisation" (id, name, description, email, phone, status, verified, "verifiedAt", "createdAt", "updatedAt")
     SELECT ${UID(`'scale:org:' || k`)}, ${place(`k * 7`)} || ' ' || ${PICK(ORG_KINDS, 'k', 21)},
            'A local group in ' || ${place(`k * 7`)} || '.', 'hello' || k || '@county-groups.example.org', '0118 496 0' || lpad((100 + ${R('k', 22, 900)})::text, 3, '0'),
            'approved'::"OrganisationStatus", ${R('k', 23, 10)} < 6, CASE WHEN ${R('k', 23, 10)} < 6 THEN ${A} - (30 + ${R('k', 24, 900)}) * ${DAY} END,
            ${A} - (400 + ${R('k', 25, 1600)}) * ${DAY}, ${A} - ${R('k', 26, 300)} * ${DAY}
     FROM generate_series(1, ${O}) k ON CONFLICT DO NOTHING`,
  );
  await run(
    'OrganisationMember',
    `INSERT INTO "OrganisationMember" ("organisationId", "userId", role, "createdAt")
     SELECT ${UID(`'scale:org:' || k`)}, ${UID(`'scale:provider:' || k`)}, 'owner'::"MemberRole", ${A} - 300 * ${DAY}
     FROM generate_series(1, ${PROV}) k ON CONFLICT DO NOTHING`,
  );
  await run(
    'Location',
    `WITH dp AS (SELECT row_number() OVER (ORDER BY postcode) - 1 AS i, postcode, latitude, longitude, "areaId" FROM "Postcode" WHERE "areaId" IS NOT NULL),
          sp AS (SELECT row_number() OVER (ORDER BY postcode) - 1 AS i, postcode, latitude, longitude FROM "Postcode" WHERE postcode ~ '^EB[1-9][0-9] ')
     INSERT INTO "Location" (id, name, address1, city, postcode, latitude, longitude, accessibility, "areaId", "createdAt", "updatedAt")
     SELECT ${UID(`'scale:loc:' || l`)}, ${place('l')} || ' ' || ${venueKind('l')}, (1 + ${R('l', 41, 120)}) || ' ' || ${PICK(STREETS, 'l', 42)}, ${place('l')},
            coalesce(d.postcode, s.postcode),
            round((coalesce(d.latitude, s.latitude) + (${F('l', 43)} - 0.5) * 0.004)::numeric, 6)::float8,
            round((coalesce(d.longitude, s.longitude) + (${F('l', 44)} - 0.5) * 0.006)::numeric, 6)::float8,
            array_remove(ARRAY[CASE WHEN ${R('l', 45, 10)} < 8 THEN 'step_free' END, CASE WHEN ${R('l', 46, 10)} < 5 THEN 'hearing_loop' END,
                               CASE WHEN ${R('l', 47, 10)} < 6 THEN 'accessible_toilet' END, CASE WHEN ${R('l', 48, 10)} < 6 THEN 'parking' END], NULL),
            d."areaId", ${A} - 2000 * ${DAY}, ${A} - 2000 * ${DAY}
     FROM generate_series(1, ${L}) l
     LEFT JOIN dp d ON ${R('l', 40, 100)} < 25 AND d.i = ${R('l', 49, demoPostcodes)}
     LEFT JOIN sp s ON NOT (${R('l', 40, 100)} < 25) AND s.i = ${R('l', 49, PC)}
     ON CONFLICT DO NOTHING`,
  );
  const fresh = (g: string) => F(g, 60);
  await run(
    'Service',
    `INSERT INTO "Service" (id, "organisationId", name, description, email, phone, status, published, "minimumAge", "maximumAge", "isFree", "costDescription",
                            languages, "deliveryModes", "accessMethods", "capacityStatus", "capacitySpaces", "assuredAt", "createdAt", "updatedAt")
     SELECT ${UID(`'scale:svc:' || g`)}, ${UID(`'scale:org:' || (1 + (g - 1) / ${S / O})`)},
            replace(replace(t.names[1 + ${R('g', 32, 'array_length(t.names, 1)')}], '{place}', ${place(locOf('g'))}), '{venuekind}', ${venueKind(locOf('g'))}),
            replace(t.descriptions[1 + ${R('g', 33, 'array_length(t.descriptions, 1)')}], '{venuekind}', lower(${venueKind(locOf('g'))})),
            'hello' || (1 + (g - 1) / ${S / O}) || '@county-groups.example.org', '0118 496 0' || lpad((100 + ${R('g', 34, 900)})::text, 3, '0'),
            (CASE WHEN ${R('g', 35, 1000)} < 950 THEN 'active' WHEN ${R('g', 35, 1000)} < 975 THEN 'temporarily_closed' WHEN ${R('g', 35, 1000)} < 992 THEN 'inactive' ELSE 'defunct' END)::"ServiceStatus",
            ${R('g', 36, 100)} < 98, t.min_age, t.max_age,
            (t.cost = '' OR t.cost LIKE 'free:%'), CASE WHEN t.cost = '' THEN NULL WHEN t.cost LIKE 'free:%' THEN substr(t.cost, 6) ELSE t.cost END,
            ARRAY['English'], t.delivery::"DeliveryMode"[], t.access::"AccessMethod"[],
            (CASE WHEN t.capacity = 'waitlist' AND ${R('g', 37, 100)} < 50 THEN 'waiting_list' WHEN ${R('g', 37, 100)} < 5 THEN 'waiting_list' WHEN ${R('g', 37, 100)} >= 96 THEN 'full' ELSE 'open' END)::"CapacityStatus",
            CASE WHEN ${R('g', 38, 100)} < 12 THEN 1 + ${R('g', 39, 10)} END,
            CASE WHEN ${fresh('g')} < 0.775 THEN ${A} - ${F('g', 61)} * 178 * ${DAY}
                 WHEN ${fresh('g')} < 0.925 THEN ${A} - (185 + ${F('g', 61)} * 178) * ${DAY}
                 WHEN ${fresh('g')} < 0.99 THEN ${A} - (368 + ${F('g', 61)} * 300) * ${DAY} END,
            ${A} - (700 + ${R('g', 62, 1200)}) * ${DAY}, ${A} - ${F('g', 61)} * 178 * ${DAY}
     FROM generate_series(1, ${S}) g
     JOIN ${TPL} ON t.i = ${tplOf('g')}
     ON CONFLICT DO NOTHING`,
    tplJson,
  );
  await run(
    'ServiceAtLocation',
    `INSERT INTO "ServiceAtLocation" (id, "serviceId", "locationId")
     SELECT ${UID(`'scale:sal:' || g`)}, ${UID(`'scale:svc:' || g`)}, ${UID(`'scale:loc:' || ${locOf('g')}`)}
     FROM generate_series(1, ${S}) g JOIN ${TPL} ON t.i = ${tplOf('g')}
     WHERE NOT t.remote
     ON CONFLICT DO NOTHING`,
    tplJson,
  );
  const day1 = `${arr(['MO', 'TU', 'WE', 'TH', 'FR'])}[1 + ${R('g', 80, 5)}]`;
  const day2 = `${arr(['MO', 'TU', 'WE', 'TH', 'FR'])}[1 + (${R('g', 80, 5)} + 2) % 5]`;
  await run(
    'Schedule',
    `INSERT INTO "Schedule" (id, "serviceId", "serviceAtLocationId", "freq", "interval", "byDay", "rrule", "timezone", "dtstart", "validFrom", "validTo", "opensAt", "closesAt")
     SELECT ${UID(`'scale:sch:' || g`)}, ${UID(`'scale:svc:' || g`)}, CASE WHEN NOT t.remote THEN ${UID(`'scale:sal:' || g`)} END,
            (CASE WHEN t."when" IN ('monthly', 'monthly_last', 'monthly_date') THEN 'MONTHLY' WHEN t."when" = 'once' THEN 'ONCE' ELSE 'WEEKLY' END)::"ScheduleFreq",
            CASE WHEN t."when" = 'fortnightly' THEN 2 ELSE 1 END,
            x.by_day,
            CASE WHEN t."when" = 'once' THEN NULL
                 WHEN t."when" IN ('monthly', 'monthly_last', 'monthly_date') THEN 'FREQ=MONTHLY;INTERVAL=1;BYDAY=' || array_to_string(x.by_day, ',')
                 ELSE 'FREQ=WEEKLY;INTERVAL=' || CASE WHEN t."when" = 'fortnightly' THEN 2 ELSE 1 END || ';BYDAY=' || array_to_string(x.by_day, ',') END,
            'Europe/London', x.start, x.start, CASE WHEN t."when" = 'once' THEN x.start WHEN t."when" = 'course' THEN x.start + 35 END, t.opens, t.closes
     FROM generate_series(1, ${S}) g
     JOIN ${TPL} ON t.i = ${tplOf('g')}
     CROSS JOIN LATERAL (SELECT
        CASE WHEN t."when" = 'weekdays' THEN ARRAY['MO','TU','WE','TH','FR']
             WHEN t."when" = 'twice_weekly' THEN ARRAY[${day1}, ${day2}]
             WHEN t."when" IN ('monthly', 'monthly_last', 'monthly_date') THEN ARRAY[(1 + ${R('g', 81, 4)})::text || ${day1}]
             WHEN t."when" = 'once' THEN ARRAY[]::text[]
             ELSE ARRAY[${day1}] END AS by_day,
        CASE WHEN t."when" = 'once' THEN (${A} + (3 + ${R('g', 82, 70)}) * ${DAY})::date
             WHEN t."when" = 'course' THEN (${A} + (${R('g', 82, 60)} - 25) * ${DAY})::date
             ELSE (${A} - (100 + ${R('g', 82, 900)}) * ${DAY})::date END AS start) x
     ON CONFLICT DO NOTHING`,
    tplJson,
  );
  await run(
    'ServiceTaxonomy',
    `INSERT INTO "ServiceTaxonomy" ("serviceId", "termId")
     SELECT ${UID(`'scale:svc:' || g`)}, ${termArr}[th]
     FROM generate_series(1, ${S}) g JOIN ${TPL} ON t.i = ${tplOf('g')} CROSS JOIN LATERAL unnest(t.themes) th
     ON CONFLICT DO NOTHING`,
    tplJson,
  );

  // ---------- people and cases ----------
  await run(
    'Person',
    `WITH dp AS (SELECT row_number() OVER (ORDER BY postcode) - 1 AS i, postcode, "areaId" FROM "Postcode" WHERE "areaId" IS NOT NULL),
          sp AS (SELECT row_number() OVER (ORDER BY postcode) - 1 AS i, postcode FROM "Postcode" WHERE postcode ~ '^EB[1-9][0-9] ')
     INSERT INTO "Person" (id, name, email, phone, "preferredContact", "dateOfBirth", "ageBand", postcode, "areaId", gender, ethnicity, disability, "gpPracticeId", "createdAt", "updatedAt")
     SELECT ${UID(`'scale:person:' || c`)}, ${PICK(FIRST, 'c', 90)} || ' ' || ${PICK(LAST, 'c', 91)},
            CASE WHEN ${R('c', 92, 10)} < 4 THEN 'person' || c || '@example.com' END,
            '07700 900' || lpad(${R('c', 93, 1000)}::text, 3, '0'), 'phone'::"ContactMethod",
            (${A} - a.age * 365.25 * ${DAY})::date,
            CASE WHEN a.age < 25 THEN '18-24' WHEN a.age < 35 THEN '25-34' WHEN a.age < 45 THEN '35-44' WHEN a.age < 55 THEN '45-54' WHEN a.age < 65 THEN '55-64' WHEN a.age < 75 THEN '65-74' WHEN a.age < 85 THEN '75-84' ELSE '85+' END,
            coalesce(d.postcode, s.postcode), d."areaId",
            CASE WHEN ${R('c', 94, 10)} < 8 THEN ${arr(['female', 'male', 'female', 'male', 'female', 'declined'])}[1 + ${R('c', 95, 6)}] END,
            CASE WHEN ${R('c', 96, 10)} < 7 THEN ${arr(['white_british', 'white_british', 'white_british', 'white_other', 'asian_indian', 'asian_pakistani', 'black_african', 'mixed', 'declined'])}[1 + ${R('c', 97, 9)}] END,
            CASE WHEN ${R('c', 98, 10)} < 7 THEN ${arr(['yes', 'no', 'no', 'declined'])}[1 + ${R('c', 99, 4)}] END,
            ${practiceArr}[1 + ${R('c', 100, practices.length)}], r.at, r.at
     FROM generate_series(1, ${C}) c
     CROSS JOIN LATERAL (SELECT ${received('c')} AS at) r
     CROSS JOIN LATERAL (SELECT (18 + ${R('c', 101, 78)})::int AS age) a
     LEFT JOIN dp d ON ${R('c', 102, 100)} < 30 AND d.i = ${R('c', 103, demoPostcodes)}
     LEFT JOIN sp s ON NOT (${R('c', 102, 100)} < 30) AND s.i = ${R('c', 103, PC)}
     ON CONFLICT DO NOTHING`,
  );
  await run(
    'Consent',
    `INSERT INTO "Consent" (id, "personId", scope, fields, "givenAt", "recordedById")
     SELECT ${UID(`'scale:consent:' || c || ':' || s.scope`)}, ${UID(`'scale:person:' || c`)}, s.scope::"ConsentScope",
            CASE WHEN s.scope = 'share_with_provider' THEN ARRAY['name', 'phone', 'whatMatters', 'needs'] ELSE ARRAY[]::text[] END,
            r.at + CASE WHEN s.scope = 'contact' THEN interval '0' ELSE 6 * ${DAY} END, ${UID(`'scale:worker:' || ${workerOf('c')}`)}
     FROM generate_series(1, ${C}) c CROSS JOIN LATERAL (SELECT ${received('c')} AS at) r
     CROSS JOIN (VALUES ('contact'), ('share_with_provider')) s(scope)
     ON CONFLICT DO NOTHING`,
  );
  const firstContact = `(r.at + (1 + ${R('c', 110, 12)}) * ${DAY})`;
  const convAt = (i: string) => `(${firstContact} + (${i} - 1) * CASE WHEN ${isOpen('c')} THEN 10 ELSE 14 END * ${DAY})`;
  const lastConvAt = `(${firstContact} + (${convCount('c')} - 1) * 14 * ${DAY})`;
  await run(
    'Case',
    `INSERT INTO "Case" (id, reference, "personId", "teamId", source, "whatMatters", "receivedAt", rag, "ragReason", "triagedAt", "triagedById",
                         "assignedWorkerId", "assignedAt", "assignedById", "firstContactAt", status, "closedAt", "closedById", outcome, "createdAt", "updatedAt")
     SELECT ${UID(`'scale:case:' || c`)}, ${REFERENCE('SC', 'c')}, ${UID(`'scale:person:' || c`)},
            ${UID(`'scale:team:' || (1 + (${workerOf('c')} - 1) / 10)`)},
            ${arr(['self', 'self', 'self', 'self', 'gp', 'gp', 'gp', 'social_care', 'hospital', 'voluntary_sector'])}[1 + ${R('c', 111, 10)}]::"CaseSource",
            ${PICK(WHAT, 'c', 112)}, r.at,
            ${arr(['green', 'green', 'green', 'green', 'green', 'green', 'amber', 'amber', 'amber', 'red'])}[1 + ${R('c', 113, 10)}]::"Rag", 'Triage note.',
            r.at + interval '4 hours', ${UID(`'scale:coordinator:' || (1 + (${workerOf('c')} - 1) / 10)`)},
            ${UID(`'scale:worker:' || ${workerOf('c')}`)}, r.at + interval '5 hours',
            ${UID(`'scale:coordinator:' || (1 + (${workerOf('c')} - 1) / 10)`)}, ${firstContact},
            (CASE WHEN ${isOpen('c')} THEN 'active' ELSE 'closed' END)::"CaseStatus",
            CASE WHEN NOT ${isOpen('c')} THEN ${lastConvAt} END,
            CASE WHEN NOT ${isOpen('c')} THEN ${UID(`'scale:worker:' || ${workerOf('c')}`)} END,
            CASE WHEN NOT ${isOpen('c')} THEN ${arr(['settled_community_support', 'settled_community_support', 'settled_community_support', 'settled_community_support', 'signposted_first_contact', 'declined_support', 'referred_statutory', 'could_not_contact', 'moved_away', 'other'])}[1 + ${R('c', 114, 10)}]::"CaseOutcome" END,
            r.at, CASE WHEN ${isOpen('c')} THEN ${A} - ${DAY} ELSE ${lastConvAt} END
     FROM generate_series(1, ${C}) c CROSS JOIN LATERAL (SELECT ${received('c')} AS at) r
     ON CONFLICT DO NOTHING`,
  );
  const need1 = `(1 + ${R('c', 120, terms.length)})`;
  const need2 = `(1 + ${R('c', 121, terms.length)})`;
  await run(
    'CaseNeed',
    `INSERT INTO "CaseNeed" ("caseId", "termId")
     SELECT ${UID(`'scale:case:' || c`)}, ${termArr}[x] FROM generate_series(1, ${C}) c
     CROSS JOIN LATERAL unnest(CASE WHEN ${R('c', 122, 2)} = 1 AND ${need2} <> ${need1} THEN ARRAY[${need1}, ${need2}] ELSE ARRAY[${need1}] END) x
     ON CONFLICT DO NOTHING`,
  );
  await run(
    'Conversation',
    `INSERT INTO "Conversation" (id, "caseId", "workerId", "occurredAt", type, "whatMatters", strengths, goals, actions,
                                 "lifeSatisfaction", worthwhile, happiness, anxiety, "nextFollowUpOn", "isClosing", "createdAt")
     SELECT ${UID(`'scale:conv:' || c || ':' || i`)}, ${UID(`'scale:case:' || c`)}, ${UID(`'scale:worker:' || ${workerOf('c')}`)}, ${convAt('i')},
            (CASE WHEN i = 1 AND ${R('c', 130, 10)} = 0 THEN 'crisis' WHEN i = 1 THEN 'listen_connect' WHEN ${R('c * 10 + i', 131, 2)} = 0 THEN 'good_life' ELSE 'listen_connect' END)::"ConversationType",
            CASE WHEN i = 1 THEN ${PICK(WHAT, 'c', 112)} ELSE '' END, CASE WHEN i = 1 THEN 'Friendly and determined.' ELSE '' END,
            CASE WHEN i = 1 THEN 'Try one group a week.' ELSE '' END, 'Followed up on the referral.',
            CASE WHEN i = 1 THEN 2 + ${R('c', 132, 5)} WHEN i = k.k AND NOT ${isOpen('c')} THEN least(10, 2 + ${R('c', 132, 5)} + ${R('c', 133, 5)} - 1) END,
            CASE WHEN i = 1 THEN 3 + ${R('c', 134, 5)} WHEN i = k.k AND NOT ${isOpen('c')} THEN least(10, 3 + ${R('c', 134, 5)} + ${R('c', 135, 4)} - 1) END,
            CASE WHEN i = 1 THEN 2 + ${R('c', 136, 5)} WHEN i = k.k AND NOT ${isOpen('c')} THEN least(10, 2 + ${R('c', 136, 5)} + ${R('c', 137, 5)} - 1) END,
            CASE WHEN i = 1 THEN 4 + ${R('c', 138, 6)} WHEN i = k.k AND NOT ${isOpen('c')} THEN greatest(0, 4 + ${R('c', 138, 6)} - ${R('c', 139, 5)} + 1) END,
            CASE WHEN i < k.k THEN (${convAt('i + 1')})::date
                 WHEN ${isOpen('c')} THEN (${A} + (${R('c', 140, 21)} - 6) * ${DAY})::date END,
            i = k.k AND NOT ${isOpen('c')}, ${convAt('i')} + interval '20 minutes'
     FROM generate_series(1, ${C}) c
     CROSS JOIN LATERAL (SELECT ${received('c')} AS at) r
     CROSS JOIN LATERAL (SELECT least(${convCount('c')}, CASE WHEN ${isOpen('c')} THEN greatest(1, floor(extract(epoch FROM (${A} - interval '12 hours' - ${firstContact})) / 86400 / 10)::int + 1) ELSE 99 END) AS k) k
     CROSS JOIN LATERAL generate_series(1, k.k) i
     ON CONFLICT DO NOTHING`,
  );
  await run(
    'ConversationNeed',
    `INSERT INTO "ConversationNeed" ("conversationId", "termId")
     SELECT ${UID(`'scale:conv:' || cn."caseIdx" || ':1'`)}, cn."termId"
     FROM (SELECT c AS "caseIdx", ${termArr}[${need1}] AS "termId" FROM generate_series(1, ${C}) c) cn
     ON CONFLICT DO NOTHING`,
  );

  // ---------- the triage queues ----------
  // New referrals waiting for a coordinator: received over the last two weeks (so some are over
  // target), two in three not yet rated, the rest rated but not assigned; each with its person,
  // their agreement to be contacted and the needs named in the referral.
  const waitAt = (k: string) => `(${A} - ${F(k, 200)} * 14 * ${DAY})`;
  await run(
    'Person (waiting)',
    `WITH sp AS (SELECT row_number() OVER (ORDER BY postcode) - 1 AS i, postcode FROM "Postcode" WHERE postcode ~ '^EB[1-9][0-9] ')
     INSERT INTO "Person" (id, name, phone, "preferredContact", "ageBand", postcode, "gpPracticeId", "createdAt", "updatedAt")
     SELECT ${UID(`'scale:wperson:' || k`)}, ${PICK(FIRST, 'k', 201)} || ' ' || ${PICK(LAST, 'k', 202)},
            '07700 900' || lpad(${R('k', 203, 1000)}::text, 3, '0'), 'phone'::"ContactMethod",
            ${arr(['18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-84', '85+'])}[1 + ${R('k', 204, 8)}],
            s.postcode, ${practiceArr}[1 + ${R('k', 205, practices.length)}], ${waitAt('k')}, ${waitAt('k')}
     FROM generate_series(1, ${WAIT}) k
     LEFT JOIN sp s ON s.i = ${R('k', 206, PC)}
     ON CONFLICT DO NOTHING`,
  );
  await run(
    'Consent (waiting)',
    `INSERT INTO "Consent" (id, "personId", scope, fields, "givenAt")
     SELECT ${UID(`'scale:wconsent:' || k`)}, ${UID(`'scale:wperson:' || k`)}, 'contact'::"ConsentScope", ARRAY[]::text[], ${waitAt('k')}
     FROM generate_series(1, ${WAIT}) k
     ON CONFLICT DO NOTHING`,
  );
  await run(
    'Case (waiting)',
    `INSERT INTO "Case" (id, reference, "personId", "teamId", source, "referrerName", "referrerOrganisation", "whatMatters", "receivedAt",
                         rag, "ragReason", "triagedAt", "triagedById", status, "createdAt", "updatedAt")
     SELECT ${UID(`'scale:wcase:' || k`)}, ${REFERENCE('SN', 'k')}, ${UID(`'scale:wperson:' || k`)},
            ${UID(`'scale:team:' || (1 + k % ${TEAMS})`)}, x.source::"CaseSource",
            CASE WHEN x.source <> 'self' THEN ${PICK(FIRST, 'k', 208)} || ' ' || ${PICK(LAST, 'k', 209)} END,
            CASE WHEN x.source = 'gp' THEN 'Eastbrook Medical Practice' WHEN x.source <> 'self' THEN 'County services' END,
            ${PICK(WHAT, 'k', 210)}, ${waitAt('k')},
            CASE WHEN x.rated THEN ${arr(['green', 'green', 'amber', 'red'])}[1 + ${R('k', 211, 4)}]::"Rag" END,
            CASE WHEN x.rated THEN 'Triage note.' END,
            CASE WHEN x.rated THEN ${waitAt('k')} + interval '3 hours' END,
            CASE WHEN x.rated THEN ${UID(`'scale:coordinator:' || (1 + k % ${TEAMS})`)} END,
            (CASE WHEN x.rated THEN 'triaged' ELSE 'received' END)::"CaseStatus", ${waitAt('k')}, ${waitAt('k')}
     FROM generate_series(1, ${WAIT}) k
     CROSS JOIN LATERAL (SELECT ${arr(['self', 'self', 'self', 'self', 'gp', 'gp', 'gp', 'social_care', 'hospital', 'voluntary_sector'])}[1 + ${R('k', 207, 10)}] AS source,
                                ${R('k', 212, 3)} = 0 AND ${waitAt('k')} < ${A} - interval '4 hours' AS rated) x
     ON CONFLICT DO NOTHING`,
  );
  const wneed1 = `(1 + ${R('k', 213, terms.length)})`;
  const wneed2 = `(1 + ${R('k', 214, terms.length)})`;
  await run(
    'CaseNeed (waiting)',
    `INSERT INTO "CaseNeed" ("caseId", "termId")
     SELECT ${UID(`'scale:wcase:' || k`)}, ${termArr}[x] FROM generate_series(1, ${WAIT}) k
     CROSS JOIN LATERAL unnest(CASE WHEN ${R('k', 215, 2)} = 1 AND ${wneed2} <> ${wneed1} THEN ARRAY[${wneed1}, ${wneed2}] ELSE ARRAY[${wneed1}] END) x
     ON CONFLICT DO NOTHING`,
  );

  // ---------- referrals and their events ----------
  // Referral g belongs to case caseOf(g); its place among the case's referrals shifts its dates.
  const firstRefOf = (c: string) => `(1 + ((${c} - 1)::bigint * ${REF} + ${C} - 1) / ${C})`;
  const pathOf = (g: string, c: string) =>
    `(CASE WHEN ${isOpen(c)} THEN ${paths.open}[1 + ${R(g, 150, paths.openCount)}] ELSE ${paths.closed}[1 + ${R(g, 150, paths.closedCount)}] END)`;
  // Closed cases: from the case's first contact onwards; open ones: ending a day or two before the anchor.
  const base = `(CASE WHEN x.open THEN ${A} - (1.5 + ${paths.total}[x.path] + ${F('g', 151)} * 3) * ${DAY} ELSE x.at + (1 + ${R('x.c', 110, 12)} + (g - ${firstRefOf('x.c')})) * ${DAY} + interval '3 hours' END)`;
  const svcOf = `(1 + ${R('g', 152, S)})`;
  const refSource = `
     FROM generate_series(1, ${REF}) g
     CROSS JOIN LATERAL (SELECT ${caseOf('g')} AS c) c0
     CROSS JOIN LATERAL (SELECT c0.c, ${isOpen('c0.c')} AS open, ${received('c0.c')} AS at, ${pathOf('g', 'c0.c')} AS path, ${svcOf} AS svc) x
     CROSS JOIN LATERAL (SELECT ${base} AS t0, ${UID(`'scale:worker:' || ${workerOf('x.c')}`)} AS worker, (x.svc - 1) / ${S / O} < ${PROV} AS has_provider) b`;
  await run(
    'Referral',
    `INSERT INTO "Referral" (id, "caseId", "serviceId", "createdById", status, "sharedInfo", message, "declineReason", "sentAt", "respondedAt", version, "createdAt", "updatedAt")
     SELECT ${UID(`'scale:ref:' || g`)}, ${UID(`'scale:case:' || x.c`)}, ${UID(`'scale:svc:' || x.svc`)}, b.worker,
            (${paths.final}[x.path])::"ReferralStatus", jsonb_build_object('name', ${PICK(FIRST, 'x.c', 90)} || ' ' || ${PICK(LAST, 'x.c', 91)}, 'phone', '07700 900' || lpad(${R('x.c', 93, 1000)}::text, 3, '0')), 'Referral from the county connectors.',
            (${paths.decline}[x.path])::"DeclineReason",
            b.t0 + ${paths.sent}[x.path] * ${DAY}, b.t0 + ${paths.responded}[x.path] * ${DAY},
            ${paths.len}[x.path], b.t0, b.t0 + ${paths.total}[x.path] * ${DAY}
     ${refSource}
     ON CONFLICT DO NOTHING`,
  );
  await run(
    'ReferralEvent',
    `INSERT INTO "ReferralEvent" (id, "referralId", "fromStatus", "toStatus", "actorId", "actorKind", "onBehalf", reason, "createdAt")
     SELECT ${UID(`'scale:ev:' || g || ':' || e.step`)}, ${UID(`'scale:ref:' || g`)}, e.from_status::"ReferralStatus", e.to_status::"ReferralStatus",
            CASE WHEN e.actor = 'worker' THEN b.worker
                 WHEN e.actor = 'provider' AND b.has_provider THEN ${UID(`'scale:provider:' || (1 + (x.svc - 1) / ${S / O})`)}
                 WHEN e.actor = 'provider' AND ${R('g', 153, 2)} = 0 THEN b.worker END,
            (CASE WHEN e.actor = 'provider' AND b.has_provider THEN 'provider'
                  WHEN e.actor = 'provider' AND ${R('g', 153, 2)} = 0 THEN 'worker'
                  WHEN e.actor = 'provider' THEN 'answer_link' ELSE e.actor END)::"ActorKind",
            e.actor = 'provider' AND NOT b.has_provider AND ${R('g', 153, 2)} = 0,
            e.reason, b.t0 + e.at_days * ${DAY}
     ${refSource}
     JOIN ${paths.steps('e')} ON e.path = x.path
     ON CONFLICT DO NOTHING`,
  );

  // ---------- evidence ----------
  await run(
    'UnmetNeed',
    `INSERT INTO "UnmetNeed" (id, "termId", "areaId", "wardId", reason, "caseId", "recordedById", "recordedAt")
     SELECT ${UID(`'scale:unmet:' || c`)}, ${termArr}[${need1}], p."areaId", a."wardId",
            ${arr(['no_service', 'no_service', 'full', 'full', 'too_far', 'too_far', 'cost', 'wrong_times', 'not_accessible', 'not_eligible'])}[1 + ${R('c', 160, 10)}]::"UnmetNeedReason",
            ${UID(`'scale:case:' || c`)}, ${UID(`'scale:worker:' || ${workerOf('c')}`)}, ${received('c')} + 8 * ${DAY}
     FROM generate_series(1, ${C}) c
     JOIN "Person" p ON p.id = ${UID(`'scale:person:' || c`)}
     LEFT JOIN "Area" a ON a.id = p."areaId"
     WHERE ${R('c', 161, 100)} < 6 AND (${received('c')} + 8 * ${DAY}) <= ${A}
     ON CONFLICT DO NOTHING`,
  );
  await run(
    'SearchLog',
    `WITH pc AS (SELECT row_number() OVER (ORDER BY postcode) - 1 AS i, district, "areaId" FROM "Postcode")
     INSERT INTO "SearchLog" (id, terms, filters, "wardId", district, "resultCount", "createdAt")
     SELECT ${UID(`'scale:search:' || k`)},
            CASE WHEN z.zero AND ${R('k', 171, 10)} < 8 THEN ${PICK(ZERO_TERMS, 'k', 172)} ELSE ${PICK(SEARCH_TERMS, 'k', 173)} END,
            CASE WHEN ${R('k', 174, 10)} < 3 THEN jsonb_build_object('needs', jsonb_build_array(${arr(themes.map((t) => t.code))}[1 + ${R('k', 175, themes.length)}])) ELSE '{}'::jsonb END,
            a."wardId", CASE WHEN ${R('k', 176, 10)} < 6 THEN pc.district END,
            CASE WHEN z.zero THEN 0 ELSE 1 + ${R('k', 177, 60)} END,
            ${A} - ${F('k', 178)} * 1800 * ${DAY}
     FROM generate_series(1, ${of(P.searchLogs)}) k
     CROSS JOIN LATERAL (SELECT ${R('k', 170, 100)} < 20 AS zero) z
     JOIN pc ON pc.i = ${R('k', 179, `${demoPostcodes + PC}`)}
     LEFT JOIN "Area" a ON a.id = pc."areaId" AND ${R('k', 176, 10)} < 6
     ON CONFLICT DO NOTHING`,
  );

  // As autovacuum would leave a live database (and it may be off, as on some test servers):
  // statistics for the planner, and the visibility map that lets index-only scans skip the heap.
  await run('VACUUM ANALYZE', 'VACUUM ANALYZE');
  await db.setting.upsert({ where: { key: SCALE_KEY }, create: { key: SCALE_KEY, value: n }, update: { value: n } });
  const result = { n, skipped: false, steps, counts: await counts(db), sizes: await sizes(db), ms: Date.now() - started };
  log(`Scale ${n} loaded in ${(result.ms / 1000).toFixed(1)} s`);
  return result;
}

async function counts(db: PrismaClient): Promise<Record<string, number>> {
  const rows = await db.$queryRawUnsafe<{ table: string; n: bigint }[]>(`
    SELECT 'Service' AS "table", count(*) AS n FROM "Service" UNION ALL
    SELECT 'Organisation', count(*) FROM "Organisation" UNION ALL
    SELECT 'Case', count(*) FROM "Case" UNION ALL
    SELECT 'Referral', count(*) FROM "Referral" UNION ALL
    SELECT 'ReferralEvent', count(*) FROM "ReferralEvent" UNION ALL
    SELECT 'Conversation', count(*) FROM "Conversation" UNION ALL
    SELECT 'Person', count(*) FROM "Person"`);
  return Object.fromEntries(rows.map((r) => [r.table, Number(r.n)]));
}

/** Every table's rows and total size on disk (with its indexes and TOAST), largest first. */
export async function sizes(db: PrismaClient): Promise<{ table: string; rows: number; bytes: number }[]> {
  const tables = await db.$queryRawUnsafe<{ table: string; bytes: bigint }[]>(`
    SELECT c.relname AS "table", pg_total_relation_size(c.oid) AS bytes
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    ORDER BY pg_total_relation_size(c.oid) DESC, c.relname`);
  const out: { table: string; rows: number; bytes: number }[] = [];
  for (const t of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t.table.replace(/"/g, '""')}"`);
    out.push({ table: t.table, rows: Number(row.n), bytes: Number(t.bytes) });
  }
  return out;
}
