import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, loadSession } from '@/lib/auth/load-user';
import { verifyPassword } from '@/lib/auth/password';
import { passwordMessages } from '@/lib/auth/password-policy';
import { accountKey, countFailure, throttlePolicy } from '@/lib/auth/throttle';
import type { SessionUser } from '@/lib/auth/types';
import {
  acceptStaffInvite,
  cancelStaffInvite,
  inviteStaff,
  listStaff,
  loadStaffInvite,
  resendStaffInvite,
  resetAccountTwoStep,
  setStaffActive,
  staffAccount,
  unlockAccount,
  updateStaff,
} from '@/lib/staff';
import { useFreshDatabase } from '../helpers/db';

const t = useFreshDatabase();
const NOW = new Date('2026-12-02T09:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const DAY = 86_400_000;
const GOOD = 'a kettle and seven mugs';

let teamA: string;
let teamB: string;
let orgId: string;
let admin: SessionUser;
let coordA: SessionUser;
let counter = 0;

const asSession = (u: {
  id: string;
  name: string;
  email: string;
  role: SessionUser['role'];
  teamId: string | null;
}): SessionUser => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  teamId: u.teamId,
  organisationIds: [],
});

async function makeUser(role: SessionUser['role'], teamId: string | null) {
  const n = ++counter;
  const u = await t.db.user.create({
    data: { email: `user${n}@example.org`, name: `Person ${n}`, passwordHash: 'x', role, teamId },
  });
  return asSession(u);
}

const linkIn = (body: string) => /\/accept-invite\/([A-Za-z0-9_-]{43})/.exec(body)?.[1] ?? '';
async function latestInvite(email: string) {
  const mail = await t.db.notification.findFirstOrThrow({
    where: { recipient: email, template: 'staff_invitation' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return linkIn(mail.body);
}

const invite = (actor: SessionUser, input: Partial<Parameters<typeof inviteStaff>[2]> & { email: string }, now = NOW) =>
  t.db.$transaction((tx) =>
    inviteStaff(tx, actor, { name: 'New Starter', role: 'link_worker', teamId: teamA, organisationId: null, ...input }, now),
  );

beforeAll(async () => {
  teamA = (await t.db.team.create({ data: { name: 'Team A' } })).id;
  teamB = (await t.db.team.create({ data: { name: 'Team B' } })).id;
  orgId = (await t.db.organisation.create({ data: { name: 'Eastbrook Walkers', status: 'approved' } })).id;
  admin = await makeUser('admin', null);
  coordA = await makeUser('coordinator', teamA);
});

describe('who may manage which accounts', () => {
  it("a coordinator sees and manages only their own team's link workers; an admin every account", async () => {
    const workerA = await makeUser('link_worker', teamA);
    const workerB = await makeUser('link_worker', teamB);
    const coordinatorA2 = await makeUser('coordinator', teamA);

    const seen = await t.db.$transaction((tx) => listStaff(tx, coordA, {}, NOW));
    const ids = seen.rows.map((r) => r.id);
    expect(ids).toContain(workerA.id);
    expect(ids).not.toContain(workerB.id);
    expect(ids).not.toContain(coordinatorA2.id);
    expect(seen.rows.every((r) => r.role === 'link_worker' && r.teamName === 'Team A')).toBe(true);

    const all = await t.db.$transaction((tx) => listStaff(tx, admin, {}, NOW));
    expect(all.rows.map((r) => r.id)).toEqual(expect.arrayContaining([workerA.id, workerB.id, coordinatorA2.id, admin.id]));

    expect(await t.db.$transaction((tx) => staffAccount(tx, coordA, workerB.id, NOW))).toBeNull();
    expect(await t.db.$transaction((tx) => staffAccount(tx, coordA, coordinatorA2.id, NOW))).toBeNull();
    expect(await t.db.$transaction((tx) => staffAccount(tx, coordA, workerA.id, NOW))).toMatchObject({ id: workerA.id });

    const version = (await t.db.user.findUniqueOrThrow({ where: { id: workerB.id } })).version;
    expect(await t.db.$transaction((tx) => setStaffActive(tx, coordA, workerB.id, false, version, NOW))).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: workerB.id } })).active).toBe(true);

    // A coordinator invites link workers into their own team only.
    await expect(invite(coordA, { email: 'other-team@example.org', teamId: teamB })).rejects.toThrow(/Not allowed/);
    await expect(invite(coordA, { email: 'a-coordinator@example.org', role: 'coordinator' })).rejects.toThrow(/Not allowed/);
    expect(await invite(coordA, { email: 'own-team@example.org' })).toMatchObject({ ok: true });

    // Neither a link worker nor a commissioner may list accounts.
    const commissioner = await makeUser('commissioner', null);
    await expect(t.db.$transaction((tx) => listStaff(tx, workerA, {}, NOW))).rejects.toThrow(/Not allowed/);
    await expect(t.db.$transaction((tx) => listStaff(tx, commissioner, {}, NOW))).rejects.toThrow(/Not allowed/);
  });

  it('searches by name or address, filters by role and status, sorts and pages', async () => {
    const invited = await invite(admin, { email: 'findable.person@example.org', name: 'Findable Person' });
    if (!invited.ok) throw new Error('invite failed');
    const byName = await t.db.$transaction((tx) => listStaff(tx, admin, { q: 'findable' }, NOW));
    expect(byName.rows).toEqual([expect.objectContaining({ id: invited.userId, status: 'invited', lastLoginAt: null })]);
    const admins = await t.db.$transaction((tx) => listStaff(tx, admin, { role: 'admin' }, NOW));
    expect(admins.rows.map((r) => r.role)).toEqual(['admin']);
    const active = await t.db.$transaction((tx) => listStaff(tx, admin, { status: 'invited', sort: 'email' }, NOW));
    expect(active.rows.every((r) => r.status === 'invited')).toBe(true);
    const emails = active.rows.map((r) => r.email);
    expect(emails).toEqual([...emails].sort());
    const none = await t.db.$transaction((tx) => listStaff(tx, admin, { q: 'nobody matches this' }, NOW));
    expect(none).toMatchObject({ rows: [], page: { total: 0, totalPages: 1 } });
  });
});

