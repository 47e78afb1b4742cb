import { describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/types';
import { csvRow } from '@/lib/csv/write';
import { COLUMN_NAMES } from '@/lib/import/format';
import { exportCsv, runImport } from '@/lib/import';
import { useFreshDatabase } from '../helpers/db';
import { listingWorld } from './listing-fixture';

const t = useFreshDatabase();
const NOW = new Date('2026-11-24T10:00:00Z');

async function admin(): Promise<SessionUser> {
  await listingWorld(t.db); // needs themes and the EB1 2AB postcode
  const u = await t.db.user.upsert({
    where: { email: 'import-admin@example.org' },
    update: {},
    create: { email: 'import-admin@example.org', name: 'Import Admin', passwordHash: 'x', role: 'admin' },
  });
  return { id: u.id, name: u.name, email: u.email, role: 'admin', teamId: null, organisationIds: [] };
}

type Row = Partial<Record<(typeof COLUMN_NAMES)[number], string>>;
const base: Row = {
  organisation_id: 'ORG-1',
  organisation_name: 'Eastbrook Walkers',
  name: 'Tuesday Walk',
  description: 'A gentle walk.',
  needs: 'physical-activity',
  free: 'yes',
  delivery: 'in_person',
  access: 'drop_in',
  email: 'walks@example.org',
  address_1: '1 Park Road',
  town: 'Eastbrook',
  postcode: 'eb1 2ab',
  schedules: 'WEEKLY;BYDAY=TU 10:00-11:30 | WEEKLY;INTERVAL=2;BYDAY=WE;START=2026-11-11 14:00-16:00',
};
const csv = (rows: Row[]) => csvRow(COLUMN_NAMES) + rows.map((r) => csvRow(COLUMN_NAMES.map((c) => r[c] ?? ''))).join('');

describe('bulk import', () => {
  it('rejects bad rows with their line numbers, and writes nothing', async () => {
    const actor = await admin();
    const before = await t.db.service.count();
    const file = csv([
      { ...base, service_id: 'S-1' },
      { ...base, service_id: 'S-2', postcode: 'nonsense', needs: 'flying' },
      { ...base, service_id: 'S-1', free: 'no' },
      { ...base, service_id: 'S-4', schedules: 'SOMETIMES 10:00-11:00' },
    ]);
    const result = await runImport(t.db, file, actor, 'import', NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { line: 3, column: 'postcode', message: 'Enter a real postcode, like EB1 1AL' },
        { line: 3, column: 'needs', message: 'Unknown needs codes: flying' },
        { line: 4, column: 'service_id', message: 'The id S-1 is also used on line 2; each listing needs its own' },
        { line: 4, column: 'cost', message: 'Say what it costs, like £2 a session' },
        expect.objectContaining({ line: 5, column: 'schedules' }),
      ]),
    );
    expect(await t.db.service.count()).toBe(before);
  });

  it('reports a line with the wrong number of columns and an unknown column', async () => {
    const actor = await admin();
    const file = `${COLUMN_NAMES.join(',')},colour\r\n${'x,'.repeat(3)}\r\n`;
    const result = await runImport(t.db, file, actor, 'check', NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('Unknown columns: colour') });
      expect(result.errors[1]).toMatchObject({ line: 2, message: expect.stringContaining('columns') });
    }
  });

  it('refuses a file that names a column twice, saying which', async () => {
    const actor = await admin();
    const file = `${COLUMN_NAMES.join(',')},Name\r\n${'x,'.repeat(COLUMN_NAMES.length)}x\r\n`;
    const result = await runImport(t.db, file, actor, 'check', NOW);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        {
          line: 1,
          column: null,
          message: 'Each column can appear only once. Named more than once: name. Remove the extra columns',
        },
      ]);
  });

  it('imports everything in one go, and a second import updates rather than duplicates', async () => {
    const actor = await admin();
    const file = csv([
      { ...base, service_id: 'IMP-1', location_id: 'HALL-1' },
      {
        ...base,
        service_id: 'IMP-2',
        name: 'Craft Club',
        location_id: 'HALL-1',
        organisation_id: 'ORG-2',
        organisation_name: 'Craft Circle',
        schedules: 'MONTHLY;BYDAY=2TH 19:00-21:00 | 2026-12-05 10:00-13:00 Christmas fair',
      },
    ]);
    const check = await runImport(t.db, file, actor, 'check', NOW);
    expect(check).toMatchObject({ ok: true, mode: 'check', rows: 2, plan: { newListings: 2, existingListings: 0 } });
    expect(await t.db.service.count({ where: { externalId: { in: ['IMP-1', 'IMP-2'] } } })).toBe(0);

    const first = await runImport(t.db, file, actor, 'import', NOW);
    expect(first).toMatchObject({
      ok: true,
      summary: { organisations: { created: 2 }, locations: { created: 1 }, services: { created: 2, updated: 0 } },
    });
    const walk = await t.db.service.findUniqueOrThrow({
      where: { externalId: 'IMP-1' },
      include: { schedules: true, locations: { include: { location: true } }, taxonomyTerms: true, versions: true },
    });
    expect(walk).toMatchObject({ published: true, name: 'Tuesday Walk', assuredAt: NOW });
    expect(walk.schedules.map((s) => s.rrule).sort()).toEqual(['FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE']);
    expect(walk.locations[0].location).toMatchObject({ externalId: 'HALL-1', postcode: 'EB1 2AB', latitude: 51.4 });
    expect(walk.versions).toHaveLength(1);
    const craft = await t.db.service.findUniqueOrThrow({ where: { externalId: 'IMP-2' }, include: { locations: true } });
    expect(craft.locations[0].locationId).toBe(walk.locations[0].locationId);

    // Same file again: nothing changes.
    const again = await runImport(t.db, file, actor, 'import', NOW);
    expect(again).toMatchObject({
      ok: true,
      summary: { organisations: { created: 0, updated: 0 }, services: { created: 0, updated: 0, unchanged: 2 } },
    });
    // A changed row updates its listing and adds a version.
    const changed = csv([
      { ...base, service_id: 'IMP-1', location_id: 'HALL-1', free: 'no', cost: '£1' },
      {
        ...base,
        service_id: 'IMP-2',
        name: 'Craft Club',
        location_id: 'HALL-1',
        organisation_id: 'ORG-2',
        organisation_name: 'Craft Circle',
        schedules: 'MONTHLY;BYDAY=2TH 19:00-21:00 | 2026-12-05 10:00-13:00 Christmas fair',
      },
    ]);
    const third = await runImport(t.db, changed, actor, 'import', NOW);
    expect(third).toMatchObject({ ok: true, summary: { services: { created: 0, updated: 1, unchanged: 1 } } });
    expect(await t.db.service.count({ where: { externalId: 'IMP-1' } })).toBe(1);
    const updated = await t.db.service.findUniqueOrThrow({
      where: { externalId: 'IMP-1' },
      include: { versions: { orderBy: { number: 'asc' } }, schedules: true },
    });
    expect(updated).toMatchObject({ isFree: false, costDescription: '£1' });
    expect(updated.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(updated.schedules).toHaveLength(2);
  });

  it('does not publish the listings of a group still waiting for approval', async () => {
    const actor = await admin();
    const waiting = await t.db.organisation.create({
      data: { name: 'Not Yet Approved', status: 'pending', externalId: 'ORG-WAIT' },
    });
    const file = csv([{ ...base, service_id: 'WAIT-1', organisation_id: 'ORG-WAIT', organisation_name: 'Not Yet Approved' }]);
    expect(await runImport(t.db, file, actor, 'import', NOW)).toMatchObject({ ok: true });
    expect(await t.db.service.findUniqueOrThrow({ where: { externalId: 'WAIT-1' } })).toMatchObject({
      organisationId: waiting.id,
      published: false,
    });
    // The same file again changes nothing.
    expect(await runImport(t.db, file, actor, 'import', NOW)).toMatchObject({
      ok: true,
      summary: { services: { unchanged: 1 } },
    });
  });

  it('is all or nothing: a failure part-way leaves nothing behind', async () => {
    const actor = await admin();
    const term = await t.db.taxonomyTerm.create({
      data: { taxonomyId: (await t.db.taxonomy.findFirstOrThrow()).id, code: 'short-lived', name: 'Short lived' },
    });
    const file = csv([
      { ...base, service_id: 'AON-1', organisation_id: 'AON-ORG' },
      { ...base, service_id: 'AON-2', organisation_id: 'AON-ORG', needs: 'short-lived' },
    ]);
    // The theme disappears between the check and the write: the write fails on the second row.
    const { checkCsv } = await import('@/lib/import/validate');
    const { importRows } = await import('@/lib/import/apply');
    const { Readable } = await import('node:stream');
    const checked = await checkCsv(t.db, Readable.from([file]));
    expect(checked.totalErrors).toBe(0);
    await t.db.taxonomyTerm.delete({ where: { id: term.id } });
    await expect(t.db.$transaction((tx) => importRows(tx, checked.rows, actor, NOW))).rejects.toThrow();
    expect(await t.db.service.count({ where: { externalId: { in: ['AON-1', 'AON-2'] } } })).toBe(0);
    expect(await t.db.organisation.count({ where: { externalId: 'AON-ORG' } })).toBe(0);
  });

  it('exports the same shape, which imports back without changes', async () => {
    const actor = await admin();
    await runImport(
      t.db,
      csv([{ ...base, service_id: 'EXP-1', organisation_id: 'EXP-ORG', description: 'Line one,\n"quoted" line two' }]),
      actor,
      'import',
      NOW,
    );
    let out = '';
    for await (const chunk of exportCsv(t.db)) out += chunk;
    expect(out.split('\r\n')[0]).toBe(COLUMN_NAMES.join(','));
    expect(out).toContain('"Line one,\n""quoted"" line two"');
    const back = await runImport(t.db, out, actor, 'import', NOW);
    expect(back.ok).toBe(true);
    if (back.ok && back.mode === 'import') {
      expect(back.summary.services.created).toBe(0);
      expect(back.summary.services.updated).toBe(0);
    }
  });
});

