// The demo borough of Eastbrook: areas, a directory of groups and activities, staff accounts and
// eighteen months of cases and referrals. Deterministic (named UUIDs, a seeded generator and dates
// relative to an anchor stored on the first run), so running it again inserts nothing new.
import type { PrismaClient } from '../../lib/db/generated/client';
import { hashPassword } from '../../lib/auth/password';
import { buildDirectory } from './build/directory';
import { buildGeography } from './build/geography';
import { buildHistory, HISTORY_DAYS } from './build/history';
import { buildStaff } from './build/staff';
import { buildTaxonomy } from './build/taxonomy';
import { insertRows } from './insert';
import { Clock } from './util';

export const ANCHOR_KEY = 'demo.anchor';

export interface SeedReport {
  anchor: Date;
  inserted: Record<string, number>;
  ms: number;
}

/** The anchor all demo dates are relative to: written on the first run, read on later ones. */
export async function demoAnchor(db: PrismaClient, now: Date = new Date()): Promise<Date> {
  const fresh = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  await db.setting.createMany({ data: [{ key: ANCHOR_KEY, value: fresh.toISOString() }], skipDuplicates: true });
  const row = await db.setting.findUniqueOrThrow({ where: { key: ANCHOR_KEY } });
  const value = typeof row.value === 'string' ? row.value : String(row.value);
  const anchor = new Date(value);
  if (Number.isNaN(anchor.getTime())) throw new Error(`Setting ${ANCHOR_KEY} is not a date: ${value}`);
  return anchor;
}

/** Everything the demo seed would insert, built in memory (no database). */
export function buildDemo(anchor: Date) {
  const clock = new Clock(anchor);
  const geo = buildGeography();
  const taxonomy = buildTaxonomy();
  const staff = buildStaff();
  const directory = buildDirectory(geo, taxonomy.themeIdByCode, staff, clock);
  const history = buildHistory(geo, taxonomy.themeIdByCode, staff, directory, clock);
  return { clock, geo, taxonomy, staff, directory, history };
}

async function insert(db: PrismaClient, inserted: Record<string, number>, table: string, rows: object[]) {
  const t0 = Date.now();
  const count = await insertRows(db, table, rows as Record<string, unknown>[]);
  inserted[table] = (inserted[table] ?? 0) + count;
  if (process.env.SEED_TIMING) console.log(`${table}: ${count} of ${rows.length} in ${Date.now() - t0} ms`);
}

export async function seedDemo(db: PrismaClient, options: { now?: Date; log?: (m: string) => void } = {}): Promise<SeedReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const anchor = await demoAnchor(db, options.now);
  const { clock, geo, taxonomy, staff, directory, history } = buildDemo(anchor);
  const inserted: Record<string, number> = {};
  const put = (table: string, rows: object[]) => insert(db, inserted, table, rows);

  // Reference data is dated before the history starts, so it is the same on every run.
  const since = clock.at(-HISTORY_DAYS - 30);
  const dated = <T extends object>(rows: T[]) => rows.map((r) => ({ createdAt: since, updatedAt: since, ...r }));
  log(`Demo anchor ${anchor.toISOString()}`);
  await put('Ward', geo.wards);
  await put('Pcn', geo.pcns);
  await put('GpPractice', geo.practices);
  await put('Area', geo.areas);
  await put('Postcode', geo.postcodes);
  await put('Taxonomy', [taxonomy.taxonomy]);
  await put('TaxonomyTerm', taxonomy.terms);
  await put('Team', dated(staff.teams));
  await put('TeamWard', staff.teamWards);
  await put('TeamPractice', staff.teamPractices);

  // Users: hash passwords only for accounts not there yet (hashing is deliberately slow).
  const existing = new Set(
    (await db.user.findMany({ where: { id: { in: staff.users.map((u) => u.id) } }, select: { id: true } })).map((u) => u.id),
  );
  const hashes = new Map<string, string>();
  const missing = staff.users.filter((u) => !existing.has(u.id));
  for (const u of missing) if (!hashes.has(u.password)) hashes.set(u.password, await hashPassword(u.password));
  await put(
    'User',
    dated(missing).map((u) => ({
      createdAt: u.createdAt,
      updatedAt: u.updatedAt,
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      teamId: u.teamId,
      active: u.active,
      passwordHash: hashes.get(u.password)!,
    })),
  );

  await put('Organisation', directory.organisations);
  await put('OrganisationMember', directory.members);
  await put('Location', dated(directory.locations));
  await put('Service', directory.services);
  await put('ServiceAtLocation', directory.serviceAtLocations);
  await put('Schedule', directory.schedules);
  await put('ServiceTaxonomy', directory.serviceTaxonomy);
  await put('ServiceVersion', directory.versions);
  await put('ListingChangeRequest', directory.changeRequests);

  await put('Person', history.people);
  await put('Consent', history.consents);
  await put('Case', history.cases);
  await put('CaseNeed', history.caseNeeds);
  // Corrections point at the record they supersede, so they go in after it.
  const conversations = [
    ...history.conversations.filter((c) => !c.supersedesId),
    ...history.conversations.filter((c) => c.supersedesId),
  ];
  await put('Conversation', conversations);
  await put('ConversationNeed', history.conversationNeeds);
  await put('Referral', history.referrals);
  await put('ReferralEvent', history.referralEvents);
  await put('UnmetNeed', history.unmetNeeds);
  await put('SafeguardingConcern', history.safeguarding);
  await put('Signpost', history.signposts);
  await put('ContactAttempt', history.contactAttempts);
  await put('SearchLog', history.searchLogs);
  await put('Notification', history.notifications);

  const ms = Date.now() - started;
  const total = Object.values(inserted).reduce((a, b) => a + b, 0);
  log(`Demo seed: ${total} rows inserted in ${(ms / 1000).toFixed(1)} s`);
  return { anchor, inserted, ms };
}
