// Setting up, checking and resetting a user's second step. Plain functions of the database and the
// clock (no Next.js imports), so integration tests call them directly. Every change and every use
// is audited; the audit detail never holds a code or a secret.
import QRCode from 'qrcode';
import type { Tx } from '@/lib/db/client';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import { clear, hit } from '../rate-limit';
import { deriveKey, open, seal } from './keys';
import { generateRecoveryCodes, hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { checkCode, generateSecret, manualKey, otpauthUri } from './totp';

/** Wrong codes allowed per user in each window before attempts are refused. */
export const CODE_ATTEMPTS = 5;
export const CODE_WINDOW_SECONDS = 5 * 60;
export const attemptsKey = (userId: string) => `two-step:user:${userId}`;

export type TwoStepDeps = { key: Buffer; now?: Date };

/** How long a replacement authenticator may wait for its first code. */
export const REPLACEMENT_SECONDS = 15 * 60;

type Row = { secretEnc: string | null; pendingSecretEnc: string | null; pendingCreatedAt: Date | null; confirmedAt: Date | null };

/** The waiting secret, unless it is a replacement that has lapsed (a first set-up never lapses). */
function livePending(row: Row | null, now: Date): string | null {
  if (!row?.pendingSecretEnc) return null;
  const replacing = Boolean(row.confirmedAt && row.secretEnc);
  if (replacing && (!row.pendingCreatedAt || now.getTime() - row.pendingCreatedAt.getTime() >= REPLACEMENT_SECONDS * 1000))
    return null;
  return row.pendingSecretEnc;
}

type Subject = { id: string; role: AuditActor['role'] };

const audit = (tx: Tx, actor: AuditActor | null, userId: string, action: string, at: Date, detail?: Record<string, unknown>) =>
  recordAudit(tx, { actor, action: `auth.two_step.${action}`, entityType: 'user', entityId: userId, at, detail });

/** A security key or passkey as its owner sees it (./passkeys.ts adds and checks them). */
export type PasskeySummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export type TwoStepStatus = {
  /** There is a second step: an authenticator app, a security key or passkey, or both. */
  enabled: boolean;
  /** Since the first of them was set up. */
  confirmedAt: Date | null;
  app: boolean;
  /** A new authenticator is being set up and waits for its first code. */
  pending: boolean;
  recoveryCodesLeft: number;
  passkeys: PasskeySummary[];
};

export async function twoStepStatus(tx: Tx, userId: string, now: Date = new Date()): Promise<TwoStepStatus> {
  const [row, left, passkeys] = await Promise.all([
    tx.userTwoStep.findUnique({ where: { userId } }),
    tx.recoveryCode.count({ where: { userId, usedAt: null } }),
    tx.passkey.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    }),
  ]);
  const app = Boolean(row?.confirmedAt && row.secretEnc);
  const since = [app ? row!.confirmedAt! : null, passkeys[0]?.createdAt ?? null].filter((d): d is Date => d !== null);
  return {
    enabled: since.length > 0,
    confirmedAt: since.length ? new Date(Math.min(...since.map((d) => d.getTime()))) : null,
    app,
    pending: Boolean(livePending(row, now)),
    recoveryCodesLeft: left,
    passkeys,
  };
}

export type Enrolment = { uri: string; qrSvg: string; manualKey: string };

/**
 * The authenticator to add: a new secret waiting for its first code (kept if one is already
 * waiting, so reloading the page shows the same QR code). An existing confirmed authenticator
 * keeps working until the new one is confirmed.
 */
export async function startEnrolment(
  tx: Tx,
  user: { id: string; email: string },
  issuer: string,
  { key, now = new Date() }: TwoStepDeps,
): Promise<Enrolment> {
  const secretKey = deriveKey(key, 'secret');
  const row = await tx.userTwoStep.findUnique({ where: { userId: user.id } });
  const waiting = livePending(row, now);
  let secret = waiting ? open(secretKey, waiting, user.id) : null;
  if (!secret) {
    secret = generateSecret();
    const pendingSecretEnc = seal(secretKey, secret, user.id);
    await tx.userTwoStep.upsert({
      where: { userId: user.id },
      create: { userId: user.id, pendingSecretEnc, pendingCreatedAt: now, updatedAt: now },
      update: { pendingSecretEnc, pendingCreatedAt: now, updatedAt: now },
    });
  }
  const uri = otpauthUri(secret, issuer, user.email);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return { uri, qrSvg, manualKey: manualKey(secret) };
}

