// Security keys and passkeys against a software authenticator (tests/helpers/software-key.ts):
// registering, signing in, the counter, challenges that are single-use, short-lived and bound to
// one sign-in, removing a key and the admin's reset.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import {
  CHALLENGE_SECONDS,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskey,
  relyingPartyFor,
  removePasskey,
  verifyPasskey,
} from '@/lib/auth/two-step/passkeys';
import {
  CODE_ATTEMPTS,
  confirmEnrolment,
  isEnrolled,
  resetTwoStep,
  startEnrolment,
  twoStepStatus,
  useRecoveryCode,
} from '@/lib/auth/two-step/service';
import { codeAt } from '@/lib/auth/two-step/totp';
import { freshDatabase, type FreshDatabase } from '../helpers/db';
import { SoftwareKey, b64u } from '../helpers/software-key';

let database: FreshDatabase;
let db: Db;
const key = randomBytes(32);
const rp = relyingPartyFor('https://connect.eastbrook.example/', 'Eastbrook Community Connect');
const origin = rp.origin;
const T0 = new Date('2026-12-02T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const SIGN_IN = 'pending-sign-in-1';
const refused = { ok: false, reason: 'invalid' };
let n = 0;

async function makeUser(role: 'coordinator' | 'admin' = 'coordinator') {
  const u = await db.user.create({
    data: { email: `pk${++n}@council.example`, name: `PK ${n}`, passwordHash: 'x', role },
  });
  return { id: u.id, email: u.email, role: u.role };
}

type User = Awaited<ReturnType<typeof makeUser>>;

async function addKey(user: User, name = 'Yellow key', softwareKey = new SoftwareKey(), now = T0) {
  const options = await passkeyRegistrationOptions(db, user, rp, SIGN_IN, now);
  const added = await registerPasskey(db, user, { name, response: softwareKey.create(options, { origin }) }, rp, SIGN_IN, {
    key,
    now,
  });
  return { added, softwareKey };
}

async function registered() {
  const user = await makeUser();
  const { added, softwareKey } = await addKey(user);
  expect(added).toMatchObject({ ok: true });
  return { user, softwareKey };
}

const actionsOf = async (userId: string) => (await db.auditEvent.findMany({ where: { entityId: userId } })).map((e) => e.action);

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.drop();
});

