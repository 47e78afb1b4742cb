import { describe, expect, it } from 'vitest';
import { Forbidden } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { editorData } from '@/lib/listings/editor';
import { blankListing, capacityUntouched, parseListing, type ListingValues } from '@/lib/listings/schema';
import { loadListing, snapshotOf } from '@/lib/listings/snapshot';
import { DRAFT_TOO_LATE, saveListing, setCapacity } from '@/lib/listings/save';
import { approveChange } from '@/lib/moderation';
import { decideOrganisation } from '@/lib/organisations';
import { useFreshDatabase } from '../helpers/db';
import { NOW, input, listingWorld } from './listing-fixture';

const t = useFreshDatabase();
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function publishedListing() {
  const w = await listingWorld(t.db);
  const created = await t.db.$transaction((tx) => saveListing(tx, w.provider, input(w.org.id), null, NOW));
  if (!created.ok) throw new Error('create failed');
  await t.db.$transaction((tx) => approveChange(tx, w.coordinator, created.changeRequestId!, null, NOW));
  const service = await t.db.service.findUniqueOrThrow({ where: { id: created.serviceId } });
  return { w, id: created.serviceId, version: service.version };
}

describe('drafts', () => {
  const nameOnly = (organisationId: string) => {
    const parsed = parseListing({ ...blankListing(organisationId), cost: '', name: 'Knit and Natter' }, { draft: true });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    return parsed.data;
  };

  it('a provider saves a new listing as a draft: nothing is published or sent until they send it', async () => {
    const w = await listingWorld(t.db);
    const drafted = await t.db.$transaction((tx) => saveListing(tx, w.provider, nameOnly(w.org.id), null, NOW, { draft: true }));
    expect(drafted).toMatchObject({ ok: true, created: true, drafted: true, awaitingApproval: false, changeRequestId: null });
    if (!drafted.ok) return;
    expect(await t.db.service.findUniqueOrThrow({ where: { id: drafted.serviceId } })).toMatchObject({
      published: false,
      name: 'Knit and Natter',
    });
    expect(await t.db.listingChangeRequest.count({ where: { serviceId: drafted.serviceId } })).toBe(0);

    // Saved again as a draft, then finished and sent for checking.
    const again = await t.db.$transaction((tx) =>
      saveListing(tx, w.provider, { ...nameOnly(w.org.id), serviceId: drafted.serviceId }, 1, later(1), { draft: true }),
    );
    expect(again).toMatchObject({ ok: true, drafted: true });
    const version = (await t.db.service.findUniqueOrThrow({ where: { id: drafted.serviceId } })).version;
    const sent = await t.db.$transaction((tx) =>
      saveListing(
        tx,
        w.provider,
        { ...input(w.org.id, { name: 'Knit and Natter' }), serviceId: drafted.serviceId },
        version,
        later(2),
      ),
    );
    expect(sent).toMatchObject({ ok: true, drafted: false, awaitingApproval: true });
    expect(
      await t.db.listingChangeRequest.count({ where: { serviceId: drafted.serviceId, kind: 'new_listing', status: 'pending' } }),
    ).toBe(1);

    // Once sent, it cannot go back to being a draft.
    const after = (await t.db.service.findUniqueOrThrow({ where: { id: drafted.serviceId } })).version;
    expect(
      await t.db.$transaction((tx) =>
        saveListing(tx, w.provider, { ...nameOnly(w.org.id), serviceId: drafted.serviceId }, after, later(3), { draft: true }),
      ),
    ).toEqual({ ok: false, reason: 'invalid', errors: { name: [DRAFT_TOO_LATE] } });
  });

  it('a coordinator’s draft stays unpublished until they publish it', async () => {
    const w = await listingWorld(t.db);
    const drafted = await t.db.$transaction((tx) =>
      saveListing(tx, w.coordinator, nameOnly(w.org.id), null, NOW, { draft: true }),
    );
    expect(drafted).toMatchObject({ ok: true, drafted: true, wentLive: false });
    if (!drafted.ok) return;
    expect((await t.db.service.findUniqueOrThrow({ where: { id: drafted.serviceId } })).published).toBe(false);
    const published = await t.db.$transaction((tx) =>
      saveListing(tx, w.coordinator, { ...input(w.org.id), serviceId: drafted.serviceId }, 1, later(1)),
    );
    expect(published).toMatchObject({ ok: true, wentLive: true, awaitingApproval: false });
    expect((await t.db.service.findUniqueOrThrow({ where: { id: drafted.serviceId } })).published).toBe(true);
    const history = await t.db.serviceVersion.findMany({ where: { serviceId: drafted.serviceId } });
    expect(history.map((v) => (v.snapshot as { reason: string }).reason)).toEqual(['created']);
  });
});