describe('invites', () => {
  it('work once, until 7 days later, and a refused password leaves the link usable', async () => {
    const result = await invite(admin, { email: 'Starter.One@Example.org', name: 'Starter One' });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const user = await t.db.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user).toMatchObject({
      email: 'starter.one@example.org',
      role: 'link_worker',
      teamId: teamA,
      active: true,
      passwordSetAt: null,
    });
    const token = await latestInvite('starter.one@example.org');
    expect(token).toHaveLength(43);
    // Only a hash of the link is stored.
    expect(await t.db.actionToken.count({ where: { tokenHash: token } })).toBe(0);

    expect(await loadStaffInvite(t.db, token, later(7 * DAY - 1))).toMatchObject({ ok: true, email: 'starter.one@example.org' });
    expect(await loadStaffInvite(t.db, token, later(7 * DAY))).toEqual({ ok: false });
    expect(await t.db.$transaction((tx) => acceptStaffInvite(tx, token, GOOD, later(7 * DAY)))).toEqual({
      ok: false,
      reason: 'link',
    });

    expect(await t.db.$transaction((tx) => acceptStaffInvite(tx, token, 'short', later(DAY)))).toEqual({
      ok: false,
      reason: 'password',
      message: passwordMessages.tooShort,
    });
    expect(await t.db.$transaction((tx) => acceptStaffInvite(tx, token, 'password12345', later(DAY)))).toMatchObject({
      reason: 'password',
      message: passwordMessages.common,
    });
    expect(await t.db.$transaction((tx) => acceptStaffInvite(tx, token, 'StarterOne123', later(DAY)))).toMatchObject({
      reason: 'password',
      message: passwordMessages.personal,
    });
    expect(await t.db.$transaction((tx) => acceptStaffInvite(tx, token, GOOD, later(DAY)))).toEqual({
      ok: true,
      email: 'starter.one@example.org',
    });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(after.passwordSetAt).toEqual(later(DAY));
    expect(await verifyPassword(after.passwordHash, GOOD)).toBe(true);
    expect(await t.db.$transaction((tx) => acceptStaffInvite(tx, token, 'another good passphrase', later(DAY)))).toEqual({
      ok: false,
      reason: 'link',
    });
    expect(await t.db.$transaction((tx) => resendStaffInvite(tx, admin, result.userId, later(DAY)))).toEqual({
      ok: false,
      reason: 'not_invited',
    });
  });

  it('sending again retires the old link; cancelling switches the account off; an address with an account is refused', async () => {
    const result = await invite(admin, { email: 'starter.two@example.org' });
    if (!result.ok) throw new Error('invite failed');
    const first = await latestInvite('starter.two@example.org');
    expect(await t.db.$transaction((tx) => resendStaffInvite(tx, admin, result.userId, later(1000)))).toEqual({ ok: true });
    const second = await latestInvite('starter.two@example.org');
    expect(second).not.toBe(first);
    expect(await loadStaffInvite(t.db, first, later(2000))).toEqual({ ok: false });
    expect(await loadStaffInvite(t.db, second, later(2000))).toMatchObject({ ok: true });

    expect(await t.db.$transaction((tx) => cancelStaffInvite(tx, admin, result.userId, later(3000)))).toEqual({ ok: true });
    expect(await loadStaffInvite(t.db, second, later(4000))).toEqual({ ok: false });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: result.userId } })).active).toBe(false);

    expect(await invite(admin, { email: 'STARTER.TWO@example.org' })).toEqual({ ok: false, reason: 'email_taken' });
    expect(await invite(admin, { email: 'needs-team@example.org', teamId: null })).toEqual({
      ok: false,
      reason: 'team_required',
    });

    const history = await t.db.$transaction((tx) => staffAccount(tx, admin, result.userId, later(5000)));
    expect(history!.history.map((h) => h.action)).toEqual(['staff.invite_cancelled', 'staff.invite_resent', 'staff.invited']);
    expect(history!.history[0].actorName).toBe(admin.name);
  });

  it('a provider is invited into a group', async () => {
    const result = await invite(admin, {
      email: 'provider.new@example.org',
      role: 'provider',
      teamId: teamA,
      organisationId: orgId,
    });
    if (!result.ok) throw new Error('invite failed');
    const user = await t.db.user.findUniqueOrThrow({ where: { id: result.userId }, include: { memberships: true } });
    expect(user.teamId).toBeNull();
    expect(user.memberships.map((m) => m.organisationId)).toEqual([orgId]);
  });
});

