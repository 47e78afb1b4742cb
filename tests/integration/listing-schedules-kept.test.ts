// A listing whose times arrived some other way (an import, another system) may hold rules the
// editor's questions cannot express. Saving the listing from the editor must keep them exactly as
// they are, unless the provider chooses to replace one.
import { describe, expect, it } from 'vitest';
import { editorData, replaceKeptSchedule, withKeptSchedules } from '@/lib/listings/editor';
import { parseListing, type ListingValues } from '@/lib/listings/schema';
import { KEPT_MISSING, saveListing } from '@/lib/listings/save';
import { loadListing, snapshotOf } from '@/lib/listings/snapshot';
import { approveChange } from '@/lib/moderation';
import { useFreshDatabase } from '../helpers/db';
import { NOW, input, listingWorld } from './listing-fixture';

const t = useFreshDatabase();
const LATER = new Date(NOW.getTime() + 60_000);
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A published listing whose schedules were written straight to the database, as an import would. */
async function importedListing() {
  const w = await listingWorld(t.db);
  const created = await t.db.$transaction((tx) => saveListing(tx, w.provider, input(w.org.id), null, NOW));
  if (!created.ok) throw new Error('create failed');
  await t.db.$transaction((tx) => approveChange(tx, w.coordinator, created.changeRequestId!, null, NOW));
  const id = created.serviceId;
  await t.db.schedule.deleteMany({ where: { serviceId: id } });
  const common = { serviceId: id, timezone: 'Europe/London', dtstart: date('2026-01-05'), validFrom: date('2026-01-05') };
  await t.db.schedule.createMany({
    data: [
      // The editor can ask for this one.
      {
        ...common,
        freq: 'WEEKLY',
        interval: 1,
        byDay: ['TU'],
        rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU',
        opensAt: '10:00',
        closesAt: '11:30',
      },
      // Several weeks of the month: the form has one.
      {
        ...common,
        freq: 'MONTHLY',
        interval: 1,
        byDay: ['1TU', '3TU'],
        rrule: 'FREQ=MONTHLY;BYDAY=1TU,3TU',
        opensAt: '14:00',
        closesAt: '16:00',
      },
      // BYSETPOS: the last weekday of the month.
      {
        ...common,
        freq: 'MONTHLY',
        interval: 1,
        byDay: ['MO', 'TU', 'WE', 'TH', 'FR'],
        rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
        opensAt: '18:00',
        closesAt: '19:00',
      },
      // Two rules and an exception.
      {
        ...common,
        freq: 'WEEKLY',
        interval: 1,
        byDay: [],
        rrule: 'RRULE:FREQ=WEEKLY;BYDAY=SA\nRRULE:FREQ=MONTHLY;BYDAY=-1SU\nEXDATE;VALUE=DATE:20261226',
        opensAt: '09:00',
        closesAt: '10:00',
        description: 'Winter timetable',
      },
    ],
  });
  const version = (await t.db.service.findUniqueOrThrow({ where: { id } })).version;
  return { w, id, version };
}

async function storedSchedules(id: string) {
  return snapshotOf((await loadListing(t.db, id))!).schedules;
}

/** The editor's form, changed by the person, posted back and parsed as the action does. */
async function submit(values: ListingValues) {
  const parsed = parseListing(values);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}

