import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import {
  acceptInvite,
  decideOrganisation,
  INVITE_LIMIT,
  inviteMember,
  joinInput,
  loadInvite,
  pendingOrganisations,
  registerGroup,
  verifyByLink,
} from '@/lib/organisations';
import { useFreshDatabase } from '../helpers/db';
import { listingWorld } from './listing-fixture';

const t = useFreshDatabase();
const NOW = new Date('2026-11-24T10:00:00Z');

function join(email: string, extra: Record<string, unknown> = {}) {
  const parsed = joinInput.safeParse({
    organisationName: 'Riverside Knitters <16 and over>',
    description: 'We knit and natter.',
    charityNumber: '',
    companyNumber: '',
    website: 'riverside-knit.example.org',
    organisationPhone: '',
    contactName: 'Ada Lovelace',
    email,
    password: 'correct horse battery',
    confirm: 'yes',
    ...extra,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

const linkIn = (body: string, path: string) => new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(body)?.[1] ?? '';

describe('a group signs up', () => {
  it('makes a pending group and an account that switches on from the e-mailed link', async () => {
    const result = await t.db.$transaction((tx) => registerGroup(tx, join('Ada@Example.org'), 'ip:1', NOW));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok || !result.organisationId) return;
    const org = await t.db.organisation.findUniqueOrThrow({
      where: { id: result.organisationId },
      include: { members: { include: { user: true } } },
    });
    expect(org).toMatchObject({
      name: 'Riverside Knitters <16 and over>',
      status: 'pending',
      website: 'https://riverside-knit.example.org/',
      email: 'ada@example.org',
    });
    expect(org.members).toHaveLength(1);
    const user = org.members[0].user;
    expect(user).toMatchObject({ role: 'provider', active: false, email: 'ada@example.org' });
    expect(await verifyPassword(user.passwordHash, 'correct horse battery')).toBe(true);

    const mail = await t.db.notification.findFirstOrThrow({
      where: { recipient: 'ada@example.org', template: 'group_verify_email' },
    });
    const token = linkIn(mail.body, '/groups/verify');
    expect(await t.db.$transaction((tx) => verifyByLink(tx, token, NOW))).toEqual({ ok: true, email: 'ada@example.org' });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(true);
    expect(await t.db.$transaction((tx) => verifyByLink(tx, token, NOW))).toEqual({ ok: false });

    expect((await pendingOrganisations(t.db)).map((o) => o.id)).toContain(org.id);
  });

  it('answers an address that already has an account as any other, makes nothing and e-mails its owner', async () => {
    const first = await t.db.$transaction((tx) => registerGroup(tx, join('twice@example.org'), 'ip:2', NOW));
    const organisations = await t.db.organisation.count();
    const users = await t.db.user.count();
    // Finding 9: the answer must not tell a stranger that this address has an account.
    const second = await t.db.$transaction((tx) => registerGroup(tx, join('Twice@Example.org'), 'ip:2', NOW));
    expect(second.ok).toBe(true);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    expect(await t.db.organisation.count()).toBe(organisations);
    expect(await t.db.user.count()).toBe(users);
    const told = await t.db.notification.findMany({ where: { recipient: 'twice@example.org' }, orderBy: { createdAt: 'asc' } });
    expect(told.map((n) => n.template)).toEqual(['group_verify_email', 'group_sign_up_existing_account']);
    expect(told[1].body).toMatch(/\/forgot-password$/m);
    expect(told[1].body).not.toContain('/groups/verify/');
  });

  it('refuses a form that misses things, and a password on the common list or made of the address', async () => {
    const common = joinInput.safeParse({ ...join('pw@example.org'), password: 'Password1234' });
    expect(common.success).toBe(false);
    expect(common.error!.issues.map((i) => i.message)).toEqual([expect.stringMatching(/too easy to guess/)]);
    const own = joinInput.safeParse({ ...join('ada.lovelace@example.org'), password: 'ada.lovelace@example.org' });
    expect(own.error!.issues.map((i) => i.message)).toEqual([expect.stringMatching(/email address or name/)]);
    const name = joinInput.safeParse({ ...join('pw@example.org'), contactName: 'Ada Lovelace', password: 'AdaLovelace2026!' });
    expect(name.error!.issues.map((i) => i.message)).toEqual([expect.stringMatching(/email address or name/)]);
    const bad = joinInput.safeParse({
      organisationName: '',
      contactName: '',
      email: 'nope',
      password: 'short',
      website: 'javascript:alert(1)',
      organisationPhone: '12',
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['organisationName', 'contactName', 'email', 'password', 'confirm', 'website', 'organisationPhone']),
    );
  });

  it('is rate limited per address, and a bot filling the hidden field stores nothing', async () => {
    for (let i = 0; i < 5; i++)
      expect((await t.db.$transaction((tx) => registerGroup(tx, join(`many${i}@example.org`), 'ip:3', NOW))).ok).toBe(true);
    expect(await t.db.$transaction((tx) => registerGroup(tx, join('many5@example.org'), 'ip:3', NOW))).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    });
    const before = await t.db.organisation.count();
    expect(
      await t.db.$transaction((tx) => registerGroup(tx, join('bot@example.org', { nickname: 'spam' }), 'ip:4', NOW)),
    ).toEqual({ ok: true, organisationId: null });
    expect(await t.db.organisation.count()).toBe(before);
  });

  it('a group is approved only with the coordinator’s check that it exists and its contact is genuine', async () => {
    const w = await listingWorld(t.db);
    const result = await t.db.$transaction((tx) => registerGroup(tx, join('unchecked@example.org'), 'ip:6', NOW));
    if (!result.ok || !result.organisationId) throw new Error('sign-up failed');
    expect(
      await t.db.$transaction((tx) =>
        decideOrganisation(tx, w.coordinator, result.organisationId!, { approve: true, verified: false, note: null }, NOW),
      ),
    ).toEqual({ ok: false, reason: 'not_checked' });
    expect(await t.db.organisation.findUniqueOrThrow({ where: { id: result.organisationId } })).toMatchObject({
      status: 'pending',
      verified: false,
    });
    // Nobody was told it was checked.
    expect(await t.db.notification.count({ where: { recipient: 'unchecked@example.org', template: 'group_approved' } })).toBe(0);
  });

  it('a coordinator approves the group (checked as genuine) and its members are told', async () => {
    const w = await listingWorld(t.db);
    const result = await t.db.$transaction((tx) => registerGroup(tx, join('approve-me@example.org'), 'ip:5', NOW));
    if (!result.ok || !result.organisationId) throw new Error('sign-up failed');
    expect(
      await t.db.$transaction((tx) =>
        decideOrganisation(tx, w.coordinator, result.organisationId!, { approve: true, verified: true, note: null }, NOW),
      ),
    ).toEqual({ ok: true });
    expect(await t.db.organisation.findUniqueOrThrow({ where: { id: result.organisationId } })).toMatchObject({
      status: 'approved',
      verified: true,
      verifiedById: w.coordinator.id,
    });
    const told = await t.db.notification.findFirstOrThrow({
      where: { recipient: 'approve-me@example.org', template: 'group_approved' },
    });
    expect(told.body).toContain('has checked that');
    expect(
      await t.db.$transaction((tx) =>
        decideOrganisation(tx, w.coordinator, result.organisationId!, { approve: false, verified: false, note: 'x' }, NOW),
      ),
    ).toEqual({
      ok: false,
      reason: 'already_decided',
    });
  });
});

