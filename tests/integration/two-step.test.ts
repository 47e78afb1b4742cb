import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { GENERATED_TWO_STEP_KEY, MissingTwoStepKey, resolveTwoStepKey } from '@/lib/auth/two-step/keys';
import {
  CODE_ATTEMPTS,
  REPLACEMENT_SECONDS,
  confirmEnrolment,
  isEnrolled,
  regenerateRecoveryCodes,
  resetTwoStep,
  startEnrolment,
  twoStepStatus,
  useRecoveryCode,
  verifyCode,
} from '@/lib/auth/two-step/service';
import { codeAt } from '@/lib/auth/two-step/totp';
import { freshDatabase, type FreshDatabase } from '../helpers/db';

let database: FreshDatabase;
let db: Db;
let passwordHash: string;
const key = randomBytes(32);
const ISSUER = 'Eastbrook Community Connect';
// The start of a 5-minute window, so the attempt counter's window is predictable.
const T0 = new Date('2026-12-02T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let n = 0;

async function makeUser(role: 'link_worker' | 'admin' = 'link_worker') {
  const user = await db.user.create({ data: { email: `user${++n}@council.example`, name: `User ${n}`, passwordHash, role } });
  return { id: user.id, email: user.email, role: user.role };
}

const secretOf = (uri: string) => new URL(uri).searchParams.get('secret')!;

/** A user with a confirmed authenticator; returns its secret and recovery codes. */
async function enrolled(now = T0) {
  const user = await makeUser();
  const { uri } = await startEnrolment(db, user, ISSUER, { key, now });
  const secret = secretOf(uri);
  const result = await confirmEnrolment(db, user, codeAt(secret, now), { key, now });
  if (!result.ok || !result.recoveryCodes) throw new Error('enrolment failed');
  return { user, secret, recoveryCodes: result.recoveryCodes };
}

const auditActions = async (userId: string) =>
  (await db.auditEvent.findMany({ where: { entityType: 'user', entityId: userId }, orderBy: { createdAt: 'asc' } })).map(
    (e) => e.action,
  );

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  passwordHash = await hashPassword('correct horse battery staple');
});

afterAll(async () => {
  await database?.drop();
});

describe('setting up an authenticator', () => {
  it('keeps the new secret encrypted and shows the same one until it is confirmed', async () => {
    const user = await makeUser();
    const first = await startEnrolment(db, user, ISSUER, { key, now: T0 });
    const secret = secretOf(first.uri);
    expect(first.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(first.manualKey.replace(/ /g, '')).toBe(secret);
    expect(new URL(first.uri).searchParams.get('issuer')).toBe(ISSUER);

    const row = await db.userTwoStep.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.pendingSecretEnc).toBeTruthy();
    expect(row.pendingSecretEnc).not.toContain(secret);
    expect(row.secretEnc).toBeNull();
    expect((await twoStepStatus(db, user.id)).enabled).toBe(false);

    const again = await startEnrolment(db, user, ISSUER, { key, now: at(10) });
    expect(secretOf(again.uri)).toBe(secret);
  });

  it('is confirmed only by a right code, and then gives 10 recovery codes stored as digests', async () => {
    const user = await makeUser();
    const secret = secretOf((await startEnrolment(db, user, ISSUER, { key, now: T0 })).uri);
    expect(await confirmEnrolment(db, user, '000000' === codeAt(secret, T0) ? '111111' : '000000', { key, now: T0 })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await isEnrolled(db, user.id)).toBe(false);

    const result = await confirmEnrolment(db, user, codeAt(secret, T0), { key, now: T0 });
    expect(result.ok).toBe(true);
    const codes = result.ok ? result.recoveryCodes! : [];
    expect(codes).toHaveLength(10);
    expect(await isEnrolled(db, user.id)).toBe(true);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const code of codes) {
      expect(stored.some((s) => s.codeHash.includes(code.replace('-', '')))).toBe(false);
    }
    const status = await twoStepStatus(db, user.id);
    expect(status).toEqual({ enabled: true, confirmedAt: T0, app: true, pending: false, recoveryCodesLeft: 10, passkeys: [] });
    // The code that confirmed it cannot then sign in.
    expect(await verifyCode(db, user, codeAt(secret, T0), { key, now: at(5) })).toEqual({ ok: false, reason: 'replayed' });
    expect(await auditActions(user.id)).toEqual([
      'auth.two_step.enrolment_failed',
      'auth.two_step.enrolled',
      'auth.two_step.code_refused',
    ]);
  });

  it('cannot be confirmed with nothing started, and an encrypted secret is useless under another key', async () => {
    const user = await makeUser();
    expect(await confirmEnrolment(db, user, '123456', { key, now: T0 })).toEqual({ ok: false, reason: 'not_enrolled' });
    const { user: other, secret } = await enrolled();
    expect(await verifyCode(db, other, codeAt(secret, at(60)), { key: randomBytes(32), now: at(60) })).toEqual({
      ok: false,
      reason: 'not_enrolled',
    });
  });
});