export type CodeRefusal = 'invalid' | 'replayed' | 'throttled' | 'not_enrolled';
export type CodeFailure = { ok: false; reason: CodeRefusal; retryAfterSeconds?: number };
export type CodeResult = { ok: true } | CodeFailure;

/** Counts an attempt; null while within the limit. */
async function throttle(tx: Tx, userId: string, now: Date): Promise<CodeFailure | null> {
  const r = await hit(tx, attemptsKey(userId), CODE_ATTEMPTS, CODE_WINDOW_SECONDS, now);
  return r.allowed ? null : { ok: false, reason: 'throttled', retryAfterSeconds: r.retryAfterSeconds };
}

/** Counts a second-step attempt of any kind (codes, recovery codes, keys), auditing a refusal. */
export async function throttleAttempt(tx: Tx, user: Subject, now: Date): Promise<CodeFailure | null> {
  const throttled = await throttle(tx, user.id, now);
  if (throttled) await audit(tx, user, user.id, 'throttled', now);
  return throttled;
}

/**
 * Confirms the waiting authenticator with its first code. On a first set-up, returns the recovery
 * codes (to show once); replacing an authenticator keeps the codes the user already has.
 */
export async function confirmEnrolment(
  tx: Tx,
  user: Subject,
  code: string,
  { key, now = new Date() }: TwoStepDeps,
): Promise<{ ok: true; recoveryCodes: string[] | null } | CodeFailure> {
  const secretKey = deriveKey(key, 'secret');
  const row = await tx.userTwoStep.findUnique({ where: { userId: user.id } });
  const waiting = livePending(row, now);
  const secret = waiting ? open(secretKey, waiting, user.id) : null;
  if (!row || !secret) return { ok: false, reason: 'not_enrolled' };
  const throttled = await throttle(tx, user.id, now);
  if (throttled) return throttled;
  // No code has been used with this secret yet, so there is nothing to replay.
  const check = checkCode(secret, code, now, null);
  if (!check.ok) {
    await audit(tx, user, user.id, 'enrolment_failed', now);
    return check;
  }
  const replacing = Boolean(row.confirmedAt && row.secretEnc);
  await tx.userTwoStep.update({
    where: { userId: user.id },
    data: {
      secretEnc: waiting,
      pendingSecretEnc: null,
      pendingCreatedAt: null,
      // "On since" stays the first set-up's date when the app is replaced.
      confirmedAt: replacing ? row.confirmedAt : now,
      lastUsedStep: check.step,
      updatedAt: now,
    },
  });
  await clear(tx, attemptsKey(user.id));
  await audit(tx, user, user.id, replacing ? 'replaced' : 'enrolled', now);
  const recoveryCodes = replacing ? null : await replaceRecoveryCodes(tx, user.id, key, now);
  return { ok: true, recoveryCodes };
}

/** A new set of recovery codes for the user, replacing any they had; the codes to show once. */
export async function replaceRecoveryCodes(tx: Tx, userId: string, key: Buffer, now: Date): Promise<string[]> {
  const recoveryKey = deriveKey(key, 'recovery');
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(recoveryKey, c), createdAt: now })),
  });
  return codes;
}

/**
 * Checks a code from the authenticator app (after the password, or before a change to the
 * account's two-step settings). Throttled per user; a success clears the count.
 */