describe('co-members', () => {
  it('a provider adds someone, who sets their password from the link', async () => {
    const w = await listingWorld(t.db);
    expect(
      await t.db.$transaction((tx) =>
        inviteMember(tx, w.provider, w.org.id, { name: 'Grace Hopper', email: 'grace@example.org' }, NOW),
      ),
    ).toEqual({ ok: true });
    const sent = await t.db.notification.findMany({ where: { recipient: 'grace@example.org' } });
    expect(sent.map((n) => n.template)).toEqual(['group_invitation']);
    const mail = sent[0];
    const token = linkIn(mail.body, '/groups/invite');
    expect(await loadInvite(t.db, token, NOW)).toMatchObject({
      ok: true,
      email: 'grace@example.org',
      organisationName: w.org.name,
    });
    expect(await t.db.$transaction((tx) => acceptInvite(tx, token, 'a long new password', NOW))).toEqual({
      ok: true,
      email: 'grace@example.org',
    });
    const grace = await t.db.user.findUniqueOrThrow({ where: { email: 'grace@example.org' }, include: { memberships: true } });
    expect(grace.active).toBe(true);
    expect(grace.memberships.map((m) => m.organisationId)).toEqual([w.org.id]);
    expect(await verifyPassword(grace.passwordHash, 'a long new password')).toBe(true);
    expect(
      await t.db.$transaction((tx) =>
        inviteMember(tx, w.provider, w.org.id, { name: 'Grace Hopper', email: 'grace@example.org' }, NOW),
      ),
    ).toEqual({ ok: false, reason: 'already_member' });
    expect(await t.db.notification.count({ where: { recipient: 'grace@example.org' } })).toBe(1);
  });

  it('someone with a provider account is added and told by e-mail, once', async () => {
    const w = await listingWorld(t.db);
    const before = await t.db.notification.count();
    const add = () =>
      t.db.$transaction((tx) =>
        inviteMember(tx, w.provider, w.org.id, { name: 'Another name typed', email: w.otherProvider.email }, NOW),
      );
    expect(await add()).toEqual({ ok: true });
    expect(await t.db.notification.count()).toBe(before + 1);
    const mail = await t.db.notification.findFirstOrThrow({ where: { recipient: w.otherProvider.email } });
    expect(mail).toMatchObject({
      template: 'group_member_added',
      channel: 'email',
      status: 'queued',
      subject: `${w.provider.name} has added you to ${w.org.name}`,
    });
    expect(mail.body).toContain(`Hello ${w.otherProvider.name},`);
    expect(mail.body).toContain(`${w.provider.name} has added you to ${w.org.name}`);
    expect(mail.body).toMatch(/\/provider\/listings$/m);
    expect(mail.body).not.toContain('/groups/invite/');
    expect(mail.payload).toMatchObject({
      organisationId: w.org.id,
      personalisation: { name: w.otherProvider.name, inviter_name: w.provider.name, organisation_name: w.org.name },
    });
    const member = await t.db.organisationMember.findUniqueOrThrow({
      where: { organisationId_userId: { organisationId: w.org.id, userId: w.otherProvider.id } },
    });
    expect(member.role).toBe('member');
    // Their account is theirs: no new password link, nothing about them changed.
    expect(await t.db.user.findUniqueOrThrow({ where: { id: w.otherProvider.id } })).toMatchObject({
      name: w.otherProvider.name,
      passwordHash: 'x',
    });

    expect(await add()).toEqual({ ok: false, reason: 'already_member' });
    expect(await t.db.notification.count({ where: { recipient: w.otherProvider.email } })).toBe(1);
  });

  it('answers a staff address as any other, adds nobody and tells the staff member why (finding 9)', async () => {
    const w = await listingWorld(t.db);
    const add = (email: string) =>
      t.db.$transaction((tx) => inviteMember(tx, w.provider, w.org.id, { name: 'Someone', email }, NOW));
    const fresh = await add('nobody-yet@example.org');
    const staff = await add(w.coordinator.email);
    expect(staff).toEqual(fresh);
    expect(await t.db.organisationMember.count({ where: { organisationId: w.org.id, userId: w.coordinator.id } })).toBe(0);
    const mail = await t.db.notification.findFirstOrThrow({ where: { recipient: w.coordinator.email } });
    expect(mail.template).toBe('group_invite_staff_account');
    expect(mail.body).toContain('belongs to a staff account');
  });

  it('a refused or rate-limited addition queues nothing', async () => {
    const w = await listingWorld(t.db);
    const before = await t.db.notification.count();
    const add = (email: string) =>
      t.db.$transaction((tx) => inviteMember(tx, w.provider, w.org.id, { name: 'Someone', email }, NOW));
    // Every attempt counts towards the day's limit, refused ones too.
    for (let i = 0; i < INVITE_LIMIT.perDay; i++)
      expect(await add(w.provider.email)).toEqual({ ok: false, reason: 'already_member' });
    expect(await add(w.otherProvider.email)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await add('brand-new@example.org')).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await t.db.notification.count()).toBe(before);
    expect(await t.db.organisationMember.count({ where: { organisationId: w.org.id } })).toBe(1);
    expect(await t.db.user.count({ where: { email: 'brand-new@example.org' } })).toBe(0);
  });

  it('only a member of the group can add people to it', async () => {
    const w = await listingWorld(t.db);
    const before = await t.db.notification.count();
    await expect(
      t.db.$transaction((tx) => inviteMember(tx, w.otherProvider, w.org.id, { name: 'X', email: 'x@example.org' }, NOW)),
    ).rejects.toThrow(/Not allowed/);
    await expect(
      t.db.$transaction((tx) => inviteMember(tx, w.otherProvider, w.org.id, { name: 'X', email: w.newProvider.email }, NOW)),
    ).rejects.toThrow(/Not allowed/);
    expect(await t.db.notification.count()).toBe(before);
  });
});
