// Inviting staff: the account exists at once (so it can be given a role, team and groups), but
// nobody knows its password until its owner sets one from the e-mailed single-use link.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { recordAudit } from '@/lib/audit/record';
import { revokeSessions } from '@/lib/auth/load-user';
import { hashPassword } from '@/lib/auth/password';
import { setPasswordFromLink, type SetPasswordResult } from '@/lib/auth/password-reset';
import { assertCan, can } from '@/lib/auth/permissions';
import { roleLabels } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import { createToken, peekToken, revokeTokens } from '@/lib/tokens';
import { staffResource } from './accounts';
import { INVITE_DAYS, INVITE_PURPOSE } from './constants';
import { sendStaffInvite } from './messages';
import { needsTeam, type InviteStaffInput } from './schema';

const DAY = 86_400_000;

export type InviteStaffResult =
  { ok: true; userId: string } | { ok: false; reason: 'email_taken' | 'team_required' | 'invalid_team' | 'invalid_group' };

async function newInviteLink(
  tx: Tx,
  actor: SessionUser,
  user: { id: string; email: string; name: string; role: SessionUser['role'] },
  now: Date,
) {
  await revokeTokens(tx, { purpose: INVITE_PURPOSE, subjectId: user.id }, now);
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * DAY);
  const token = await createToken(tx, { purpose: INVITE_PURPOSE, subjectId: user.id, expiresAt });
  await sendStaffInvite(
    tx,
    {
      to: user.email,
      name: user.name,
      inviterName: actor.name,
      roleLabel: roleLabels[user.role],
      raw: token.raw,
      expiresAt,
      userId: user.id,
    },
    now,
  );
  return expiresAt;
}

/**
 * Creates the account and e-mails its owner a link to set their password. An address that already
 * has an account is refused: whoever manages staff can list every account they may see anyway.
 */
export async function inviteStaff(
  tx: Tx,
  actor: SessionUser,
  input: InviteStaffInput,
  now: Date = new Date(),
): Promise<InviteStaffResult> {
  const teamId = needsTeam(input.role) ? input.teamId : null;
  const email = input.email.trim().toLowerCase();
  assertCan(actor, 'staff.manage', staffResource({ role: input.role, teamId }));
  if (needsTeam(input.role) && !teamId) return { ok: false, reason: 'team_required' };
  if (teamId && !(await tx.team.count({ where: { id: teamId } }))) return { ok: false, reason: 'invalid_team' };
  const organisationId = input.role === 'provider' ? input.organisationId : null;
  if (organisationId && !(await tx.organisation.count({ where: { id: organisationId } })))
    return { ok: false, reason: 'invalid_group' };
  if (await tx.user.findFirst({ where: { email: { equals: email, mode: 'insensitive' } }, select: { id: true } }))
    return { ok: false, reason: 'email_taken' };

  const user = await tx.user.create({
    data: {
      email,
      name: input.name,
      // Nobody knows this password; passwordSetAt stays null until the owner sets theirs.
      passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
      role: input.role,
      teamId,
      active: true,
      passwordSetAt: null,
      createdAt: now,
    },
    select: { id: true, email: true, name: true, role: true },
  });
  if (organisationId)
    await tx.organisationMember.create({ data: { organisationId, userId: user.id, role: 'member', createdAt: now } });
  const expiresAt = await newInviteLink(tx, actor, user, now);
  await recordAudit(tx, {
    actor,
    action: 'staff.invited',
    entityType: 'user',
    entityId: user.id,
    detail: { toRole: input.role, teamId, organisationId, expiresAt },
    at: now,
  });
  return { ok: true, userId: user.id };
}

export type InviteChangeResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_invited' };

async function invitedTarget(tx: Tx, actor: SessionUser, userId: string) {
  const u = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, teamId: true, passwordSetAt: true },
  });
  if (!u || !can(actor, 'staff.manage', staffResource(u))) return null;
  return u;
}

/** A new link (the old one stops working); also switches back on an account whose invite was cancelled. */
export async function resendStaffInvite(
  tx: Tx,
  actor: SessionUser,
  userId: string,
  now: Date = new Date(),
): Promise<InviteChangeResult> {
  const u = await invitedTarget(tx, actor, userId);
  if (!u) return { ok: false, reason: 'not_found' };
  if (u.passwordSetAt) return { ok: false, reason: 'not_invited' };
  await tx.user.update({ where: { id: u.id }, data: { active: true, version: { increment: 1 } } });
  const expiresAt = await newInviteLink(tx, actor, u, now);
  await recordAudit(tx, {
    actor,
    action: 'staff.invite_resent',
    entityType: 'user',
    entityId: u.id,
    detail: { expiresAt },
    at: now,
  });
  return { ok: true };
}

/** The link stops working and the account is switched off; sending the invite again undoes it. */
export async function cancelStaffInvite(
  tx: Tx,
  actor: SessionUser,
  userId: string,
  now: Date = new Date(),
): Promise<InviteChangeResult> {
  const u = await invitedTarget(tx, actor, userId);
  if (!u) return { ok: false, reason: 'not_found' };
  if (u.passwordSetAt) return { ok: false, reason: 'not_invited' };
  await revokeTokens(tx, { purpose: INVITE_PURPOSE, subjectId: u.id }, now);
  await tx.user.update({ where: { id: u.id }, data: { active: false, version: { increment: 1 } } });
  await revokeSessions(tx, u.id);
  await recordAudit(tx, { actor, action: 'staff.invite_cancelled', entityType: 'user', entityId: u.id, at: now });
  return { ok: true };
}

export type StaffInviteLink = { ok: true; email: string; name: string; role: SessionUser['role'] } | { ok: false };

/** Whose invite this is, without using it. */
export async function loadStaffInvite(tx: Tx, raw: string, now: Date = new Date()): Promise<StaffInviteLink> {
  const token = await peekToken(tx, raw, INVITE_PURPOSE, now);
  if (!token) return { ok: false };
  const u = await tx.user.findUnique({
    where: { id: token.subjectId },
    select: { email: true, name: true, role: true, active: true },
  });
  return u?.active ? { ok: true, email: u.email, name: u.name, role: u.role } : { ok: false };
}

export type AcceptStaffInviteResult = SetPasswordResult;

/** Sets the owner's password from the invite; a refused password leaves the link usable. */
export function acceptStaffInvite(
  tx: Tx,
  raw: string,
  password: string,
  now: Date = new Date(),
): Promise<AcceptStaffInviteResult> {
  return setPasswordFromLink(tx, { raw, purpose: INVITE_PURPOSE, auditAction: 'staff.invite_accepted' }, password, now);
}