describe('values that start like a spreadsheet formula', () => {
  it('are escaped in the export and come back unchanged when it is imported again', async () => {
    const actor = await admin();
    const row: Row = {
      ...base,
      service_id: 'FORMULA-1',
      organisation_id: 'FORMULA-ORG',
      name: '=Walk and talk',
      description: '- Bring boots\n- Tea after',
      eligibility: '@ anyone who can walk a mile',
      cost: '+£1 for tea',
      free: 'no',
      contact_name: "'=Jan",
      notice: '-1+HYPERLINK("http://example.com","Click")',
    };
    const first = await runImport(t.db, csv([row]), actor, 'import', NOW);
    expect(first.ok).toBe(true);
    const stored = await t.db.service.findUniqueOrThrow({ where: { externalId: 'FORMULA-1' } });
    expect(stored).toMatchObject({
      name: '=Walk and talk',
      description: '- Bring boots\n- Tea after',
      eligibility: '@ anyone who can walk a mile',
      costDescription: '+£1 for tea',
      contactName: "'=Jan",
    });

    let out = '';
    for await (const chunk of exportCsv(t.db)) out += chunk;
    const line = out.split('\r\n').find((l) => l.startsWith('FORMULA-1,'))!;
    expect(line).toContain(`,"'=Walk and talk",`);
    expect(line).toContain(`,"''=Jan",`);
    expect(line).toContain(`"'-1+HYPERLINK(""http://example.com"",""Click"")"`);
    expect(out).toContain(`"'- Bring boots\n- Tea after"`);
    // Longitudes west of Greenwich are numbers, written as they are.
    expect(out).not.toMatch(/'-0\./);

    const back = await runImport(t.db, out, actor, 'import', NOW);
    expect(back.ok).toBe(true);
    if (back.ok && back.mode === 'import') expect(back.summary.services).toMatchObject({ created: 0, updated: 0 });
    const again = await t.db.service.findUniqueOrThrow({ where: { externalId: 'FORMULA-1' } });
    expect(again).toMatchObject({
      name: stored.name,
      description: stored.description,
      eligibility: stored.eligibility,
      costDescription: stored.costDescription,
      contactName: stored.contactName,
      alert: stored.alert,
    });
  });
});

describe('reading the upload as a stream', () => {
  it('reads a file that arrives in small pieces, and stops early without hanging on a wrong header', async () => {
    const actor = await admin();
    const file = csv([{ ...base, service_id: 'STREAM-1', organisation_id: 'STREAM-ORG' }]);
    async function* pieces(text: string, size: number) {
      for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
    }
    expect(await runImport(t.db, pieces(file, 7), actor, 'check', NOW)).toMatchObject({ ok: true, rows: 1 });

    // A wrong first line on a large file: reported at once, the rest is not read.
    const big = `name,colour\r\n${'a,b\r\n'.repeat(200_000)}`;
    const started = Date.now();
    const result = await runImport(t.db, pieces(big, 16 * 1024), actor, 'check', NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toContain('Missing: service_id');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('listings with more than one place', () => {
  it('keeps the places the file does not hold', async () => {
    const actor = await admin();
    await runImport(
      t.db,
      csv([{ ...base, service_id: 'MULTI-1', organisation_id: 'MULTI-ORG', location_id: 'MULTI-HALL' }]),
      actor,
      'import',
      NOW,
    );
    const s = await t.db.service.findUniqueOrThrow({ where: { externalId: 'MULTI-1' } });
    const second = await t.db.location.create({
      data: { name: 'Second hall', address1: '2 Park Road', city: 'Eastbrook', postcode: 'EB1 2AB' },
    });
    await t.db.serviceAtLocation.create({ data: { serviceId: s.id, locationId: second.id } });
    const result = await runImport(
      t.db,
      csv([{ ...base, service_id: 'MULTI-1', organisation_id: 'MULTI-ORG', location_id: 'MULTI-HALL', free: 'no', cost: '£3' }]),
      actor,
      'import',
      NOW,
    );
    expect(result).toMatchObject({ ok: true, summary: { services: { updated: 1 } } });
    const links = await t.db.serviceAtLocation.findMany({ where: { serviceId: s.id }, include: { location: true } });
    expect(links).toHaveLength(2);
    expect(links.map((l) => l.location.externalId ?? l.location.name).sort()).toEqual(['MULTI-HALL', 'Second hall']);
  });
});
