import { addDays, addMonths } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { confirmByLink, freshnessList, listingsDueForNudge, loadCheckPage, nudgeListing, sweepFreshness } from '@/lib/freshness';
import { editorData, providerListings } from '@/lib/listings/editor';
import { saveListing } from '@/lib/listings/save';
import { useFreshDatabase } from '../helpers/db';
import { input, listingWorld } from './listing-fixture';

const t = useFreshDatabase();

/** Each test's listing is checked at its own start time, far from the others', so sweeps see only their own. */
async function listingCheckedAt(checkedAt: Date) {
  const w = await listingWorld(t.db);
  const created = await t.db.$transaction((tx) => saveListing(tx, w.coordinator, input(w.org.id), null, checkedAt));
  if (!created.ok) throw new Error('create failed');
  await t.db.service.update({ where: { id: created.serviceId }, data: { assuredAt: checkedAt, createdAt: checkedAt } });
  return { w, id: created.serviceId };
}

const linksIn = (body: string) => [...body.matchAll(/\/listing-check\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]);
const sweepOnly = async (now: Date, id: string) => {
  const due = await listingsDueForNudge(t.db, now, 1000);
  return due.includes(id);
};

describe('listings not checked for six months', () => {
  it('get an “Is this still right?” e-mail at six months, repeated every four weeks until confirmed', async () => {
    const t0 = new Date('2020-01-06T09:00:00Z');
    const { w, id } = await listingCheckedAt(t0);
    const mails = () =>
      t.db.notification.findMany({
        where: { recipient: w.provider.email, template: 'listing_still_right' },
        orderBy: { createdAt: 'asc' },
      });

    // A day short of six months: nothing.
    expect(await sweepOnly(addDays(addMonths(t0, 6), -1), id)).toBe(false);
    // Six months: due. The sweep sends it to the group's member.
    const sixMonths = addMonths(t0, 6);
    expect(await sweepOnly(sixMonths, id)).toBe(true);
    await t.db.$transaction((tx) => sweepFreshness(tx, sixMonths, 1000));
    let sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe('Is your listing for Tuesday Walk still right?');
    expect(sent[0].body).toContain('was last checked on 6 January 2020');
    expect(sent[0].body).toContain(`/provider/listings/${id}`);
    // The one-click "still right" link, and the reminder shown to the group and to coordinators.
    expect(linksIn(sent[0].body)).toHaveLength(1);
    expect(sent[0].body).toMatch(/confirm it with one click:\n\S+\/listing-check\//);
    expect((await t.db.service.findUniqueOrThrow({ where: { id } })).checkRemindedAt).toEqual(sixMonths);
    const editor = await editorData(t.db, w.provider, id, sixMonths);
    expect(editor?.remindedAt).toEqual(sixMonths);
    const listed = (await providerListings(t.db, w.provider, sixMonths)).flatMap((g) => g.listings).find((l) => l.id === id);
    expect(listed?.remindedAt).toEqual(sixMonths);

    // Not again the next day, nor three weeks later.
    expect(await sweepOnly(addDays(sixMonths, 1), id)).toBe(false);
    expect(await sweepOnly(addDays(sixMonths, 21), id)).toBe(false);
    // Four weeks on, a reminder with a fresh link.
    expect(await sweepOnly(addDays(sixMonths, 28), id)).toBe(true);
    await t.db.$transaction((tx) => sweepFreshness(tx, addDays(sixMonths, 28), 1000));
    sent = await mails();
    expect(sent).toHaveLength(2);

    // The link's page shows the listing without using the link.
    const [first] = linksIn(sent[0].body);
    const [second] = linksIn(sent[1].body);
    const confirmedAt = addDays(sixMonths, 30);
    expect(await loadCheckPage(t.db, second, confirmedAt)).toMatchObject({
      ok: true,
      serviceId: id,
      serviceName: 'Tuesday Walk',
      lastCheckedAt: t0,
    });
    expect(await loadCheckPage(t.db, second, confirmedAt)).toMatchObject({ ok: true });

    // One click confirms: last checked moves to now, by the person the e-mail went to.
    expect(await t.db.$transaction((tx) => confirmByLink(tx, second, confirmedAt))).toMatchObject({ ok: true, serviceId: id });
    const s = await t.db.service.findUniqueOrThrow({ where: { id } });
    expect(s).toMatchObject({ assuredAt: confirmedAt, assurerEmail: w.provider.email, assuredById: w.provider.id });
    // Single use, and the older link stops working too.
    expect(await t.db.$transaction((tx) => confirmByLink(tx, second, confirmedAt))).toEqual({ ok: false });
    expect(await loadCheckPage(t.db, first, confirmedAt)).toEqual({ ok: false });
    expect((await editorData(t.db, w.provider, id, confirmedAt))?.remindedAt).toBeNull();
    // Checked: no more reminders until six months from now.
    expect(await sweepOnly(addDays(confirmedAt, 60), id)).toBe(false);
    expect(await sweepOnly(addMonths(confirmedAt, 6), id)).toBe(true);
  });

  it('a link past its date does not confirm', async () => {
    const t0 = new Date('2019-03-04T09:00:00Z');
    const { w, id } = await listingCheckedAt(t0);
    const now = addMonths(t0, 7);
    await t.db.$transaction((tx) => nudgeListing(tx, w.coordinator, id, now));
    const mail = await t.db.notification.findFirstOrThrow({
      where: { recipient: w.provider.email, template: 'listing_still_right' },
    });
    const [link] = linksIn(mail.body);
    expect(await t.db.$transaction((tx) => confirmByLink(tx, link, addDays(now, 60)))).toEqual({ ok: false });
    expect((await t.db.service.findUniqueOrThrow({ where: { id } })).assuredAt).toEqual(t0);
  });

  it('the coordinator’s list shows stale and soon-stale listings with their last reminder', async () => {
    const now = new Date('2018-06-01T09:00:00Z');
    const fresh = await listingCheckedAt(addMonths(now, -1));
    const soon = await listingCheckedAt(addDays(addMonths(now, -5), -3));
    const stale = await listingCheckedAt(addMonths(now, -8));
    const gone = await listingCheckedAt(addMonths(now, -13));
    await t.db.$transaction((tx) => nudgeListing(tx, stale.w.coordinator, stale.id, addDays(now, -2)));
    const rows = (await freshnessList(t.db, now)).filter((r) => [fresh.id, soon.id, stale.id, gone.id].includes(r.id));
    expect(rows.map((r) => [r.id, r.band])).toEqual([
      [gone.id, 'hidden'],
      [stale.id, 'stale'],
      [soon.id, 'soon'],
    ]);
    expect(rows[1].lastNudgedAt).toEqual(addDays(now, -2));
    expect(rows[0].lastNudgedAt).toBeNull();
  });
});
