import { describe, expect, it } from 'vitest';
import { Forbidden } from '@/lib/auth/permissions';
import { submitProblemReport } from '@/lib/directory/report';
import { saveListing } from '@/lib/listings/save';
import {
  approveChange,
  changeRequestView,
  closeReport,
  listingHistory,
  moderationQueue,
  restoreVersion,
  sendBack,
  versionDiff,
} from '@/lib/moderation';
import { useFreshDatabase } from '../helpers/db';
import { NOW, input, listingWorld } from './listing-fixture';

const t = useFreshDatabase();
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function liveListing() {
  const w = await listingWorld(t.db);
  const created = await t.db.$transaction((tx) => saveListing(tx, w.coordinator, input(w.org.id), null, NOW));
  if (!created.ok) throw new Error('create failed');
  return { w, id: created.serviceId };
}

async function proposeRename(w: Awaited<ReturnType<typeof listingWorld>>, id: string, minutes = 1) {
  const version = (await t.db.service.findUniqueOrThrow({ where: { id } })).version;
  const result = await t.db.$transaction((tx) =>
    saveListing(
      tx,
      w.provider,
      { ...input(w.org.id, { name: 'Tuesday Wander', description: 'A slow walk, then tea and cake.' }), serviceId: id },
      version,
      at(minutes),
    ),
  );
  if (!result.ok || !result.changeRequestId) throw new Error('expected a change request');
  return result.changeRequestId;
}

describe('the moderation queue', () => {
  it('lists new listings, changes and problem reports, oldest first', async () => {
    const { w, id } = await liveListing();
    const newOne = await t.db.$transaction((tx) =>
      saveListing(tx, w.provider, input(w.org.id, { name: 'Craft Club' }), null, at(-60)),
    );
    const change = await proposeRename(w, id, 10);
    const report = await t.db.$transaction((tx) =>
      submitProblemReport(tx, id, { kind: 'times', details: 'It moved to Wednesdays.' }, 'test:queue'),
    );
    if (report.ok && report.id) await t.db.listingChangeRequest.update({ where: { id: report.id }, data: { createdAt: at(20) } });
    const queue = await moderationQueue(t.db);
    const mine = queue.filter((q) => [newOne.ok && newOne.changeRequestId, change, report.ok && report.id].includes(q.id));
    expect(mine.map((q) => q.kind)).toEqual(['new_listing', 'change', 'problem_report']);
    expect(mine[1]).toMatchObject({ serviceName: 'Tuesday Walk', fields: ['name', 'description'] });
    expect(mine[2].summary).toBe('The days or times are wrong: It moved to Wednesdays.');
  });

  it('shows a change field by field: before and after', async () => {
    const { w, id } = await liveListing();
    const requestId = await proposeRename(w, id);
    const view = await changeRequestView(t.db, requestId, NOW);
    expect(view?.rows).toEqual([
      { field: 'name', label: 'Name', before: 'Tuesday Walk', after: 'Tuesday Wander' },
      {
        field: 'description',
        label: 'Description',
        before: 'A gentle walk round the park, then tea.',
        after: 'A slow walk, then tea and cake.',
      },
    ]);
    expect(view?.movedSince).toEqual([]);
  });

  it('shows a new listing’s times in words', async () => {
    const w = await listingWorld(t.db);
    const created = await t.db.$transaction((tx) =>
      saveListing(
        tx,
        w.provider,
        input(w.org.id, {
          schedules: [
            {
              kind: 'weekly',
              days: ['WE'],
              interval: '2',
              nth: '',
              weekday: '',
              monthDay: '',
              date: '',
              startsOn: '2026-11-18',
              endsOn: '',
              opensAt: '14:00',
              closesAt: '16:00',
              note: '',
            },
          ],
        }),
        null,
        NOW,
      ),
    );
    if (!created.ok) throw new Error('create failed');
    const view = await changeRequestView(t.db, created.changeRequestId!, NOW);
    expect(view?.rows.find((r) => r.field === 'schedules')?.after).toBe('Every other Wednesday, 2pm to 4pm');
    expect(view?.rows.find((r) => r.field === 'needs')?.after).toBe('Physical activity');
  });
});

