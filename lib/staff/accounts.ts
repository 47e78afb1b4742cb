// Staff accounts as an admin (every account) or a coordinator (their own team's link workers) sees
// and changes them. Every change is audited on the account (entityType 'user') and shown in its history.
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { revokeSessions } from '@/lib/auth/load-user';
import { assertCan, can, Forbidden, type Resource } from '@/lib/auth/permissions';
import { accountThrottles, clearSignInThrottle } from '@/lib/auth/throttle';
import { resetTwoStep, twoStepStatus } from '@/lib/auth/two-step/service';
import type { Role, SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { pageOf, type PageOf } from '@/lib/paging/pages';
import { INVITE_PURPOSE } from './constants';
import { needsTeam, type StaffSort, type StaffStatus, type UpdateStaffInput } from './schema';

export const staffResource = (u: { role: Role; teamId: string | null }): Resource => ({
  kind: 'staff',
  role: u.role,
  teamId: u.teamId,
});

const statusOf = (u: { active: boolean; passwordSetAt: Date | null }): StaffStatus =>
  !u.active ? 'off' : u.passwordSetAt ? 'active' : 'invited';

/** Which accounts this person may see at all: every one for an admin, their team's link workers for a coordinator. */
function scope(actor: SessionUser): Prisma.UserWhereInput {
  if (actor.role === 'admin') return {};
  if (actor.role === 'coordinator' && actor.teamId) return { role: 'link_worker', teamId: actor.teamId };
  throw new Forbidden('staff.manage');
}

export type StaffListQuery = {
  q?: string;
  role?: Role;
  status?: StaffStatus;
  sort?: StaffSort;
  page?: number;
};

export type StaffRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamName: string | null;
  organisations: string[];
  status: StaffStatus;
  signInDelayed: boolean;
  lastLoginAt: Date | null;
};

const statusWhere: Record<StaffStatus, Prisma.UserWhereInput> = {
  active: { active: true, passwordSetAt: { not: null } },
  invited: { active: true, passwordSetAt: null },
  off: { active: false },
};

const orderBy: Record<StaffSort, Prisma.UserOrderByWithRelationInput[]> = {
  name: [{ name: 'asc' }, { id: 'asc' }],
  email: [{ email: 'asc' }, { id: 'asc' }],
  role: [{ role: 'asc' }, { name: 'asc' }, { id: 'asc' }],
  lastSignIn: [{ lastLoginAt: { sort: 'desc', nulls: 'last' } }, { name: 'asc' }, { id: 'asc' }],
};

/** One page of the accounts this person manages, searched by name or e-mail and filtered. */
export async function listStaff(
  tx: Tx,
  actor: SessionUser,
  query: StaffListQuery,
  now: Date = new Date(),
): Promise<{ page: PageOf; rows: StaffRow[] }> {
  assertCan(actor, 'staff.manage');
  const q = query.q?.trim().slice(0, 100);
  const where: Prisma.UserWhereInput = {
    AND: [
      scope(actor),
      q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q, mode: 'insensitive' } }] } : {},
      query.role ? { role: query.role } : {},
      query.status ? statusWhere[query.status] : {},
    ],
  };
  const page = pageOf(await tx.user.count({ where }), query.page ?? 1);
  const users = await tx.user.findMany({
    where,
    orderBy: orderBy[query.sort ?? 'name'],
    skip: page.offset,
    take: page.size,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      passwordSetAt: true,
      lastLoginAt: true,
      team: { select: { name: true } },
      memberships: { select: { organisation: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
    },
  });
  // A list of names is a read of people's details: recorded, ids only.
  await recordAudit(tx, {
    actor,
    action: 'staff.listed',
    entityType: 'user',
    detail: { userIds: users.map((u) => u.id), page: page.page },
    at: now,
  });
  const throttles = await accountThrottles(
    tx,
    users.map((u) => u.email),
    now,
  );
  return {
    page,
    rows: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      teamName: u.team?.name ?? null,
      organisations: u.memberships.map((m) => m.organisation.name),
      status: statusOf(u),
      signInDelayed: (throttles.get(u.email)?.waitSeconds ?? 0) > 0,
      lastLoginAt: u.lastLoginAt,
    })),
  };
}

