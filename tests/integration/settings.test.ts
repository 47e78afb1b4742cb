import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { config, env, settingsDefaults } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { sweepReferrals } from '@/lib/referrals/sweep';
import {
  invalidate,
  loadedSettings,
  logoVersion,
  readLogo,
  removeLogo,
  saveLogo,
  readSettings,
  resetSettingsCache,
  saveSection,
  setCacheTtl,
  settings,
  TTL_MS,
} from '@/lib/settings';
import { freshDatabase } from '../helpers/db';
import { referralWorld } from './referral-fixture';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
const holder = globalThis as unknown as { __db?: Db };
let previousDb: Db | undefined;
let actor: { id: string; role: 'admin' };

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  // The cache reads through db(): point it at this test's database.
  previousDb = holder.__db;
  holder.__db = db;
  const admin = await db.user.create({
    data: { email: 'settings.admin@example.org', name: 'Settings Admin', passwordHash: 'x', role: 'admin' },
  });
  actor = { id: admin.id, role: 'admin' };
});

afterEach(async () => {
  setCacheTtl();
  await db.setting.deleteMany({ where: { key: { startsWith: 'settings.' } } });
  await db.setting.deleteMany({ where: { key: 'logo.image' } });
  resetSettingsCache();
});

afterAll(async () => {
  holder.__db = previousDb;
  resetSettingsCache();
  await database?.drop();
});

const defaults = () => settingsDefaults(env());
const save = <S extends 'service' | 'timings'>(section: S, values: Partial<ReturnType<typeof defaults>[S]>, version: number) =>
  db.$transaction(async (tx) =>
    saveSection(tx, actor, section, { ...(await readSettings(tx)).values[section], ...values }, version),
  );

describe('saving and reading settings', () => {
  it('starts from the defaults, stores only what differs, and counts versions per section', async () => {
    expect((await readSettings(db)).values).toEqual(defaults());
    expect((await readSettings(db)).versions).toEqual({ service: 0, timings: 0 });

    const saved = await save('service', { name: 'Eastbrook Together', brandColour: '#00703c' }, 0);
    expect(saved).toEqual({ ok: true, version: 1, changed: ['settings.service.name', 'settings.service.brandColour'] });
    const rows = await db.setting.findMany({ where: { key: { startsWith: 'settings.' } }, orderBy: { key: 'asc' } });
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ['settings.service._version', 1],
      ['settings.service.brandColour', '#00703c'],
      ['settings.service.name', 'Eastbrook Together'],
    ]);
    const read = await readSettings(db);
    expect(read.values.service).toMatchObject({ name: 'Eastbrook Together', brandColour: '#00703c' });
    expect(read.versions).toEqual({ service: 1, timings: 0 });

    // Back to the default: the override goes, so a later change of the default applies again.
    expect(await save('service', { name: defaults().service.name }, 1)).toMatchObject({ ok: true, version: 2 });
    expect(await db.setting.findUnique({ where: { key: 'settings.service.name' } })).toBeNull();
  });

  it('tells the second of two admins who opened the same version that someone saved first', async () => {
    expect(await save('timings', { referralReminderDays: 5 }, 0)).toMatchObject({ ok: true, version: 1 });
    expect(await save('timings', { referralReminderDays: 6 }, 0)).toEqual({ ok: false, reason: 'conflict', version: 1 });
    expect((await readSettings(db)).values.timings.referralReminderDays).toBe(5);
    // With the version they were told, the second admin's save goes through.
    expect(await save('timings', { referralReminderDays: 6 }, 1)).toMatchObject({ ok: true, version: 2 });
  });

  it('audits who changed what, with old and new values, long texts by length, and no e-mail addresses', async () => {
    const notice = 'This is not an emergency service. Call 999.';
    await save(
      'service',
      { name: 'Eastbrook Together', contactEmail: 'hello@eastbrook.example.gov.uk', emergencyNotice: notice },
      0,
    );
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'settings.changed' }, orderBy: { createdAt: 'desc' } });
    expect(event).toMatchObject({ actorId: actor.id, actorRole: 'admin', entityType: 'settings', entityId: 'service' });
    const detail = event.detail as { changes: Record<string, unknown>[]; _redacted?: string[] };
    expect(detail.changes).toEqual([
      { setting: 'settings.service.name', from: 'Eastbrook Community Connect', to: 'Eastbrook Together' },
      { setting: 'settings.service.contactEmail' },
      {
        setting: 'settings.service.emergencyNotice',
        from: `${defaults().service.emergencyNotice.length} characters`,
        to: `${notice.length} characters`,
      },
    ]);
    expect(detail._redacted).toEqual(['changes.from', 'changes.to']);
    expect(JSON.stringify(event.detail)).not.toContain('@');
  });

  it('saves nothing, and audits nothing, when nothing changed', async () => {
    const before = await db.auditEvent.count({ where: { action: 'settings.changed' } });
    expect(await save('timings', {}, 0)).toEqual({ ok: true, changed: [], version: 0 });
    expect(await db.auditEvent.count({ where: { action: 'settings.changed' } })).toBe(before);
  });
});