describe('deciding', () => {
  it('approving a change applies it, keeps a version and tells the group', async () => {
    const { w, id } = await liveListing();
    const requestId = await proposeRename(w, id);
    const result = await t.db.$transaction((tx) => approveChange(tx, w.coordinator, requestId, 'Looks good', at(30)));
    expect(result.ok).toBe(true);
    const live = await t.db.service.findUniqueOrThrow({ where: { id } });
    expect(live).toMatchObject({ name: 'Tuesday Wander', description: 'A slow walk, then tea and cake.' });
    expect(await t.db.listingChangeRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: 'approved',
      reviewedById: w.coordinator.id,
      reviewedAt: at(30),
      reviewNote: 'Looks good',
    });
    const history = await listingHistory(t.db, id);
    expect(history[0]).toMatchObject({ number: 2, reason: 'approved', fields: ['name', 'description'] });
    const told = await t.db.notification.findFirstOrThrow({
      where: { recipient: w.provider.email, template: 'listing_change_approved' },
    });
    expect(told.body).toContain('Your changes to Tuesday Wander are now published.');
    // A second decision on the same request is refused.
    expect(await t.db.$transaction((tx) => approveChange(tx, w.coordinator, requestId, null, at(31)))).toEqual({
      ok: false,
      reason: 'already_decided',
    });
  });

  it('approving a new listing publishes it; until then it is not public', async () => {
    const w = await listingWorld(t.db);
    const created = await t.db.$transaction((tx) =>
      saveListing(tx, w.provider, input(w.org.id, { name: 'Seated Yoga' }), null, NOW),
    );
    if (!created.ok) throw new Error('create failed');
    expect((await t.db.service.findUniqueOrThrow({ where: { id: created.serviceId } })).published).toBe(false);
    await t.db.$transaction((tx) => approveChange(tx, w.coordinator, created.changeRequestId!, null, at(5)));
    expect((await t.db.service.findUniqueOrThrow({ where: { id: created.serviceId } })).published).toBe(true);
    expect(await t.db.serviceVersion.count({ where: { serviceId: created.serviceId } })).toBe(1);
  });

  it('sending back changes nothing and sends the coordinator’s message to the group', async () => {
    const { w, id } = await liveListing();
    const requestId = await proposeRename(w, id);
    const result = await t.db.$transaction((tx) =>
      sendBack(tx, w.coordinator, requestId, 'Please say who the walk is for.', at(20)),
    );
    expect(result.ok).toBe(true);
    expect((await t.db.service.findUniqueOrThrow({ where: { id } })).name).toBe('Tuesday Walk');
    expect(await t.db.listingChangeRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: 'sent_back',
      reviewNote: 'Please say who the walk is for.',
    });
    const told = await t.db.notification.findFirstOrThrow({
      where: { recipient: w.provider.email, template: 'listing_change_sent_back' },
    });
    expect(told.body).toContain('Please say who the walk is for.');
    expect(told.body).toContain(`/provider/listings/${id}`);
  });

  it('only coordinators and admins decide', async () => {
    const { w, id } = await liveListing();
    const requestId = await proposeRename(w, id);
    await expect(t.db.$transaction((tx) => approveChange(tx, w.provider, requestId, null, at(5)))).rejects.toBeInstanceOf(
      Forbidden,
    );
  });

  it('a problem report is closed with a note, never “approved”', async () => {
    const { w, id } = await liveListing();
    const report = await t.db.$transaction((tx) =>
      submitProblemReport(tx, id, { kind: 'contact', details: 'Phone number is wrong' }, 'test:close'),
    );
    if (!report.ok || !report.id) throw new Error('report failed');
    expect(await t.db.$transaction((tx) => approveChange(tx, w.coordinator, report.id!, null, at(1)))).toEqual({
      ok: false,
      reason: 'wrong_kind',
    });
    expect(
      (await t.db.$transaction((tx) => closeReport(tx, w.coordinator, report.id!, 'Group updated its number', at(2)))).ok,
    ).toBe(true);
    expect(await t.db.listingChangeRequest.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: 'closed',
      reviewNote: 'Group updated its number',
    });
  });
});

describe('restoring an earlier version', () => {
  it('puts back the earlier values and records the restore as a new version', async () => {
    const { w, id } = await liveListing();
    const requestId = await proposeRename(w, id);
    await t.db.$transaction((tx) => approveChange(tx, w.coordinator, requestId, null, at(10)));
    // A time change published directly, too.
    const version = (await t.db.service.findUniqueOrThrow({ where: { id } })).version;
    await t.db.$transaction((tx) =>
      saveListing(
        tx,
        w.provider,
        {
          ...input(w.org.id, {
            name: 'Tuesday Wander',
            description: 'A slow walk, then tea and cake.',
            schedules: [
              {
                kind: 'monthly',
                days: [],
                interval: '1',
                nth: '2',
                weekday: 'TH',
                monthDay: '',
                date: '',
                startsOn: '',
                endsOn: '',
                opensAt: '19:00',
                closesAt: '21:00',
                note: '',
              },
            ],
          }),
          serviceId: id,
        },
        version,
        at(20),
      ),
    );
    const diff = await versionDiff(t.db, id, 1, at(21));
    expect(diff?.rows.map((r) => r.field)).toEqual(['name', 'description', 'schedules']);
    expect(diff?.rows.find((r) => r.field === 'schedules')).toMatchObject({
      before: 'Second Thursday of the month, 7pm to 9pm',
      after: 'Every Tuesday, 10am to 11:30am',
    });

    const restored = await t.db.$transaction((tx) => restoreVersion(tx, w.coordinator, id, 1, at(30)));
    expect(restored).toMatchObject({ ok: true, number: 4 });
    const live = await t.db.service.findUniqueOrThrow({ where: { id }, include: { schedules: true } });
    expect(live.name).toBe('Tuesday Walk');
    expect(live.schedules.map((s) => [s.freq, s.byDay, s.opensAt])).toEqual([['WEEKLY', ['TU'], '10:00']]);
    const history = await listingHistory(t.db, id);
    expect(history.map((h) => h.reason)).toEqual(['restored', 'edited', 'approved', 'created']);
    expect(history[0]).toMatchObject({ by: w.coordinator.name, fields: ['name', 'description', 'schedules'] });
    expect(await t.db.$transaction((tx) => restoreVersion(tx, w.coordinator, id, 1, at(31)))).toEqual({
      ok: false,
      reason: 'no_change',
    });
  });

  it('restores a partial version from older data, leaving fields it does not hold', async () => {
    const { w, id } = await liveListing();
    await t.db.serviceVersion.create({
      data: { serviceId: id, number: 2, snapshot: { name: 'Old Walk Name', capacityStatus: 'full' }, createdAt: at(1) },
    });
    const restored = await t.db.$transaction((tx) => restoreVersion(tx, w.coordinator, id, 2, at(2)));
    expect(restored).toMatchObject({ ok: true, fields: ['name', 'capacityStatus'] });
    expect(await t.db.service.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: 'Old Walk Name',
      capacityStatus: 'full',
      description: 'A gentle walk round the park, then tea.',
    });
  });
});