describe('checking a code at sign-in', () => {
  it('accepts a code once and refuses it again (and earlier ones) after', async () => {
    const { user, secret } = await enrolled();
    const now = at(90);
    expect(await verifyCode(db, user, codeAt(secret, now), { key, now })).toEqual({ ok: true });
    expect(await verifyCode(db, user, codeAt(secret, now), { key, now: at(95) })).toEqual({ ok: false, reason: 'replayed' });
    expect(await verifyCode(db, user, codeAt(secret, at(60)), { key, now: at(95) })).toEqual({ ok: false, reason: 'replayed' });
    expect(await verifyCode(db, user, codeAt(secret, at(120)), { key, now: at(121) })).toEqual({ ok: true });
    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a === 'auth.two_step.code_used')).toHaveLength(2);
  });

  it(`refuses every attempt after ${CODE_ATTEMPTS} wrong codes within 5 minutes, even a right one`, async () => {
    const { user, secret } = await enrolled();
    const now = at(60);
    const right = codeAt(secret, now);
    const wrong = right === '999999' ? '999998' : '999999';
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      expect(await verifyCode(db, user, wrong, { key, now })).toEqual({ ok: false, reason: 'invalid' });
    }
    const refused = await verifyCode(db, user, right, { key, now });
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
    expect(refused.ok === false && refused.retryAfterSeconds).toBe(240);
    // Recovery codes share the count.
    expect(await useRecoveryCode(db, user, 'AAAAA-AAAAA', { key, now })).toMatchObject({ reason: 'throttled' });
    expect(await auditActions(user.id)).toContain('auth.two_step.throttled');
    // The next window starts afresh.
    expect(await verifyCode(db, user, codeAt(secret, at(300)), { key, now: at(300) })).toEqual({ ok: true });
  });

  it('forgets wrong codes after a right one', async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < CODE_ATTEMPTS - 1; i++) await verifyCode(db, user, 'x', { key, now: at(31) });
    expect(await verifyCode(db, user, codeAt(secret, at(31)), { key, now: at(31) })).toEqual({ ok: true });
    for (let i = 0; i < CODE_ATTEMPTS - 1; i++) await verifyCode(db, user, 'x', { key, now: at(62) });
    expect(await verifyCode(db, user, codeAt(secret, at(62)), { key, now: at(62) })).toEqual({ ok: true });
  });

  it('counts wrong codes per user: one person’s mistakes do not block another', async () => {
    const a = await enrolled();
    const b = await enrolled();
    for (let i = 0; i < CODE_ATTEMPTS + 1; i++) await verifyCode(db, a.user, 'x', { key, now: at(40) });
    expect(await verifyCode(db, b.user, codeAt(b.secret, at(40)), { key, now: at(40) })).toEqual({ ok: true });
  });
});

describe('recovery codes', () => {
  it('each works once, however it is typed', async () => {
    const { user, recoveryCodes } = await enrolled();
    const [first, second] = recoveryCodes;
    expect(await useRecoveryCode(db, user, first.toLowerCase().replace('-', ' '), { key, now: at(40) })).toEqual({ ok: true });
    expect(await useRecoveryCode(db, user, first, { key, now: at(41) })).toEqual({ ok: false, reason: 'invalid' });
    expect(await useRecoveryCode(db, user, second, { key, now: at(42) })).toEqual({ ok: true });
    expect((await twoStepStatus(db, user.id)).recoveryCodesLeft).toBe(8);
    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a === 'auth.two_step.recovery_code_used')).toHaveLength(2);
    expect(actions).toContain('auth.two_step.recovery_code_refused');
  });

  it('a new set needs a current code and ends the old set', async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    expect(await regenerateRecoveryCodes(db, user, 'x', { key, now: at(60) })).toEqual({ ok: false, reason: 'invalid' });
    const result = await regenerateRecoveryCodes(db, user, codeAt(secret, at(60)), { key, now: at(60) });
    expect(result.ok).toBe(true);
    const fresh = result.ok ? result.recoveryCodes : [];
    expect(fresh).toHaveLength(10);
    expect(await useRecoveryCode(db, user, recoveryCodes[0], { key, now: at(61) })).toEqual({ ok: false, reason: 'invalid' });
    expect(await useRecoveryCode(db, user, fresh[0], { key, now: at(62) })).toEqual({ ok: true });
    expect(await auditActions(user.id)).toContain('auth.two_step.recovery_codes_replaced');
  });
});