export async function verifyCode(
  tx: Tx,
  user: Subject,
  code: string,
  { key, now = new Date() }: TwoStepDeps,
): Promise<CodeResult> {
  const row = await tx.userTwoStep.findUnique({ where: { userId: user.id } });
  const secret = row?.confirmedAt && row.secretEnc ? open(deriveKey(key, 'secret'), row.secretEnc, user.id) : null;
  if (!row || !secret) return { ok: false, reason: 'not_enrolled' };
  const throttled = await throttleAttempt(tx, user, now);
  if (throttled) return throttled;
  const check = checkCode(secret, code, now, row.lastUsedStep);
  if (!check.ok) {
    await audit(tx, user, user.id, 'code_refused', now, { reason: check.reason });
    return check;
  }
  // Conditional on the step stored when we read it: two requests racing with the same code
  // cannot both pass.
  const { count } = await tx.userTwoStep.updateMany({
    where: { userId: user.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: check.step } }] },
    data: { lastUsedStep: check.step, updatedAt: now },
  });
  if (count === 0) return { ok: false, reason: 'replayed' };
  await clear(tx, attemptsKey(user.id));
  await audit(tx, user, user.id, 'code_used', now);
  return { ok: true };
}

/** Uses one recovery code in place of an authenticator code. Throttled with codes. */
export async function useRecoveryCode(
  tx: Tx,
  user: Subject,
  input: string,
  { key, now = new Date() }: TwoStepDeps,
): Promise<CodeResult> {
  const status = await twoStepStatus(tx, user.id);
  if (!status.enabled) return { ok: false, reason: 'not_enrolled' };
  const throttled = await throttleAttempt(tx, user, now);
  if (throttled) return throttled;
  const codeHash = looksLikeRecoveryCode(input) ? hashRecoveryCode(deriveKey(key, 'recovery'), input) : null;
  // One conditional update: a code is spent by exactly one request.
  const { count } = codeHash
    ? await tx.recoveryCode.updateMany({ where: { userId: user.id, codeHash, usedAt: null }, data: { usedAt: now } })
    : { count: 0 };
  if (count === 0) {
    await audit(tx, user, user.id, 'recovery_code_refused', now);
    return { ok: false, reason: 'invalid' };
  }
  await clear(tx, attemptsKey(user.id));
  await audit(tx, user, user.id, 'recovery_code_used', now, { recoveryCodesLeft: status.recoveryCodesLeft - 1 });
  return { ok: true };
}

/** A new set of recovery codes (the old ones stop working), after a current authenticator code. */
export async function regenerateRecoveryCodes(
  tx: Tx,
  user: Subject,
  code: string,
  deps: TwoStepDeps,
): Promise<{ ok: true; recoveryCodes: string[] } | CodeFailure> {
  const now = deps.now ?? new Date();
  const verified = await verifyCode(tx, user, code, { ...deps, now });
  if (!verified.ok) return verified;
  const recoveryCodes = await replaceRecoveryCodes(tx, user.id, deps.key, now);
  await audit(tx, user, user.id, 'recovery_codes_replaced', now);
  return { ok: true, recoveryCodes };
}

/**
 * An admin's reset for someone who has lost their phone (or keys) and their codes: removes the
 * authenticator, the security keys and passkeys and the codes, so the next sign-in goes to set-up.
 * The caller checks the admin's permission (users.manage) and ends the user's sessions if it wants to.
 */
export async function resetTwoStep(tx: Tx, admin: AuditActor, userId: string, now: Date = new Date()): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.userTwoStep.deleteMany({ where: { userId } });
  await tx.passkey.deleteMany({ where: { userId } });
  await clear(tx, attemptsKey(userId));
  await audit(tx, admin, userId, 'reset', now);
}

/** Whether the user has a confirmed authenticator app. */
export async function hasApp(tx: Tx, userId: string): Promise<boolean> {
  const row = await tx.userTwoStep.findUnique({ where: { userId }, select: { confirmedAt: true, secretEnc: true } });
  return Boolean(row?.confirmedAt && row.secretEnc);
}

/** Whether the user has a second step, an app or a key (so a sign-in asks for it). */
export async function isEnrolled(tx: Tx, userId: string): Promise<boolean> {
  return (await hasApp(tx, userId)) || (await tx.passkey.count({ where: { userId } })) > 0;
}

/** The account a pending sign-in names, with what the second step needs; null if it has gone. */
export async function twoStepAccount(
  tx: Tx,
  userId: string,
): Promise<{ id: string; email: string; name: string; role: AuditActor['role'] } | null> {
  return tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true } });
}
