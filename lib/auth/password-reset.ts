// "Forgot your password?": a single-use link valid for 30 minutes, e-mailed through the outbox.
// The answer to a request is the same whether or not the address has an account; requests are
// throttled per address asked about and per network address, counted before the account is looked up.
import { createHash } from 'node:crypto';
import { recordAudit } from '@/lib/audit/record';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import { enqueueRendered, templates } from '@/lib/notify';
import { consumeToken, createToken, peekToken, revokeTokens } from '@/lib/tokens';
import { revokeSessions } from './load-user';
import { hashPassword } from './password';
import { passwordProblem } from './password-policy';
import { hit } from './rate-limit';

export const RESET_PURPOSE = 'password.reset';
export const RESET_MINUTES = 30;
/** Per address asked about, and per network address (an office shares one), in an hour. */
export const RESET_LIMIT = { perEmail: 3, perIp: 20, windowSeconds: 3600 } as const;

const digest = (email: string) => createHash('sha256').update(email, 'utf8').digest('hex').slice(0, 32);
const base = () => config.baseUrl.replace(/\/+$/, '');
export const resetUrl = (raw: string) => `${base()}/reset-password/${raw}`;

export type ResetRequestResult = { ok: true } | { ok: false; reason: 'rate_limited' };

/**
 * Sends a reset link if the address belongs to an account that is switched on and has a password.
 * Says nothing about whether it did: the caller shows one answer for every address.
 */
export async function requestPasswordReset(
  tx: Tx,
  rawEmail: string,
  ip: string,
  now: Date = new Date(),
): Promise<ResetRequestResult> {
  const email = rawEmail.trim().toLowerCase();
  const perIp = await hit(tx, `password-reset:ip:${ip}`, RESET_LIMIT.perIp, RESET_LIMIT.windowSeconds, now);
  const perEmail = await hit(tx, `password-reset:email:${digest(email)}`, RESET_LIMIT.perEmail, RESET_LIMIT.windowSeconds, now);
  if (!perIp.allowed || !perEmail.allowed) return { ok: false, reason: 'rate_limited' };

  const user = await tx.user.findFirst({
    where: { email: { equals: email, mode: 'insensitive' } },
    select: { id: true, email: true, name: true, role: true, active: true, passwordSetAt: true },
  });
  // Switched-off accounts and outstanding invites get nothing: an admin decides those.
  if (!user || !user.active || !user.passwordSetAt) return { ok: true };

  // Only the newest link works.
  await revokeTokens(tx, { purpose: RESET_PURPOSE, subjectId: user.id }, now);
  const expiresAt = new Date(now.getTime() + RESET_MINUTES * 60_000);
  const token = await createToken(tx, { purpose: RESET_PURPOSE, subjectId: user.id, expiresAt });
  const rendered = templates.passwordReset({ name: user.name, resetUrl: resetUrl(token.raw), minutes: RESET_MINUTES });
  await enqueueRendered(tx, { recipient: user.email, rendered }, now);
  await recordAudit(tx, {
    actor: null,
    action: 'account.password_reset_requested',
    entityType: 'user',
    entityId: user.id,
    at: now,
  });
  return { ok: true };
}

export type ResetLink = { ok: true; email: string; name: string } | { ok: false };

/** Whose link this is, without using it (for the page that asks for the new password). */
export async function loadPasswordReset(tx: Tx, raw: string, now: Date = new Date()): Promise<ResetLink> {
  const token = await peekToken(tx, raw, RESET_PURPOSE, now);
  if (!token) return { ok: false };
  const user = await tx.user.findUnique({ where: { id: token.subjectId }, select: { email: true, name: true, active: true } });
  return user?.active ? { ok: true, email: user.email, name: user.name } : { ok: false };
}

export type SetPasswordResult =
  | { ok: true; email: string }
  | { ok: false; reason: 'link'; message?: never }
  | { ok: false; reason: 'password'; message: string };

/**
 * Sets a password from a single-use link (a reset, or a staff invite: `purpose`). A refused password
 * leaves the link usable; a good one uses it up and ends every session of the account.
 */
export async function setPasswordFromLink(
  tx: Tx,
  link: { raw: string; purpose: string; auditAction: string },
  password: string,
  now: Date = new Date(),
): Promise<SetPasswordResult> {
  const peeked = await peekToken(tx, link.raw, link.purpose, now);
  if (!peeked) return { ok: false, reason: 'link' };
  const user = await tx.user.findUnique({ where: { id: peeked.subjectId }, select: { email: true, name: true, active: true } });
  if (!user?.active) return { ok: false, reason: 'link' };
  const problem = passwordProblem(password, user);
  if (problem) return { ok: false, reason: 'password', message: problem };
  const token = await consumeToken(tx, link.raw, link.purpose, now);
  if (!token) return { ok: false, reason: 'link' };
  const updated = await tx.user.update({
    where: { id: token.subjectId },
    data: { passwordHash: await hashPassword(password), passwordSetAt: now },
    select: { id: true, email: true, role: true },
  });
  await revokeSessions(tx, updated.id, now);
  await recordAudit(tx, {
    actor: { id: updated.id, role: updated.role },
    action: link.auditAction,
    entityType: 'user',
    entityId: updated.id,
    at: now,
  });
  return { ok: true, email: updated.email };
}

/** Sets the new password from a reset link. */
export function resetPassword(tx: Tx, raw: string, password: string, now: Date = new Date()): Promise<SetPasswordResult> {
  return setPasswordFromLink(tx, { raw, purpose: RESET_PURPOSE, auditAction: 'account.password_reset' }, password, now);
}