export type StaffAccount = {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  organisations: Array<{ id: string; name: string }>;
  status: StaffStatus;
  /** False until the owner sets a password from their invite. */
  hasPassword: boolean;
  /** Wrong passwords in a row (from anywhere) and whether the next try must wait; see lib/auth/throttle. */
  signInFailures: number;
  signInDelayed: boolean;
  /** When the account's authenticator app was set up; null when there is none. */
  twoStepSince: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
  /** When the outstanding invite link stops working, if there is one. */
  inviteExpiresAt: Date | null;
  history: Array<{ id: string; at: Date; action: string; actorName: string | null; self: boolean }>;
};

/** One account with its history, or null when it does not exist or is not this person's to see. */
export async function staffAccount(
  tx: Tx,
  actor: SessionUser,
  userId: string,
  now: Date = new Date(),
): Promise<StaffAccount | null> {
  const u = await tx.user.findUnique({
    where: { id: userId },
    include: {
      team: { select: { name: true } },
      memberships: { select: { organisation: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!u || !can(actor, 'staff.manage', staffResource(u))) return null;
  const [invite, events, throttles, twoStep] = await Promise.all([
    tx.actionToken.findFirst({
      where: { purpose: INVITE_PURPOSE, subjectId: u.id, usedAt: null, expiresAt: { gt: now } },
      orderBy: { expiresAt: 'desc' },
      select: { expiresAt: true },
    }),
    tx.auditEvent.findMany({
      where: { entityType: 'user', entityId: u.id, action: { not: 'staff.viewed' } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 100,
      select: { id: true, createdAt: true, action: true, actorId: true, actor: { select: { name: true } } },
    }),
    accountThrottles(tx, [u.email], now),
    twoStepStatus(tx, u.id, now),
  ]);
  const throttle = throttles.get(u.email);
  await recordAudit(tx, { actor, action: 'staff.viewed', entityType: 'user', entityId: u.id, at: now });
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    teamId: u.teamId,
    teamName: u.team?.name ?? null,
    organisations: u.memberships.map((m) => m.organisation),
    status: statusOf(u),
    hasPassword: u.passwordSetAt !== null,
    signInFailures: throttle?.failures ?? 0,
    signInDelayed: (throttle?.waitSeconds ?? 0) > 0,
    twoStepSince: twoStep.confirmedAt,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    version: u.version,
    inviteExpiresAt: invite?.expiresAt ?? null,
    history: events
      .filter((e) => e.action !== 'staff.listed')
      .map((e) => ({ id: e.id, at: e.createdAt, action: e.action, actorName: e.actor?.name ?? null, self: e.actorId === u.id })),
  };
}

/** Teams and groups to choose from on the forms. */
export async function staffChoices(tx: Tx, actor: SessionUser) {
  const teams = await tx.team.findMany({
    where: actor.role === 'admin' ? {} : { id: actor.teamId ?? '00000000-0000-0000-0000-000000000000' },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
  const organisations =
    actor.role === 'admin'
      ? await tx.organisation.findMany({
          where: { status: { not: 'rejected' } },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          take: 1000,
          select: { id: true, name: true },
        })
      : [];
  return { teams, organisations };
}

export type StaffChangeResult =
  | { ok: true }
  | { ok: false; reason: 'not_found' | 'conflict' | 'team_required' | 'no_team' | 'self' | 'invalid_team' | 'invalid_group' };

async function loadTarget(tx: Tx, actor: SessionUser, userId: string) {
  const u = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, teamId: true, version: true, active: true, email: true, name: true },
  });
  if (!u || !can(actor, 'staff.manage', staffResource(u))) return null;
  return u;
}

/** Sets role, team and (for providers) groups. The account's sessions end, so the change holds at once. */
export async function updateStaff(
  tx: Tx,
  actor: SessionUser,
  userId: string,
  input: UpdateStaffInput,
  now: Date = new Date(),
): Promise<StaffChangeResult> {
  const before = await loadTarget(tx, actor, userId);
  if (!before) return { ok: false, reason: 'not_found' };
  const teamId = needsTeam(input.role) ? input.teamId : null;
  if (needsTeam(input.role) && !teamId) return { ok: false, reason: 'team_required' };
  // The new state must be one this person may manage too: a coordinator cannot move a worker out.
  assertCan(actor, 'staff.manage', staffResource({ role: input.role, teamId }));
  if (before.id === actor.id && input.role !== before.role) return { ok: false, reason: 'self' };
  if (teamId && !(await tx.team.count({ where: { id: teamId } }))) return { ok: false, reason: 'invalid_team' };

  const current = await tx.organisationMember.findMany({ where: { userId }, select: { organisationId: true } });
  const wanted =
    input.role === 'provider'
      ? [...new Set([...input.keepOrganisationIds, ...(input.addOrganisationId ? [input.addOrganisationId] : [])])]
      : [];
  if (wanted.length && (await tx.organisation.count({ where: { id: { in: wanted } } })) !== wanted.length)
    return { ok: false, reason: 'invalid_group' };

  const { count } = await tx.user.updateMany({
    where: { id: userId, version: input.version },
    data: { role: input.role, teamId, version: { increment: 1 }, updatedAt: now },
  });
  if (count === 0) return { ok: false, reason: 'conflict' };
  const had = current.map((m) => m.organisationId);
  const removed = had.filter((id) => !wanted.includes(id));
  const added = wanted.filter((id) => !had.includes(id));
  if (removed.length) await tx.organisationMember.deleteMany({ where: { userId, organisationId: { in: removed } } });
  for (const organisationId of added)
    await tx.organisationMember.create({ data: { userId, organisationId, role: 'member', createdAt: now } });

  const changed = before.role !== input.role || before.teamId !== teamId || removed.length > 0 || added.length > 0;
  if (changed) await revokeSessions(tx, userId);
  await recordAudit(tx, {
    actor,
    action: 'staff.updated',
    entityType: 'user',
    entityId: userId,
    detail: {
      fromRole: before.role,
      toRole: input.role,
      fromTeamId: before.teamId,
      toTeamId: teamId,
      addedOrganisationIds: added,
      removedOrganisationIds: removed,
    },
    at: now,
  });
  return { ok: true };
}

/**
 * Switches an account off (every session ends at once) or back on. Switching on also moves the
 * session version on, so a session from before the switch-off never comes back.
 */
export async function setStaffActive(
  tx: Tx,
  actor: SessionUser,
  userId: string,
  active: boolean,
  version: number,
  now: Date = new Date(),
): Promise<StaffChangeResult> {
  const target = await loadTarget(tx, actor, userId);
  if (!target) return { ok: false, reason: 'not_found' };
  if (target.id === actor.id) return { ok: false, reason: 'self' };
  const { count } = await tx.user.updateMany({
    where: { id: userId, version },
    data: { active, version: { increment: 1 }, updatedAt: now },
  });
  if (count === 0) return { ok: false, reason: 'conflict' };
  await revokeSessions(tx, userId);
  await recordAudit(tx, {
    actor,
    action: active ? 'staff.switched_on' : 'staff.switched_off',
    entityType: 'user',
    entityId: userId,
    at: now,
  });
  return { ok: true };
}

/**
 * Clears the sign-in delays counted against an account (wrong passwords from anywhere), so its
 * owner can try again at once. Nothing else locks an account (docs/decisions/0012).
 */
export async function unlockAccount(
  tx: Tx,
  actor: SessionUser,
  userId: string,
  now: Date = new Date(),
): Promise<StaffChangeResult> {
  const target = await loadTarget(tx, actor, userId);
  if (!target) return { ok: false, reason: 'not_found' };
  await clearSignInThrottle(tx, target.email);
  await recordAudit(tx, { actor, action: 'staff.unlocked', entityType: 'user', entityId: userId, at: now });
  return { ok: true };
}

/**
 * For someone who has lost both their phone (or keys) and their recovery codes: removes the
 * authenticator and their security keys and passkeys, so their next sign-in sets up a new one, and ends their sessions (a lost phone may be a stolen one).
 */
export async function resetAccountTwoStep(
  tx: Tx,
  actor: SessionUser,
  userId: string,
  now: Date = new Date(),
): Promise<StaffChangeResult> {
  const target = await loadTarget(tx, actor, userId);
  if (!target) return { ok: false, reason: 'not_found' };
  if (target.id === actor.id) return { ok: false, reason: 'self' };
  await resetTwoStep(tx, actor, userId, now);
  await revokeSessions(tx, userId, now);
  return { ok: true };
}