describe('the cache', () => {
  it('feeds config, keeps a copy for a while, and reloads at once when invalidated', async () => {
    expect(TTL_MS).toBeLessThanOrEqual(5_000);
    expect(config.borough.serviceName).toBe(defaults().service.name);
    // An hour, so the copy cannot expire on a slow machine between the steps below.
    setCacheTtl(3_600_000);
    await settings();

    // Saved behind the cache's back (as another instance would): the cached copy stands for now...
    await save('service', { name: 'Changed Elsewhere' }, 0);
    expect((await settings()).service.name).toBe(defaults().service.name);
    expect(config.borough.serviceName).toBe(defaults().service.name);

    // ...until invalidated (a save in this process does this), when the next read reloads.
    invalidate();
    expect((await settings()).service.name).toBe('Changed Elsewhere');
    expect(config.borough.serviceName).toBe('Changed Elsewhere');
    expect((await loadedSettings()).versions.service).toBe(1);
    setCacheTtl();
  });

  it('reloads a copy older than its time to live', async () => {
    await settings();
    await save('service', { name: 'Changed Elsewhere' }, 0);
    // A time to live of zero: every read is a reload, as any read after TTL_MS would be.
    setCacheTtl(0);
    expect((await settings()).service.name).toBe('Changed Elsewhere');
    setCacheTtl();
  });

  it('goes back to the defaults when reset', async () => {
    await save('timings', { referralReminderDays: 3 }, 0);
    invalidate();
    await settings();
    expect(config.referrals.reminderAfterDays).toBe(3);
    resetSettingsCache();
    expect(config.referrals.reminderAfterDays).toBe(defaults().timings.referralReminderDays);
  });
});

describe('the referral reminder follows the setting', () => {
  const DAY = 86_400_000;
  const sweep = (now: Date) => db.$transaction((tx) => sweepReferrals(tx, now));

  it('reminds at day 5 once an admin sets 5 days, with no cache involved', async () => {
    const t0 = new Date('2026-05-04T09:00:00Z');
    const world = await referralWorld(db);
    const r = await world.sent(t0);
    // At day 5 the default (7 days) sends nothing.
    expect(await sweep(new Date(t0.getTime() + 5 * DAY))).toMatchObject({ reminded: 0 });

    await save('timings', { referralReminderDays: 5 }, 0);
    // No invalidate() here: the job reads the table itself, as it would on another instance.
    expect(await sweep(new Date(t0.getTime() + 5 * DAY))).toMatchObject({ reminded: 1, expired: 0 });
    const after = await db.referral.findUniqueOrThrow({ where: { id: r.id } });
    expect(after.reminderSentAt).toEqual(new Date(t0.getTime() + 5 * DAY));
    const reminder = await db.notification.findFirstOrThrow({
      where: { recipient: world.service.email!, template: 'referral_reminder' },
    });
    expect(reminder.body).toContain('Eastbrook');
  });
});

describe('the logo', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

  it('is stored in the database, versioned by its content, audited, and never loaded with the settings', async () => {
    expect(await logoVersion(db)).toBeNull();
    const saved = await db.$transaction((tx) => saveLogo(tx, actor, png));
    expect(saved).toMatchObject({ ok: true, etag: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const logo = await readLogo(db);
    expect(logo).toMatchObject({ type: 'image/png', etag: saved.ok ? saved.etag : '' });
    expect(logo!.bytes.equals(png)).toBe(true);
    expect(await logoVersion(db)).toBe(saved.ok ? saved.etag : '');
    expect((await readSettings(db)).logo).toBe(saved.ok ? saved.etag : '');
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'settings.logo_changed' } });
    expect(event.detail).toMatchObject({ type: 'image/png', size: png.length });

    await db.$transaction((tx) => removeLogo(tx, actor));
    expect(await readLogo(db)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: 'settings.logo_removed' } })).toBe(1);
  });

  it('refuses a file that is not a safe image, storing nothing', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await db.$transaction((tx) => saveLogo(tx, actor, svg))).toEqual({ ok: false, reason: 'unsafe_svg' });
    expect(await readLogo(db)).toBeNull();
  });
});