describe('adding a security key or passkey', () => {
  it('takes the RP ID and origin from the base address', () => {
    expect(rp).toEqual({
      name: 'Eastbrook Community Connect',
      id: 'connect.eastbrook.example',
      origin: 'https://connect.eastbrook.example',
    });
    expect(relyingPartyFor('http://localhost:3211', 'x')).toMatchObject({ id: 'localhost', origin: 'http://localhost:3211' });
  });

  it('keeps a key that answers our challenge for this site, with recovery codes when it is the first second step', async () => {
    const user = await makeUser();
    const options = await passkeyRegistrationOptions(db, user, rp, SIGN_IN, T0);
    expect(options).toMatchObject({ rp: { id: rp.id }, attestation: 'none', timeout: CHALLENGE_SECONDS * 1000 });
    // Only the challenge's digest is kept.
    expect(JSON.stringify(await db.actionToken.findMany({ where: { subjectId: user.id } }))).not.toContain(options.challenge);

    const first = new SoftwareKey();
    const added = await registerPasskey(
      db,
      user,
      { name: 'Yellow key', response: first.create(options, { origin }) },
      rp,
      SIGN_IN,
      {
        key,
        now: T0,
      },
    );
    expect(added).toEqual({ ok: true, recoveryCodes: expect.any(Array) });
    expect(added.ok && added.recoveryCodes).toHaveLength(10);
    expect(await isEnrolled(db, user.id)).toBe(true);
    const stored = await db.passkey.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored).toMatchObject({ name: 'Yellow key', credentialId: b64u(first.id), counter: 0n, transports: ['usb'] });

    // A second key: no new codes, and the browser is told which keys it already has.
    const again = await passkeyRegistrationOptions(db, user, rp, SIGN_IN, at(10));
    expect(again.excludeCredentials?.map((c) => c.id)).toEqual([b64u(first.id)]);
    const second = await registerPasskey(
      db,
      user,
      { name: 'Blue key', response: new SoftwareKey().create(again, { origin }) },
      rp,
      SIGN_IN,
      { key, now: at(10) },
    );
    expect(second).toEqual({ ok: true, recoveryCodes: null });

    const status = await twoStepStatus(db, user.id, at(10));
    expect(status).toMatchObject({ enabled: true, app: false, confirmedAt: T0, recoveryCodesLeft: 10 });
    expect(status.passkeys.map((k) => k.name)).toEqual(['Yellow key', 'Blue key']);
    expect((await actionsOf(user.id)).filter((a) => a === 'auth.two_step.passkey_added')).toHaveLength(2);
  });

  it('refuses an answer to another challenge, from another site, for another sign-in, used twice or too late', async () => {
    const user = await makeUser();
    const softwareKey = new SoftwareKey();
    const register = async (response: ReturnType<SoftwareKey['create']>, boundTo = SIGN_IN, now = T0) =>
      registerPasskey(db, user, { name: 'Yellow key', response }, rp, boundTo, { key, now });

    const options = await passkeyRegistrationOptions(db, user, rp, SIGN_IN, T0);
    expect(await register(softwareKey.create(options, { origin, challenge: b64u(randomBytes(32)) }))).toEqual(refused);
    expect(await register(softwareKey.create(options, { origin: 'https://evil.example' }))).toEqual(refused);
    expect(await register(softwareKey.create({ ...options, rp: { id: 'evil.example' } }, { origin }))).toEqual(refused);
    // Each of those used the challenge up: even the right answer is too late now.
    expect(await register(softwareKey.create(options, { origin }))).toEqual(refused);

    const other = await passkeyRegistrationOptions(db, user, rp, SIGN_IN, T0);
    expect(await register(softwareKey.create(other, { origin }), 'pending-sign-in-2')).toEqual(refused);

    const late = await passkeyRegistrationOptions(db, user, rp, SIGN_IN, T0);
    expect(await register(softwareKey.create(late, { origin }), SIGN_IN, at(CHALLENGE_SECONDS))).toEqual(refused);

    // Another user's challenge does not register a key for this one.
    const stranger = await makeUser();
    const theirs = await passkeyRegistrationOptions(db, stranger, rp, SIGN_IN, T0);
    expect(await register(softwareKey.create(theirs, { origin }))).toEqual(refused);

    expect(await isEnrolled(db, user.id)).toBe(false);
    const fresh = await passkeyRegistrationOptions(db, user, rp, SIGN_IN, at(1));
    expect(await register(softwareKey.create(fresh, { origin }), SIGN_IN, at(CHALLENGE_SECONDS))).toMatchObject({ ok: true });
  });
});

describe('signing in with a key', () => {
  it('accepts a signed challenge of this sign-in and moves the counter on', async () => {
    const { user, softwareKey } = await registered();
    const options = await passkeySignInOptions(db, user.id, rp, SIGN_IN, T0);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([b64u(softwareKey.id)]);
    expect(options.rpId).toBe(rp.id);
    expect(await verifyPasskey(db, user, softwareKey.get(options, { origin }), rp, SIGN_IN, at(5))).toEqual({ ok: true });
    expect(await db.passkey.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ counter: 1n, lastUsedAt: at(5) });
    expect(await actionsOf(user.id)).toContain('auth.two_step.passkey_used');

    // The same answer again: its challenge is used up.
    const replay = softwareKey.get(options, { origin, counter: 2 });
    expect(await verifyPasskey(db, user, replay, rp, SIGN_IN, at(6))).toEqual(refused);
  });

  it('refuses a forged signature, a counter gone back, another site, another sign-in, a late answer and another user', async () => {
    // Each on a key of its own that has signed in once, at counter 5 (so wrong tries stay under the limit).
    const refusal = async (
      answer: (softwareKey: SoftwareKey, options: { challenge: string; rpId?: string }) => ReturnType<SoftwareKey['get']>,
      { boundTo = SIGN_IN, now = T0 } = {},
    ) => {
      const { user, softwareKey } = await registered();
      const first = await passkeySignInOptions(db, user.id, rp, SIGN_IN, T0);
      expect(await verifyPasskey(db, user, softwareKey.get(first, { origin, counter: 5 }), rp, SIGN_IN, T0)).toEqual({
        ok: true,
      });
      const options = await passkeySignInOptions(db, user.id, rp, SIGN_IN, T0);
      const result = await verifyPasskey(db, user, answer(softwareKey, options), rp, boundTo, now);
      expect(await db.passkey.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ counter: 5n });
      expect(await actionsOf(user.id)).toContain('auth.two_step.passkey_refused');
      return result;
    };
    expect(await refusal((k, o) => k.get(o, { origin, signWith: k.stranger }))).toEqual(refused);
    // A cloned key: its counter is behind the one we saw.
    expect(await refusal((k, o) => k.get(o, { origin, counter: 3 }))).toEqual(refused);
    expect(await refusal((k, o) => k.get(o, { origin: 'https://evil.example' }))).toEqual(refused);
    expect(await refusal((k, o) => k.get({ ...o, rpId: 'evil.example' }, { origin }))).toEqual(refused);
    expect(await refusal((k, o) => k.get(o, { origin, challenge: b64u(randomBytes(32)) }))).toEqual(refused);
    expect(await refusal((k, o) => k.get(o, { origin }), { boundTo: 'pending-sign-in-2' })).toEqual(refused);
    expect(await refusal((k, o) => k.get(o, { origin }), { now: at(CHALLENGE_SECONDS) })).toEqual(refused);

    // Another user with this user's challenge and key.
    const { user, softwareKey } = await registered();
    const other = await makeUser();
    const options = await passkeySignInOptions(db, user.id, rp, SIGN_IN, T0);
    expect(await verifyPasskey(db, other, softwareKey.get(options, { origin }), rp, SIGN_IN, T0)).toEqual(refused);
  });

  it('shares the limit of wrong attempts with codes, and a right key clears it', async () => {
    const { user, softwareKey } = await registered();
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      const options = await passkeySignInOptions(db, user.id, rp, SIGN_IN, T0);
      await verifyPasskey(db, user, softwareKey.get(options, { origin, signWith: softwareKey.stranger }), rp, SIGN_IN, T0);
    }
    const options = await passkeySignInOptions(db, user.id, rp, SIGN_IN, T0);
    expect(await verifyPasskey(db, user, softwareKey.get(options, { origin }), rp, SIGN_IN, T0)).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
    // Recovery codes wait too.
    expect(await useRecoveryCode(db, user, 'AAAAA-AAAAA', { key, now: T0 })).toMatchObject({ reason: 'throttled' });
  });
});