describe('creating a listing', () => {
  it('a provider’s new listing waits, unpublished, for a coordinator', async () => {
    const w = await listingWorld(t.db);
    const result = await t.db.$transaction((tx) => saveListing(tx, w.provider, input(w.org.id), null, NOW));
    expect(result).toMatchObject({ ok: true, created: true, awaitingApproval: true });
    if (!result.ok) return;
    const service = await t.db.service.findUniqueOrThrow({
      where: { id: result.serviceId },
      include: { schedules: true, locations: { include: { location: true } }, taxonomyTerms: true },
    });
    expect(service).toMatchObject({
      published: false,
      name: 'Tuesday Walk',
      isFree: true,
      assuredAt: NOW,
      assurerEmail: w.provider.email,
    });
    expect(service.schedules).toHaveLength(1);
    expect(service.schedules[0]).toMatchObject({
      freq: 'WEEKLY',
      interval: 1,
      byDay: ['TU'],
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      opensAt: '10:00',
      closesAt: '11:30',
      timezone: 'Europe/London',
    });
    // The postcode look-up filled in the coordinates.
    expect(service.locations[0].location).toMatchObject({
      postcode: 'EB1 2AB',
      latitude: 51.4,
      longitude: -0.7,
      accessibility: ['step_free'],
    });
    const request = await t.db.listingChangeRequest.findUniqueOrThrow({ where: { id: result.changeRequestId! } });
    expect(request).toMatchObject({
      kind: 'new_listing',
      status: 'pending',
      serviceId: result.serviceId,
      submittedById: w.provider.id,
    });
    expect(await t.db.serviceVersion.count({ where: { serviceId: result.serviceId } })).toBe(0);
  });

  it('a coordinator’s new listing is published at once with its first version', async () => {
    const w = await listingWorld(t.db);
    const result = await t.db.$transaction((tx) => saveListing(tx, w.coordinator, input(w.org.id), null, NOW));
    expect(result).toMatchObject({ ok: true, awaitingApproval: false });
    if (!result.ok) return;
    expect((await t.db.service.findUniqueOrThrow({ where: { id: result.serviceId } })).published).toBe(true);
    const versions = await t.db.serviceVersion.findMany({ where: { serviceId: result.serviceId } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, createdById: w.coordinator.id, createdAt: NOW });
    expect(versions[0].snapshot).toMatchObject({ name: 'Tuesday Walk', needs: ['physical-activity'], reason: 'created' });
  });

  it('refuses a provider who is not a member of the group', async () => {
    const w = await listingWorld(t.db);
    await expect(t.db.$transaction((tx) => saveListing(tx, w.otherProvider, input(w.org.id), null, NOW))).rejects.toBeInstanceOf(
      Forbidden,
    );
    expect(await t.db.service.count({ where: { organisationId: w.org.id } })).toBe(0);
  });

  it('stores the text as written, even when it looks like markup (pages show it as text)', async () => {
    const w = await listingWorld(t.db);
    const result = await t.db.$transaction((tx) =>
      saveListing(
        tx,
        w.coordinator,
        input(w.org.id, {
          name: 'Walk & talk <under 16s with an adult>',
          description: 'Hello <script>alert(1)</script>world\r\nBring water.',
        }),
        null,
        NOW,
      ),
    );
    if (!result.ok) throw new Error('save failed');
    const s = await t.db.service.findUniqueOrThrow({ where: { id: result.serviceId } });
    expect(s.name).toBe('Walk & talk <under 16s with an adult>');
    expect(s.description).toBe('Hello <script>alert(1)</script>world\nBring water.');
  });
});