describe('switching off, on, unlocking and changing an account', () => {
  it('switching off ends every session at once; switching back on does not bring them back', async () => {
    const worker = await makeUser('link_worker', teamA);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: worker.id } });
    const { token } = await createSession(t.db, worker.id, { now: NOW });
    expect(await loadSession(t.db, token, NOW)).toMatchObject({ user: { id: worker.id } });

    expect(await t.db.$transaction((tx) => setStaffActive(tx, coordA, worker.id, false, row.version, NOW))).toEqual({ ok: true });
    expect(await loadSession(t.db, token, NOW)).toBeNull();

    const off = await t.db.user.findUniqueOrThrow({ where: { id: worker.id } });
    expect(await t.db.$transaction((tx) => setStaffActive(tx, coordA, worker.id, true, off.version, later(1000)))).toEqual({
      ok: true,
    });
    expect(await loadSession(t.db, token, later(1000))).toBeNull();

    // The page's version is out of date now: nothing changes.
    expect(await t.db.$transaction((tx) => setStaffActive(tx, coordA, worker.id, false, row.version, NOW))).toEqual({
      ok: false,
      reason: 'conflict',
    });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: worker.id } })).active).toBe(true);

    const history = await t.db.$transaction((tx) => staffAccount(tx, admin, worker.id, NOW));
    expect(history!.history.map((h) => h.action)).toEqual(['staff.switched_on', 'staff.switched_off']);
  });

  it('nobody switches off their own account', async () => {
    const version = (await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).version;
    expect(await t.db.$transaction((tx) => setStaffActive(tx, admin, admin.id, false, version, NOW))).toEqual({
      ok: false,
      reason: 'self',
    });
  });

  it('resetting two-step sign-in removes the app and the recovery codes and ends the sessions; a worker in another team is not theirs to reset', async () => {
    const worker = await makeUser('link_worker', teamA);
    await t.db.userTwoStep.create({ data: { userId: worker.id, secretEnc: 'sealed', confirmedAt: NOW } });
    await t.db.recoveryCode.create({ data: { userId: worker.id, codeHash: 'h1' } });
    const { token } = await createSession(t.db, worker.id, { now: NOW });
    expect(await t.db.$transaction((tx) => staffAccount(tx, coordA, worker.id, NOW))).toMatchObject({ twoStepSince: NOW });

    expect(await t.db.$transaction((tx) => resetAccountTwoStep(tx, coordA, worker.id, NOW))).toEqual({ ok: true });
    expect(await t.db.userTwoStep.count({ where: { userId: worker.id } })).toBe(0);
    expect(await t.db.recoveryCode.count({ where: { userId: worker.id } })).toBe(0);
    expect(await loadSession(t.db, token, NOW)).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: 'auth.two_step.reset', entityId: worker.id } })).toBe(1);
    expect(await t.db.$transaction((tx) => staffAccount(tx, coordA, worker.id, NOW))).toMatchObject({ twoStepSince: null });

    const elsewhere = await makeUser('link_worker', teamB);
    expect(await t.db.$transaction((tx) => resetAccountTwoStep(tx, coordA, elsewhere.id, NOW))).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('clearing sign-in delays forgets the wrong passwords counted against the account', async () => {
    const worker = await makeUser('link_worker', teamA);
    const policy = throttlePolicy();
    for (let i = 0; i < policy.freeFailures + 2; i++)
      await countFailure(t.db, accountKey(worker.email), policy.freeFailures, NOW, policy);
    const before = await t.db.$transaction((tx) => staffAccount(tx, coordA, worker.id, NOW));
    expect(before).toMatchObject({ signInFailures: policy.freeFailures + 2, signInDelayed: true });

    expect(await t.db.$transaction((tx) => unlockAccount(tx, coordA, worker.id, NOW))).toEqual({ ok: true });
    const after = await t.db.$transaction((tx) => staffAccount(tx, coordA, worker.id, NOW));
    expect(after).toMatchObject({ signInFailures: 0, signInDelayed: false });
    expect(await t.db.auditEvent.count({ where: { action: 'staff.unlocked', entityId: worker.id } })).toBe(1);
  });

  it("changes role, team and groups, ends the account's sessions, and refuses a stale version", async () => {
    const person = await makeUser('link_worker', teamA);
    const before = await t.db.user.findUniqueOrThrow({ where: { id: person.id } });
    const { token } = await createSession(t.db, person.id, { now: NOW });
    const change = (version: number) =>
      t.db.$transaction((tx) =>
        updateStaff(
          tx,
          admin,
          person.id,
          { role: 'provider', teamId: teamA, keepOrganisationIds: [], addOrganisationId: orgId, version },
          NOW,
        ),
      );
    expect(await change(before.version)).toEqual({ ok: true });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: person.id }, include: { memberships: true } });
    expect(after).toMatchObject({ role: 'provider', teamId: null, version: before.version + 1 });
    expect(after.memberships.map((m) => m.organisationId)).toEqual([orgId]);
    expect(await loadSession(t.db, token, NOW)).toBeNull();

    // Someone else's save came first: the second save with the old version is refused, not applied.
    expect(await change(before.version)).toEqual({ ok: false, reason: 'conflict' });

    // A coordinator may not move anyone into another role.
    const worker = await makeUser('link_worker', teamA);
    const v = (await t.db.user.findUniqueOrThrow({ where: { id: worker.id } })).version;
    await expect(
      t.db.$transaction((tx) =>
        updateStaff(
          tx,
          coordA,
          worker.id,
          { role: 'coordinator', teamId: teamA, keepOrganisationIds: [], addOrganisationId: null, version: v },
          NOW,
        ),
      ),
    ).rejects.toThrow(/Not allowed/);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: worker.id } })).role).toBe('link_worker');
  });
});