describe('removing keys', () => {
  it('keeps the last key of someone who must use two-step sign-in and has no app', async () => {
    const { user } = await registered();
    const [only] = (await twoStepStatus(db, user.id)).passkeys;
    expect(await removePasskey(db, user, only.id, { required: true, now: T0 })).toEqual({ ok: false, reason: 'last_step' });

    const { added } = await addKey(user, 'Blue key');
    expect(added).toEqual({ ok: true, recoveryCodes: null });
    expect(await removePasskey(db, user, only.id, { required: true, now: T0 })).toEqual({ ok: true });
    expect((await twoStepStatus(db, user.id)).passkeys.map((k) => k.name)).toEqual(['Blue key']);
    expect(await actionsOf(user.id)).toContain('auth.two_step.passkey_removed');

    // Someone else's key is not found.
    const other = await makeUser();
    const [blue] = (await twoStepStatus(db, user.id)).passkeys;
    expect(await removePasskey(db, other, blue.id, { required: false, now: T0 })).toEqual({ ok: false, reason: 'not_found' });
  });

  it('lets the last key go once there is an app, or when two-step sign-in is not required', async () => {
    const { user } = await registered();
    const { uri } = await startEnrolment(db, user, 'Eastbrook', { key, now: T0 });
    const secret = new URL(uri).searchParams.get('secret')!;
    // The app after a key: recovery codes are made afresh.
    expect(await confirmEnrolment(db, user, codeAt(secret, T0), { key, now: T0 })).toMatchObject({ ok: true });
    const [only] = (await twoStepStatus(db, user.id)).passkeys;
    expect(await removePasskey(db, user, only.id, { required: true, now: T0 })).toEqual({ ok: true });
    expect(await isEnrolled(db, user.id)).toBe(true);

    const { user: optional } = await registered();
    const [theirs] = (await twoStepStatus(db, optional.id)).passkeys;
    expect(await removePasskey(db, optional, theirs.id, { required: false, now: T0 })).toEqual({ ok: true });
    expect(await isEnrolled(db, optional.id)).toBe(false);
  });

  it("an admin's reset removes the keys with the app and the codes", async () => {
    const admin = await makeUser('admin');
    const { user, softwareKey } = await registered();
    await resetTwoStep(db, admin, user.id, at(30));
    expect(await isEnrolled(db, user.id)).toBe(false);
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(0);
    const options = await passkeySignInOptions(db, user.id, rp, SIGN_IN, at(31));
    expect(options.allowCredentials).toEqual([]);
    expect(await verifyPasskey(db, user, softwareKey.get(options, { origin }), rp, SIGN_IN, at(31))).toEqual(refused);
  });
});
