import { describe, expect, it } from 'vitest';
import { Forbidden } from '@/lib/auth/permissions';
import { approveChange, changeRequestView, moderationQueue, recentDecisions, sendBack } from '@/lib/moderation';
import {
  organisationEditor,
  parseOrganisation,
  saveOrganisation,
  type OrganisationDetails,
  type OrganisationValues,
} from '@/lib/organisations/details';
import { useFreshDatabase } from '../helpers/db';
import { listingWorld, NOW } from './listing-fixture';

const t = useFreshDatabase();
const LATER = new Date(NOW.getTime() + 60_000);

type World = Awaited<ReturnType<typeof listingWorld>>;

/** The editor's values for a group, changed as a member would change them, and parsed. */
async function edited(w: World, user: World['provider'], organisationId: string, changes: Partial<OrganisationValues>) {
  const editor = await organisationEditor(t.db, user, organisationId);
  if (!editor) throw new Error('no editor');
  const parsed = parseOrganisation({ ...editor.values, ...changes });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return { input: parsed.data, version: editor.version };
}

const save = (user: World['provider'], organisationId: string, input: OrganisationDetails, version: number | null, now = NOW) =>
  t.db.$transaction((tx) => saveOrganisation(tx, user, organisationId, input, version, now));

describe('a group edits its own details', () => {
  it('publishes the registration numbers at once and sends name, description and contact to the queue, field by field', async () => {
    const w = await listingWorld(t.db);
    const before = await t.db.organisation.findUniqueOrThrow({ where: { id: w.org.id } });
    const { input, version } = await edited(w, w.provider, w.org.id, {
      name: 'Eastbrook Walkers and Talkers',
      description: 'Walks <script>alert(1)</script>for everyone.',
      phone: '(01632) 960-123',
      charityNumber: '1234567',
    });
    const result = await save(w.provider, w.org.id, input, version);
    expect(result).toMatchObject({ ok: true, published: ['charityNumber'], pending: ['name', 'description', 'phone'] });
    if (!result.ok) return;

    // Live now: the charity number only.
    const live = await t.db.organisation.findUniqueOrThrow({ where: { id: w.org.id } });
    expect(live).toMatchObject({ name: before.name, description: '', phone: null, charityNumber: '1234567' });
    expect(live.version).toBeGreaterThan(before.version);

    // Waiting: the rest, with each field's value before and after.
    const request = await t.db.listingChangeRequest.findUniqueOrThrow({ where: { id: result.changeRequestId! } });
    expect(request).toMatchObject({
      kind: 'organisation_change',
      serviceId: null,
      organisationId: w.org.id,
      status: 'pending',
      submittedById: w.provider.id,
    });
    expect(request.previous).toEqual({ name: before.name, description: '', phone: null });
    expect(request.proposed).toEqual({
      name: 'Eastbrook Walkers and Talkers',
      description: 'Walks <script>alert(1)</script>for everyone.',
      phone: '01632 960 123',
    });

    const item = (await moderationQueue(t.db)).find((q) => q.id === request.id);
    expect(item).toMatchObject({
      kind: 'organisation_change',
      serviceName: before.name,
      fieldLabels: ['Name of the group', 'About the group', 'Phone number'],
    });
    const view = await changeRequestView(t.db, request.id, NOW);
    expect(view?.organisation).toMatchObject({ id: w.org.id, name: before.name });
    expect(view?.rows).toEqual([
      { field: 'name', label: 'Name of the group', before: before.name, after: 'Eastbrook Walkers and Talkers' },
      {
        field: 'description',
        label: 'About the group',
        before: 'Not given',
        after: 'Walks <script>alert(1)</script>for everyone.',
      },
      { field: 'phone', label: 'Phone number', before: 'Not given', after: '01632 960 123' },
    ]);
    expect(view?.movedSince).toEqual([]);

    // The editor shows the waiting change laid over the live details.
    const editor = await organisationEditor(t.db, w.provider, w.org.id);
    expect(editor?.values).toMatchObject({
      name: 'Eastbrook Walkers and Talkers',
      phone: '01632 960 123',
      charityNumber: '1234567',
    });
    expect(editor?.pending?.fields).toEqual(['name', 'description', 'phone']);

    // The coordinator approves: the change is applied and the member is told.
    expect(await t.db.$transaction((tx) => approveChange(tx, w.coordinator, request.id, 'Lovely.', LATER))).toMatchObject({
      ok: true,
    });
    expect(await t.db.organisation.findUniqueOrThrow({ where: { id: w.org.id } })).toMatchObject({
      name: 'Eastbrook Walkers and Talkers',
      description: 'Walks <script>alert(1)</script>for everyone.',
      phone: '01632 960 123',
      charityNumber: '1234567',
    });
    const mail = await t.db.notification.findFirstOrThrow({
      where: { recipient: w.provider.email, template: 'group_details_approved' },
    });
    expect(mail.body).toContain('A coordinator added: Lovely.');
    expect((await recentDecisions(t.db)).find((r) => r.id === request.id)).toMatchObject({
      kind: 'organisation_change',
      serviceName: 'Eastbrook Walkers and Talkers',
      status: 'approved',
    });
    expect(await t.db.auditEvent.count({ where: { action: 'organisation.details_saved', entityId: w.org.id } })).toBe(1);
    expect((await organisationEditor(t.db, w.provider, w.org.id))?.pending).toBeNull();
  });

  it('a coordinator can send a change back with a message, and the group sees it', async () => {
    const w = await listingWorld(t.db);
    const { input, version } = await edited(w, w.provider, w.org.id, { email: 'new-address@example.org' });
    const result = await save(w.provider, w.org.id, input, version);
    if (!result.ok || !result.changeRequestId) throw new Error('save failed');
    expect(
      await t.db.$transaction((tx) =>
        sendBack(tx, w.coordinator, result.changeRequestId!, 'Is this address checked by someone?', LATER),
      ),
    ).toEqual({ ok: true });
    expect((await t.db.organisation.findUniqueOrThrow({ where: { id: w.org.id } })).email).toBe(w.org.email);
    const mail = await t.db.notification.findFirstOrThrow({
      where: { recipient: w.provider.email, template: 'group_details_sent_back' },
    });
    expect(mail.body).toContain('Is this address checked by someone?');
    expect(mail.body).toContain('/provider/organisation');
    const editor = await organisationEditor(t.db, w.provider, w.org.id);
    expect(editor?.sentBack?.note).toBe('Is this address checked by someone?');
    expect(editor?.values.email).toBe(w.org.email);
  });

  it('a stored value in another spelling (an imported web address, say) is not a change', async () => {
    const w = await listingWorld(t.db);
    await t.db.organisation.update({
      where: { id: w.org.id },
      data: { website: 'https://walkers.example.org', phone: '01632960123', email: 'Hello@Walkers.example.org' },
    });
    const { input, version } = await edited(w, w.provider, w.org.id, { companyNumber: '01234567' });
    expect(input).toMatchObject({ website: 'https://walkers.example.org/', email: 'hello@walkers.example.org' });
    expect(await save(w.provider, w.org.id, input, version)).toMatchObject({
      ok: true,
      published: ['companyNumber'],
      pending: [],
      changeRequestId: null,
    });
  });

  it('saving again replaces the waiting change instead of stacking another', async () => {
    const w = await listingWorld(t.db);
    const first = await edited(w, w.provider, w.org.id, { description: 'First try' });
    const one = await save(w.provider, w.org.id, first.input, first.version);
    const second = await edited(w, w.provider, w.org.id, { description: 'Second try' });
    const two = await save(w.provider, w.org.id, second.input, second.version, LATER);
    if (!one.ok || !two.ok) throw new Error('save failed');
    const requests = await t.db.listingChangeRequest.findMany({
      where: { organisationId: w.org.id, kind: 'organisation_change' },
      orderBy: { createdAt: 'asc' },
    });
    expect(requests.map((r) => r.status)).toEqual(['closed', 'pending']);
    expect(requests[1].proposed).toEqual({ description: 'Second try' });
  });

  it('a second editor working from an older version gets a conflict, not a silent overwrite', async () => {
    const w = await listingWorld(t.db);
    const colleague = await t.db.user.create({
      data: { email: `colleague-${w.org.id}@example.org`, name: 'Colleague', passwordHash: 'x', role: 'provider' },
    });
    await t.db.organisationMember.create({ data: { organisationId: w.org.id, userId: colleague.id, role: 'member' } });
    const colleagueUser = {
      id: colleague.id,
      name: colleague.name,
      email: colleague.email,
      role: 'provider' as const,
      teamId: null,
      organisationIds: [w.org.id],
    };

    const mine = await edited(w, w.provider, w.org.id, { charityNumber: '1111111' });
    const theirs = await edited(w, colleagueUser, w.org.id, { charityNumber: '2222222', companyNumber: 'AB123456' });
    expect(await save(colleagueUser, w.org.id, theirs.input, theirs.version)).toMatchObject({
      ok: true,
      published: ['charityNumber', 'companyNumber'],
    });

    const conflict = await save(w.provider, w.org.id, mine.input, mine.version, LATER);
    expect(conflict).toMatchObject({ ok: false, reason: 'conflict', differs: ['charityNumber', 'companyNumber'] });
    if (conflict.ok || conflict.reason !== 'conflict') return;
    expect(conflict.current).toMatchObject({ charityNumber: '2222222', companyNumber: 'AB123456' });
    expect((await t.db.organisation.findUniqueOrThrow({ where: { id: w.org.id } })).charityNumber).toBe('2222222');

    // Saving again with the version the conflict reported overwrites on purpose.
    expect(await save(w.provider, w.org.id, mine.input, conflict.currentVersion, LATER)).toMatchObject({
      ok: true,
      published: ['charityNumber', 'companyNumber'],
    });
    expect(await t.db.organisation.findUniqueOrThrow({ where: { id: w.org.id } })).toMatchObject({
      charityNumber: '1111111',
      companyNumber: null,
    });
  });

  it('a waiting change also moves the version on, so a form loaded before it cannot replace it unseen', async () => {
    const w = await listingWorld(t.db);
    const stale = await edited(w, w.provider, w.org.id, { name: 'Old form' });
    const fresh = await edited(w, w.provider, w.org.id, { name: 'New form' });
    expect(await save(w.provider, w.org.id, fresh.input, fresh.version)).toMatchObject({ ok: true, pending: ['name'] });
    expect(await save(w.provider, w.org.id, stale.input, stale.version, LATER)).toMatchObject({
      ok: false,
      reason: 'conflict',
      differs: ['name'],
    });
  });

  it('warns the coordinator when the live details moved since the change was asked for', async () => {
    const w = await listingWorld(t.db);
    const ask = await edited(w, w.provider, w.org.id, { email: 'asked@example.org' });
    const asked = await save(w.provider, w.org.id, ask.input, ask.version);
    if (!asked.ok) throw new Error('save failed');
    const direct = await edited(w, w.coordinator, w.org.id, {
      email: 'coordinator-set@example.org',
      description: 'Set by a coordinator',
    });
    // A coordinator's edit publishes at once (and, being a save from the editor, replaces the waiting change).
    expect(await save(w.coordinator, w.org.id, direct.input, direct.version, LATER)).toMatchObject({
      ok: true,
      pending: [],
      published: ['description', 'email'],
    });
    expect((await t.db.listingChangeRequest.findUniqueOrThrow({ where: { id: asked.changeRequestId! } })).status).toBe('closed');

    // A request that is still waiting while the live value moves shows the move.
    const again = await edited(w, w.provider, w.org.id, { phone: '01632 960 999' });
    const pending = await save(w.provider, w.org.id, again.input, again.version, LATER);
    if (!pending.ok) throw new Error('save failed');
    await t.db.organisation.update({ where: { id: w.org.id }, data: { phone: '01632 960 555' } });
    expect((await changeRequestView(t.db, pending.changeRequestId!, LATER))?.movedSince).toEqual(['phone']);
  });

  it('a group waiting for approval changes its details directly: the coordinator checks the whole group', async () => {
    const w = await listingWorld(t.db);
    const { input, version } = await edited(w, w.newProvider, w.newOrg.id, {
      name: 'Renamed New Group',
      email: 'hello@newgroup.example.org',
    });
    expect(await save(w.newProvider, w.newOrg.id, input, version)).toMatchObject({
      ok: true,
      published: ['name', 'email'],
      pending: [],
      changeRequestId: null,
    });
    expect(await t.db.organisation.findUniqueOrThrow({ where: { id: w.newOrg.id } })).toMatchObject({
      name: 'Renamed New Group',
      email: 'hello@newgroup.example.org',
    });
  });

  it('only members of the group may edit it', async () => {
    const w = await listingWorld(t.db);
    const { input, version } = await edited(w, w.provider, w.org.id, { name: 'Taken over' });
    // A provider of no group, and a provider of another group.
    await expect(save(w.otherProvider, w.org.id, input, version)).rejects.toThrow(Forbidden);
    await expect(save(w.newProvider, w.org.id, input, version)).rejects.toThrow(Forbidden);
    expect(await organisationEditor(t.db, w.otherProvider, w.org.id)).toBeNull();
    expect(await organisationEditor(t.db, w.newProvider, w.org.id)).toBeNull();
    // Nothing was written.
    expect((await t.db.organisation.findUniqueOrThrow({ where: { id: w.org.id } })).name).toBe(w.org.name);
    expect(await t.db.listingChangeRequest.count({ where: { organisationId: w.org.id } })).toBe(0);
  });

  it('refuses a description over its limit, saying by how much, rather than cutting it', () => {
    const r = parseOrganisation({
      name: 'Knit and Natter',
      description: 'x'.repeat(1010),
      email: '',
      phone: '',
      website: '',
      charityNumber: '',
      companyNumber: '',
    });
    expect(r).toEqual({
      ok: false,
      fieldErrors: { description: ['The description must be 1,000 characters or fewer. You have 10 characters too many'] },
    });
  });

  it('checks what is typed, naming each field', () => {
    const r = parseOrganisation({
      name: '',
      description: '',
      email: 'not an address',
      phone: '12',
      website: 'javascript:alert(1)',
      charityNumber: 'abc',
      companyNumber: '1',
    });
    expect(r).toEqual({
      ok: false,
      fieldErrors: {
        name: ['Enter the name of your group'],
        email: ['Enter an email address in the correct format, like name@example.com'],
        phone: ['Enter a UK phone number, like 01632 960 123'],
        website: ['Enter a web address, like www.example.org'],
        charityNumber: ['Enter a charity number like 1234567, or leave it blank'],
        companyNumber: ['Enter a company number of 8 characters, like 01234567, or leave it blank'],
      },
    });
  });
});