describe('schedules the editor cannot express', () => {
  it('are shown in words and kept exactly as they are when the listing is saved', async () => {
    const { w, id, version } = await importedListing();
    const before = await storedSchedules(id);
    const data = await editorData(t.db, w.provider, id, NOW);
    if (!data) throw new Error('no editor');
    const slots = data.values.schedules;
    expect(slots.map((s) => s.kind).sort()).toEqual(['keep', 'keep', 'keep', 'weekly']);
    expect(slots.find((s) => s.kind === 'weekly')).toMatchObject({ days: ['TU'], opensAt: '10:00', closesAt: '11:30' });
    expect(slots.filter((s) => s.kind === 'keep').map((s) => s.kept?.text)).toEqual(
      expect.arrayContaining([
        'First and third Tuesday of the month, 2pm to 4pm',
        'Last weekday of the month, 6pm to 7pm',
        'Every Saturday, and last Sunday of the month, 9am to 10am, except 26 December 2026 (Winter timetable)',
      ]),
    );

    // The provider changes something else (the notice) and saves.
    const saved = await t.db.$transaction(async (tx) =>
      saveListing(
        tx,
        w.provider,
        { ...(await submit({ ...data.values, alert: 'Bring a torch' })), serviceId: id },
        version,
        LATER,
      ),
    );
    expect(saved).toMatchObject({ ok: true, published: ['alert'], pending: [] });
    const after = await storedSchedules(id);
    expect(after).toEqual(before);
    // The rule texts survive to the letter.
    expect((await t.db.schedule.findMany({ where: { serviceId: id } })).map((s) => s.rrule).sort()).toEqual(
      [
        'FREQ=MONTHLY;BYDAY=1TU,3TU',
        'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
        'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU',
        'RRULE:FREQ=WEEKLY;BYDAY=SA\nRRULE:FREQ=MONTHLY;BYDAY=-1SU\nEXDATE;VALUE=DATE:20261226',
      ].sort(),
    );
  });

  it('a kept time posted back by the form is shown again from the listing as stored', async () => {
    const { w, id } = await importedListing();
    const data = (await editorData(t.db, w.provider, id, NOW))!;
    // What the browser posts for a kept slot: its kind and identity, nothing to show.
    const posted = {
      ...data.values,
      schedules: data.values.schedules.map((s) => (s.kind === 'keep' ? { ...s, kept: undefined } : s)),
    };
    const shown = await withKeptSchedules(t.db, w.provider, id, posted, NOW);
    expect(shown.schedules.map((s) => s.kept?.text ?? null)).toEqual(data.values.schedules.map((s) => s.kept?.text ?? null));
    // Someone without access to the listing sees nothing of it.
    const stranger = await withKeptSchedules(t.db, w.otherProvider, id, posted, NOW);
    expect(stranger.schedules.filter((s) => s.kind === 'keep').every((s) => s.kept === null)).toBe(true);
  });

  it('are replaced only when the provider chooses to, and then by what the form says', async () => {
    const { w, id, version } = await importedListing();
    const data = (await editorData(t.db, w.provider, id, NOW))!;
    const i = data.values.schedules.findIndex((s) => s.kept?.text.startsWith('First and third Tuesday'));
    const replaced = await replaceKeptSchedule(t.db, w.provider, id, data.values.schedules[i], NOW);
    expect(replaced).toMatchObject({
      kind: 'monthly',
      nth: '1',
      weekday: 'TU',
      replaces: 'First and third Tuesday of the month, 2pm to 4pm',
    });
    const values = { ...data.values, schedules: data.values.schedules.map((s, j) => (j === i ? replaced! : s)) };
    const saved = await t.db.$transaction(async (tx) =>
      saveListing(tx, w.provider, { ...(await submit(values)), serviceId: id }, version, LATER),
    );
    expect(saved).toMatchObject({ ok: true, published: ['schedules'] });
    const after = await storedSchedules(id);
    expect(after).toHaveLength(4);
    expect(after.find((s) => s.opensAt === '14:00')).toMatchObject({
      freq: 'MONTHLY',
      byDay: ['1TU'],
      rrule: 'FREQ=MONTHLY;BYDAY=1TU',
    });
    // The others are untouched.
    expect(after.filter((s) => s.rrule?.includes('BYSETPOS') || s.rrule?.includes('EXDATE'))).toHaveLength(2);
  });

  it('a kept time that has changed meanwhile is a conflict, or a message on the slot, never a silent loss', async () => {
    const { w, id, version } = await importedListing();
    const data = (await editorData(t.db, w.provider, id, NOW))!;
    const form = await submit(data.values);
    // A coordinator changes a kept rule meanwhile.
    await t.db.schedule.updateMany({
      where: { serviceId: id, rrule: 'FREQ=MONTHLY;BYDAY=1TU,3TU' },
      data: { rrule: 'FREQ=MONTHLY;BYDAY=1TU,3TU,5TU', byDay: ['1TU', '3TU', '5TU'] },
    });
    await t.db.service.update({ where: { id }, data: { version: { increment: 1 } } });
    const conflict = await t.db.$transaction((tx) => saveListing(tx, w.provider, { ...form, serviceId: id }, version, LATER));
    expect(conflict).toMatchObject({ ok: false, reason: 'conflict' });
    // Saving again on purpose with the new version: the slot that no longer exists is named, nothing is written.
    const current = (await t.db.service.findUniqueOrThrow({ where: { id } })).version;
    const slot = data.values.schedules.findIndex((s) => s.kept?.text.startsWith('First and third Tuesday'));
    const refused = await t.db.$transaction((tx) => saveListing(tx, w.provider, { ...form, serviceId: id }, current, LATER));
    expect(refused).toEqual({ ok: false, reason: 'invalid', errors: { [`schedules-${slot}-kind`]: [KEPT_MISSING] } });
    expect((await storedSchedules(id)).find((s) => s.opensAt === '14:00')?.byDay).toEqual(['1TU', '3TU', '5TU']);
  });
});
