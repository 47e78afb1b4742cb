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

  it('refuses an address that already has an account, and a form that misses things', async () => {
    await t.db.$transaction((tx) => registerGroup(tx, join('twice@example.org'), 'ip:2', NOW));
    expect(await t.db.$transaction((tx) => registerGroup(tx, join('twice@example.org'), 'ip:2', NOW))).toEqual({
      ok: false,
      reason: 'email_taken',
    });
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
    expect(await t.db.notification.count({ where: { recipient: 'approve-me@example.org', template: 'group_approved' } })).toBe(1);
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
    ).toEqual({ ok: true, added: 'invited' });
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
    expect(await add()).toEqual({ ok: true, added: 'existing' });
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

  it('a refused or rate-limited addition queues nothing', async () => {
    const w = await listingWorld(t.db);
    const before = await t.db.notification.count();
    const add = (email: string) =>
      t.db.$transaction((tx) => inviteMember(tx, w.provider, w.org.id, { name: 'Someone', email }, NOW));
    expect(await add(w.coordinator.email)).toEqual({ ok: false, reason: 'not_a_provider' });
    // Every attempt counts towards the day's limit, refused ones too.
    for (let i = 1; i < INVITE_LIMIT.perDay; i++)
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