describe('replacing the authenticator and resetting', () => {
  it('keeps the old app working until the new one is confirmed, and keeps the recovery codes', async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    const next = secretOf((await startEnrolment(db, user, ISSUER, { key, now: at(60) })).uri);
    expect(next).not.toBe(secret);
    expect(await verifyCode(db, user, codeAt(secret, at(60)), { key, now: at(60) })).toEqual({ ok: true });
    const confirmed = await confirmEnrolment(db, user, codeAt(next, at(120)), { key, now: at(120) });
    expect(confirmed).toEqual({ ok: true, recoveryCodes: null });
    expect((await twoStepStatus(db, user.id, at(120))).confirmedAt).toEqual(T0);
    expect(await verifyCode(db, user, codeAt(secret, at(150)), { key, now: at(150) })).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCode(db, user, codeAt(next, at(150)), { key, now: at(150) })).toEqual({ ok: true });
    expect(await useRecoveryCode(db, user, recoveryCodes[0], { key, now: at(151) })).toEqual({ ok: true });
    expect(await auditActions(user.id)).toContain('auth.two_step.replaced');
  });

  it('lets an unconfirmed replacement lapse after 15 minutes', async () => {
    const { user, secret } = await enrolled();
    const next = secretOf((await startEnrolment(db, user, ISSUER, { key, now: at(60) })).uri);
    expect((await twoStepStatus(db, user.id, at(60 + REPLACEMENT_SECONDS - 1))).pending).toBe(true);
    expect((await twoStepStatus(db, user.id, at(60 + REPLACEMENT_SECONDS))).pending).toBe(false);
    const late = at(60 + REPLACEMENT_SECONDS);
    expect(await confirmEnrolment(db, user, codeAt(next, late), { key, now: late })).toEqual({
      ok: false,
      reason: 'not_enrolled',
    });
    expect(await verifyCode(db, user, codeAt(secret, late), { key, now: late })).toEqual({ ok: true });
  });

  it('an admin reset removes the app and the codes, so the next sign-in sets up again', async () => {
    const admin = await makeUser('admin');
    const { user, recoveryCodes } = await enrolled();
    await resetTwoStep(db, admin, user.id, at(30));
    expect(await twoStepStatus(db, user.id)).toEqual({
      enabled: false,
      confirmedAt: null,
      app: false,
      pending: false,
      recoveryCodesLeft: 0,
      passkeys: [],
    });
    expect(await useRecoveryCode(db, user, recoveryCodes[0], { key, now: at(31) })).toEqual({
      ok: false,
      reason: 'not_enrolled',
    });
    const reset = await db.auditEvent.findFirstOrThrow({ where: { action: 'auth.two_step.reset', entityId: user.id } });
    expect(reset.actorId).toBe(admin.id);
  });

  it('never writes a code or a secret into the audit trail', async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    await verifyCode(db, user, codeAt(secret, at(60)), { key, now: at(60) });
    await useRecoveryCode(db, user, recoveryCodes[0], { key, now: at(61) });
    const events = JSON.stringify(await db.auditEvent.findMany({ where: { entityId: user.id } }));
    expect(events).not.toContain(secret);
    expect(events).not.toContain(recoveryCodes[0]);
    expect(events).not.toContain(codeAt(secret, at(60)));
  });
});

describe('the two-step key', () => {
  it('is generated once and kept for development and the demo', async () => {
    const first = await resolveTwoStepKey(db, { env: { NODE_ENV: 'development' }, demoMode: false, configured: undefined });
    const second = await resolveTwoStepKey(db, { env: { NODE_ENV: 'production' }, demoMode: true, configured: undefined });
    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    expect(await db.setting.findUnique({ where: { key: GENERATED_TWO_STEP_KEY } })).not.toBeNull();
  });

  it('must be configured in production outside demo mode, and a configured one wins', async () => {
    await expect(
      resolveTwoStepKey(db, { env: { NODE_ENV: 'production' }, demoMode: false, configured: undefined }),
    ).rejects.toBeInstanceOf(MissingTwoStepKey);
    const configured = randomBytes(32);
    const got = await resolveTwoStepKey(db, {
      env: { NODE_ENV: 'production' },
      demoMode: false,
      configured: configured.toString('base64'),
    });
    expect(got.equals(configured)).toBe(true);
  });
});