describe('editing a published listing', () => {
  it('publishes times, cost and capacity at once, with a version saying who and when', async () => {
    const { w, id, version } = await publishedListing();
    const edited = input(w.org.id, {
      cost: 'paid',
      costDescription: '£1 for tea',
      capacityStatus: 'waiting_list',
      schedules: [
        {
          kind: 'weekly',
          days: ['WE'],
          interval: '2',
          nth: '',
          weekday: '',
          monthDay: '',
          date: '',
          startsOn: '2026-11-25',
          endsOn: '',
          opensAt: '14:00',
          closesAt: '16:00',
          note: '',
        },
      ],
    });
    const result = await t.db.$transaction((tx) => saveListing(tx, w.provider, { ...edited, serviceId: id }, version, later(5)));
    expect(result).toMatchObject({ ok: true, pending: [], changeRequestId: null });
    if (!result.ok) return;
    expect(result.published.sort()).toEqual(['capacityStatus', 'costDescription', 'isFree', 'schedules']);
    const live = await t.db.service.findUniqueOrThrow({ where: { id }, include: { schedules: true } });
    expect(live).toMatchObject({
      isFree: false,
      costDescription: '£1 for tea',
      capacityStatus: 'waiting_list',
      version: version + 1,
    });
    expect(live.schedules[0]).toMatchObject({
      freq: 'WEEKLY',
      interval: 2,
      byDay: ['WE'],
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
    });
    const latest = await t.db.serviceVersion.findFirstOrThrow({ where: { serviceId: id }, orderBy: { number: 'desc' } });
    expect(latest).toMatchObject({ createdById: w.provider.id, createdAt: later(5) });
    expect(latest.snapshot).toMatchObject({ costDescription: '£1 for tea', reason: 'edited' });
  });

  it('holds a change of name, description, needs or contact for a coordinator, field by field', async () => {
    const { w, id, version } = await publishedListing();
    const edited = input(w.org.id, {
      name: 'Tuesday Wander',
      needs: ['loneliness', 'physical-activity'],
      phone: '01632 960 123',
      capacityStatus: 'full',
    });
    const result = await t.db.$transaction((tx) => saveListing(tx, w.provider, { ...edited, serviceId: id }, version, later(5)));
    expect(result).toMatchObject({ ok: true, published: ['capacityStatus'] });
    if (!result.ok) return;
    expect(result.pending).toEqual(['name', 'phone', 'needs']);
    const live = await t.db.service.findUniqueOrThrow({ where: { id } });
    expect(live).toMatchObject({ name: 'Tuesday Walk', phone: null, capacityStatus: 'full' });
    const request = await t.db.listingChangeRequest.findUniqueOrThrow({ where: { id: result.changeRequestId! } });
    expect(request).toMatchObject({
      kind: 'change',
      status: 'pending',
      previous: { name: 'Tuesday Walk', phone: null, needs: ['physical-activity'] },
      proposed: { name: 'Tuesday Wander', phone: '01632 960 123', needs: ['loneliness', 'physical-activity'] },
    });
  });

  it('a contact stored in another spelling (as imported) is not a change to check', async () => {
    const { w, id, version } = await publishedListing();
    await t.db.service.update({ where: { id }, data: { url: 'https://walks.example.org', email: 'Walks@Example.org' } });
    const edited = input(w.org.id, { url: 'walks.example.org', email: 'walks@example.org', capacityStatus: 'full' });
    const result = await t.db.$transaction((tx) => saveListing(tx, w.provider, { ...edited, serviceId: id }, version, later(5)));
    expect(result).toMatchObject({ ok: true, published: ['capacityStatus'], pending: [], changeRequestId: null });
  });

  it('a second save replaces the change still waiting rather than stacking another', async () => {
    const { w, id, version } = await publishedListing();
    const first = await t.db.$transaction((tx) =>
      saveListing(tx, w.provider, { ...input(w.org.id, { name: 'Walk One' }), serviceId: id }, version, later(1)),
    );
    if (!first.ok) throw new Error('save failed');
    const second = await t.db.$transaction((tx) =>
      saveListing(
        tx,
        w.provider,
        { ...input(w.org.id, { name: 'Walk One', description: 'New words.' }), serviceId: id },
        first.version,
        later(2),
      ),
    );
    if (!second.ok) throw new Error('save failed');
    const requests = await t.db.listingChangeRequest.findMany({
      where: { serviceId: id, kind: 'change' },
      orderBy: { createdAt: 'asc' },
    });
    expect(requests.map((r) => r.status)).toEqual(['closed', 'pending']);
    expect(requests[1].proposed).toEqual({ name: 'Walk One', description: 'New words.' });
  });

  it('any change to a published listing of a group not yet approved waits for a coordinator', async () => {
    const w = await listingWorld(t.db);
    // Published before groups had to be approved first (the service no longer makes these).
    const created = await t.db.$transaction((tx) => saveListing(tx, w.coordinator, input(w.org.id), null, NOW));
    if (!created.ok) throw new Error('create failed');
    await t.db.service.update({ where: { id: created.serviceId }, data: { organisationId: w.newOrg.id } });
    const result = await t.db.$transaction((tx) =>
      saveListing(
        tx,
        w.newProvider,
        { ...input(w.newOrg.id, { costDescription: '£3', cost: 'paid' }), serviceId: created.serviceId },
        1,
        later(1),
      ),
    );
    expect(result).toMatchObject({ ok: true, published: [] });
    if (result.ok) expect(result.pending.sort()).toEqual(['costDescription', 'isFree']);
  });

  it('a listing of a group not yet approved is not published, even by a coordinator, until the group is approved', async () => {
    const w = await listingWorld(t.db);
    const created = await t.db.$transaction((tx) => saveListing(tx, w.coordinator, input(w.newOrg.id), null, NOW));
    expect(created).toMatchObject({ ok: true, created: true, awaitingApproval: true, published: [] });
    if (!created.ok || !created.changeRequestId) throw new Error('expected the listing to wait for a check');
    expect((await t.db.service.findUniqueOrThrow({ where: { id: created.serviceId } })).published).toBe(false);

    expect(await t.db.$transaction((tx) => approveChange(tx, w.coordinator, created.changeRequestId!, null, later(1)))).toEqual({
      ok: false,
      reason: 'group_not_approved',
    });
    expect((await t.db.service.findUniqueOrThrow({ where: { id: created.serviceId } })).published).toBe(false);
    expect((await t.db.listingChangeRequest.findUniqueOrThrow({ where: { id: created.changeRequestId } })).status).toBe(
      'pending',
    );

    await t.db.$transaction((tx) =>
      decideOrganisation(tx, w.coordinator, w.newOrg.id, { approve: true, verified: true, note: null }, later(2)),
    );
    expect(
      await t.db.$transaction((tx) => approveChange(tx, w.coordinator, created.changeRequestId!, null, later(3))),
    ).toMatchObject({
      ok: true,
    });
    expect((await t.db.service.findUniqueOrThrow({ where: { id: created.serviceId } })).published).toBe(true);
  });

  it('refuses a save based on an older version: a conflict, not a silent overwrite', async () => {
    const { w, id, version } = await publishedListing();
    const mine = await t.db.$transaction((tx) =>
      saveListing(
        tx,
        w.provider,
        { ...input(w.org.id, { costDescription: '£2', cost: 'paid' }), serviceId: id },
        version,
        later(1),
      ),
    );
    expect(mine.ok).toBe(true);
    const theirs = await t.db.$transaction((tx) =>
      saveListing(tx, w.coordinator, { ...input(w.org.id, { capacityStatus: 'full' }), serviceId: id }, version, later(2)),
    );
    expect(theirs).toMatchObject({ ok: false, reason: 'conflict', currentVersion: version + 1 });
    if (!theirs.ok && theirs.reason === 'conflict') {
      expect(theirs.current.costDescription).toBe('£2');
      expect(theirs.differs).toEqual(expect.arrayContaining(['isFree', 'costDescription', 'capacityStatus']));
    }
    const live = await t.db.service.findUniqueOrThrow({ where: { id } });
    expect(live).toMatchObject({ costDescription: '£2', capacityStatus: 'open' });
  });

  it('two saves at the same moment from the same version: one wins, the other is told', async () => {
    const { w, id, version } = await publishedListing();
    const results = await Promise.all([
      t.db.$transaction((tx) =>
        saveListing(
          tx,
          w.provider,
          { ...input(w.org.id, { alert: 'No session on 1 December' }), serviceId: id },
          version,
          later(1),
        ),
      ),
      t.db.$transaction((tx) =>
        saveListing(tx, w.coordinator, { ...input(w.org.id, { alert: 'Back in the hall' }), serviceId: id }, version, later(1)),
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(1);
  });
});

describe('capacity in one tap', () => {
  it('marks a listing full and back to open with spaces, each a version', async () => {
    const { w, id } = await publishedListing();
    expect(await t.db.$transaction((tx) => setCapacity(tx, w.provider, id, 'full', 3, later(1)))).toMatchObject({ ok: true });
    expect(await t.db.service.findUniqueOrThrow({ where: { id } })).toMatchObject({
      capacityStatus: 'full',
      capacitySpaces: null,
    });
    await t.db.$transaction((tx) => setCapacity(tx, w.provider, id, 'open', 4, later(2)));
    const live = await loadListing(t.db, id);
    expect(snapshotOf(live!)).toMatchObject({ capacityStatus: 'open', capacitySpaces: 4 });
    const versions = await t.db.serviceVersion.findMany({ where: { serviceId: id }, orderBy: { number: 'asc' } });
    expect(versions.map((v) => (v.snapshot as { reason: string }).reason)).toEqual(['approved', 'capacity', 'capacity']);
    await expect(t.db.$transaction((tx) => setCapacity(tx, w.otherProvider, id, 'full', null, later(3)))).rejects.toBeInstanceOf(
      Forbidden,
    );
  });

  /** The editor as the person opened it: its values and the version they were read at. */
  async function openEditor(user: SessionUser, id: string) {
    const data = await editorData(t.db, user, id, NOW);
    if (!data) throw new Error('no editor');
    return { values: data.values, version: data.version };
  }

  async function saveForm(user: SessionUser, id: string, form: { values: ListingValues; version: number }, minutes: number) {
    const parsed = parseListing(form.values);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    return t.db.$transaction((tx) =>
      saveListing(tx, user, { ...parsed.data, serviceId: id }, form.version, later(minutes), {
        keepStoredCapacity: capacityUntouched(form.values),
      }),
    );
  }

  it('a person’s own tap is never a conflict with their open form, and saving the form does not undo it', async () => {
    const { w, id } = await publishedListing();
    const form = await openEditor(w.provider, id);
    await t.db.$transaction((tx) => setCapacity(tx, w.provider, id, 'full', null, later(1)));
    await t.db.$transaction((tx) => setCapacity(tx, w.provider, id, 'waiting_list', null, later(2)));
    const saved = await saveForm(w.provider, id, { ...form, values: { ...form.values, alert: 'Bring water' } }, 3);
    expect(saved).toMatchObject({ ok: true });
    expect(await t.db.service.findUniqueOrThrow({ where: { id } })).toMatchObject({
      capacityStatus: 'waiting_list',
      alert: 'Bring water',
    });
  });

  it('the space chosen in the form itself still counts', async () => {
    const { w, id } = await publishedListing();
    const form = await openEditor(w.provider, id);
    const saved = await saveForm(w.provider, id, { ...form, values: { ...form.values, capacityStatus: 'full' } }, 1);
    expect(saved).toMatchObject({ ok: true });
    expect((await t.db.service.findUniqueOrThrow({ where: { id } })).capacityStatus).toBe('full');
  });

  it('someone else’s change since the form opened is still a conflict, even after the person’s own tap', async () => {
    const { w, id } = await publishedListing();
    const form = await openEditor(w.provider, id);
    await t.db.$transaction((tx) => setCapacity(tx, w.coordinator, id, 'full', null, later(1)));
    expect(await saveForm(w.provider, id, form, 2)).toMatchObject({ ok: false, reason: 'conflict' });

    const again = await openEditor(w.provider, id);
    await t.db.$transaction((tx) => setCapacity(tx, w.provider, id, 'open', 2, later(3)));
    await t.db.$transaction((tx) => setCapacity(tx, w.coordinator, id, 'waiting_list', null, later(4)));
    await t.db.$transaction((tx) => setCapacity(tx, w.provider, id, 'full', null, later(5)));
    expect(await saveForm(w.provider, id, again, 6)).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await t.db.service.findUniqueOrThrow({ where: { id } })).capacityStatus).toBe('full');
  });
});
