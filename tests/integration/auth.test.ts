import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { createDb } from '@/lib/db/client';
import { authenticate } from '@/lib/auth/authenticate';
import { deviceNonce } from '@/lib/auth/device';
import { createSession, hashToken, loadSession, revokeSession, revokeSessions, type SessionPolicy } from '@/lib/auth/load-user';
import { pruneAuthRecords } from '@/lib/auth/prune';
import { hashPassword, needsRehash, verifyPassword } from '@/lib/auth/password';
import { clear, hit, pruneRateLimitBuckets } from '@/lib/auth/rate-limit';
import { GENERATED_SECRET_KEY, MissingAuthSecret, resolveAuthSecret } from '@/lib/auth/secret';
import { accountKey, addressKey, clearSignInThrottle, delayAfter, type ThrottlePolicy } from '@/lib/auth/throttle';
import { freshDatabase } from '../helpers/db';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: PrismaClient;
let passwordHash: string;
let teamId: string;
let organisationId: string;

const PASSWORD = 'correct horse battery staple';
const SECRET = 'a test secret that is long enough to use';
const THROTTLE: ThrottlePolicy = { freeFailures: 3, addressFreeFailures: 5, maxDelaySeconds: 300, forgetAfterSeconds: 86_400 };
const sessionPolicy: SessionPolicy = { idleMinutes: 30, maxHours: 12 };
const T0 = new Date('2026-11-23T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

const attempt = (email: string, password: string, ip: string, seconds: number, device?: string) =>
  authenticate(db, { email, password, ip, device }, { now: at(seconds), policy: THROTTLE, secret: SECRET });

async function failuresOf(key: string): Promise<number> {
  return (await db.signInThrottle.findUnique({ where: { key } }))?.failures ?? 0;
}

async function makeUser(email: string, extra: { active?: boolean; role?: 'link_worker' | 'provider' } = {}) {
  return db.user.create({
    data: { email, name: `User ${email}`, passwordHash, role: extra.role ?? 'link_worker', teamId, active: extra.active ?? true },
  });
}

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  passwordHash = await hashPassword(PASSWORD);
  teamId = (await db.team.create({ data: { name: 'North team' } })).id;
  organisationId = (await db.organisation.create({ data: { name: 'Eastbrook Walkers' } })).id;
});

afterAll(async () => {
  await database?.drop();
});

describe('passwords', () => {
  it('hashes with argon2id at the chosen cost and verifies', async () => {
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(passwordHash, PASSWORD)).toBe(true);
    expect(await verifyPassword(passwordHash, 'Correct horse battery staple')).toBe(false);
    expect(needsRehash(passwordHash)).toBe(false);
  });

  it('gives a different hash each time (salted)', async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(passwordHash);
  });

  it('answers false, not an error, for a stored value that is not a hash', async () => {
    expect(await verifyPassword('not-a-hash', PASSWORD)).toBe(false);
    expect(needsRehash('not-a-hash')).toBe(true);
  });
});

describe('authenticate', () => {
  it('signs in with the right password, whatever the case of the e-mail, and records it', async () => {
    const user = await makeUser('ok@example.test');
    const result = await attempt('  OK@Example.TEST ', PASSWORD, freshIp(), 1);
    expect(result).toMatchObject({
      ok: true,
      user: { id: user.id, name: user.name, email: user.email, role: 'link_worker' },
    });
    expect(result.ok && deviceNonce(result.device, user.email, SECRET)).toBeTruthy();
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lastLoginAt).toEqual(at(1));
    expect(await db.auditEvent.count({ where: { action: 'auth.signed_in', actorId: user.id } })).toBe(1);
  });

  it('refuses a wrong password and counts the failure against the account and the address', async () => {
    const user = await makeUser('wrong@example.test');
    const ip = freshIp();
    expect(await attempt(user.email, 'nope', ip, 1)).toEqual({ ok: false, reason: 'invalid' });
    expect(await failuresOf(accountKey(user.email))).toBe(1);
    expect(await failuresOf(addressKey(ip))).toBe(1);
  });

  it('never locks: after the free failures each one doubles the wait, up to the cap, and then the right password works', async () => {
    const user = await makeUser('slowed@example.test');
    const ip = freshIp();
    // Three free failures, then waits of 1 s and 2 s.
    for (const t of [1, 2, 3]) expect(await attempt(user.email, 'nope', ip, t)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(user.email, 'nope', ip, 4)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(user.email, PASSWORD, ip, 4.5)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
    expect(await attempt(user.email, 'nope', ip, 5)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(user.email, PASSWORD, ip, 6)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
    // Attempts made while waiting are not counted, so hammering does not make the wait longer.
    expect(await failuresOf(accountKey(user.email))).toBe(5);
    expect((await attempt(user.email, PASSWORD, ip, 7)).ok).toBe(true);
    // Success ends the account's run of failures but never touches the address's count.
    expect(await failuresOf(accountKey(user.email))).toBe(0);
    expect(await failuresOf(addressKey(ip))).toBe(5);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ active: true });
  });

  it('caps the wait', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => delayAfter(n, 3, 300))).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(delayAfter(12, 3, 300)).toBe(256);
    expect(delayAfter(13, 3, 300)).toBe(300);
    expect(delayAfter(5_000, 3, 300)).toBe(300);
  });

  it('fifty wrong passwords from address A neither stop the right password from B’s browser nor end B’s session', async () => {
    const user = await makeUser('target@example.test');
    const officeIp = freshIp();
    const signedIn = await attempt(user.email, PASSWORD, officeIp, 0);
    if (!signedIn.ok) throw new Error('could not sign in');
    const live = await createSession(db, user.id, { now: at(0), policy: sessionPolicy });

    // The attacker waits out every delay, so all fifty failures count.
    const attackerIp = freshIp();
    let t = 1;
    for (let i = 0; i < 50; i++) {
      expect(await attempt(user.email, `guess-${i}`, attackerIp, t)).toEqual({ ok: false, reason: 'invalid' });
      t += THROTTLE.maxDelaySeconds;
    }
    // Straight after the fiftieth failure: the account is at the longest wait...
    expect(await attempt(user.email, PASSWORD, freshIp(), t - THROTTLE.maxDelaySeconds + 1)).toMatchObject({
      reason: 'throttled',
    });
    // ...but the browser that signed in before is only throttled on its own failures.
    const fromB = await attempt(user.email, PASSWORD, officeIp, t - THROTTLE.maxDelaySeconds + 1, signedIn.device);
    expect(fromB.ok).toBe(true);
    // And B's open session was never ended (checked at a moment it has been in use).
    expect(await loadSession(db, live.token, at(60), { policy: sessionPolicy })).not.toBeNull();
    expect(await db.userSession.count({ where: { userId: user.id, revokedAt: { not: null } } })).toBe(0);
  });

  it('does not trust a device cookie made for another account or altered', async () => {
    const a = await makeUser('device-a@example.test');
    const b = await makeUser('device-b@example.test');
    const signedIn = await attempt(a.email, PASSWORD, freshIp(), 0);
    if (!signedIn.ok) throw new Error('could not sign in');
    expect(deviceNonce(signedIn.device, a.email, SECRET)).toBeTruthy();
    expect(deviceNonce(signedIn.device, b.email, SECRET)).toBeNull();
    expect(deviceNonce(`${signedIn.device}x`, a.email, SECRET)).toBeNull();
    expect(deviceNonce(signedIn.device, a.email, 'another secret of enough length........')).toBeNull();
    // From B's account the cookie is ignored: B's failures count against B's account as usual.
    await attempt(b.email, 'nope', freshIp(), 1, signedIn.device);
    expect(await failuresOf(accountKey(b.email))).toBe(1);
  });

  it('lets eleven (and more) colleagues sign in from one office address: successes never count', async () => {
    const ip = freshIp();
    const colleagues = await Promise.all(Array.from({ length: 25 }, (_, i) => makeUser(`colleague${i}@example.test`)));
    for (const [i, c] of colleagues.entries()) expect((await attempt(c.email, PASSWORD, ip, i)).ok).toBe(true);
    expect(await failuresOf(addressKey(ip))).toBe(0);
  });

  it('throttles an address on its failures across accounts, except for browsers that signed in before', async () => {
    const ip = freshIp();
    const user = await makeUser('shared-office@example.test');
    const known = await attempt(user.email, PASSWORD, ip, 0);
    if (!known.ok) throw new Error('could not sign in');
    for (let i = 0; i <= THROTTLE.addressFreeFailures; i++) await attempt(`typo${i}@example.test`, 'nope', ip, 1);
    const other = await makeUser('new-starter@example.test');
    expect(await attempt(other.email, PASSWORD, ip, 1.5)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
    expect((await attempt(user.email, PASSWORD, ip, 1.5, known.device)).ok).toBe(true);
    expect((await attempt(other.email, PASSWORD, ip, 3)).ok).toBe(true);
  });

  it('answers an unknown address exactly as it would a real one, throttling included', async () => {
    const real = await makeUser('real@example.test');
    const run = async (email: string) => {
      const ip = freshIp();
      const answers = [];
      for (const t of [1, 2, 3, 4, 4.5, 5, 6]) answers.push(await attempt(email, 'nope', ip, t));
      return answers;
    };
    const unknown = await run('nobody@example.test');
    expect(unknown).toEqual(await run(real.email));
    expect(unknown.map((a) => (a.ok ? 'ok' : a.reason))).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'throttled',
      'invalid',
      'throttled',
    ]);
  });

  it('refuses an inactive account with the same answer as a wrong password', async () => {
    const user = await makeUser('leaver@example.test', { active: false });
    expect(await attempt(user.email, PASSWORD, freshIp(), 1)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('can be cleared by an admin ("unlock"), from anywhere and for every browser', async () => {
    const user = await makeUser('unlock@example.test');
    const ip = freshIp();
    for (let t = 1; t <= 6; t++) await attempt(user.email, 'nope', ip, t);
    expect(await attempt(user.email, PASSWORD, ip, 6.5)).toMatchObject({ reason: 'throttled' });
    await clearSignInThrottle(db, ' Unlock@Example.test');
    expect(await failuresOf(accountKey(user.email))).toBe(0);
    expect((await attempt(user.email, PASSWORD, freshIp(), 6.5)).ok).toBe(true);
  });

  it('audits the start of throttling once per run, without the e-mail or the address', async () => {
    const user = await makeUser('audited@example.test');
    const ip = freshIp();
    for (let t = 1; t <= 6; t += 1) await attempt(user.email, 'nope', ip, t * 10);
    const events = await db.auditEvent.findMany({ where: { action: 'auth.sign_in_throttled', entityId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0].detail).toEqual({ scope: 'account', failures: THROTTLE.freeFailures + 1 });
    expect(JSON.stringify(events)).not.toContain(user.email);
    expect(JSON.stringify(events)).not.toContain(ip);
  });

  it('forgets failures after a quiet day', async () => {
    const user = await makeUser('quiet@example.test');
    const ip = freshIp();
    for (let t = 1; t <= 6; t++) await attempt(user.email, 'nope', ip, t);
    await attempt(user.email, 'nope', ip, 86_400 + 100);
    expect(await failuresOf(accountKey(user.email))).toBe(1);
  });
});

describe('rate-limit buckets', () => {
  it('are shared by every instance: two separate clients see one count', async () => {
    const other = createDb(database.url);
    try {
      const key = 'test:shared';
      const now = at(0);
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await hit(i % 2 === 0 ? db : other, key, 3, 60, now));
      expect(results.map((r) => r.count)).toEqual([1, 2, 3, 4]);
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
      expect(results[3].retryAfterSeconds).toBe(60);
      expect(results[3].resetAt).toEqual(at(60));

      const concurrent = await Promise.all(
        Array.from({ length: 10 }, (_, i) => hit(i % 2 ? db : other, 'test:race', 100, 60, now)),
      );
      expect(concurrent.map((r) => r.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    } finally {
      await other.$disconnect();
    }
  });

  it('start again in the next window and tidy the old one', async () => {
    const key = 'test:window';
    await hit(db, key, 1, 60, at(0));
    expect((await hit(db, key, 1, 60, at(30))).allowed).toBe(false);
    expect(await hit(db, key, 1, 60, at(60))).toMatchObject({ allowed: true, count: 1 });
    expect(await db.rateLimitBucket.count({ where: { key } })).toBe(1);
  });

  it('can be cleared and pruned', async () => {
    await hit(db, 'test:clear', 5, 60, at(0));
    await clear(db, 'test:clear');
    expect(await db.rateLimitBucket.count({ where: { key: 'test:clear' } })).toBe(0);

    await hit(db, 'test:old', 5, 60, new Date('2020-01-01T00:00:00Z'));
    const removed = await pruneRateLimitBuckets(db, new Date('2021-01-01T00:00:00Z'));
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimitBucket.count({ where: { key: 'test:old' } })).toBe(0);
  });
});

describe('sessions', () => {
  const IDLE = sessionPolicy.idleMinutes * 60;
  const load = (token: string, seconds: number, touch?: 'always' | 'never') =>
    loadSession(db, token, at(seconds), { policy: sessionPolicy, touch });
  const open = (userId: string, seconds = 0) => createSession(db, userId, { now: at(seconds), policy: sessionPolicy });
  const lastSeen = async (id: string) => (await db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt;

  it('store only a digest of the token, and load role, team and organisations fresh', async () => {
    const user = await makeUser('provider@example.test', { role: 'provider' });
    await db.organisationMember.create({ data: { organisationId, userId: user.id } });
    const session = await open(user.id);
    const row = await db.userSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.tokenHash).toBe(hashToken(session.token));
    expect(row.tokenHash).not.toContain(session.token);
    expect(row.expiresAt).toEqual(at(12 * 3600));
    expect((await load(session.token, 1))?.user).toEqual({
      id: user.id,
      name: user.name,
      email: user.email,
      role: 'provider',
      teamId,
      organisationIds: [organisationId],
    });
    await db.user.update({ where: { id: user.id }, data: { role: 'coordinator' } });
    expect((await load(session.token, 2))?.user.role).toBe('coordinator');
  });

  it('refresh lastSeenAt at most once a minute', async () => {
    const user = await makeUser('touch@example.test');
    const session = await open(user.id);
    await load(session.token, 30);
    expect(await lastSeen(session.id)).toEqual(at(0));
    await load(session.token, 61);
    expect(await lastSeen(session.id)).toEqual(at(61));
    // Asking how long is left is not activity; "stay signed in" is.
    await load(session.token, 200, 'never');
    expect(await lastSeen(session.id)).toEqual(at(61));
    await load(session.token, 90, 'always');
    expect(await lastSeen(session.id)).toEqual(at(90));
  });

  it('end after the idle limit, and activity keeps them going', async () => {
    const user = await makeUser('idle@example.test');
    const session = await open(user.id);
    expect((await load(session.token, IDLE - 1))?.endsAt).toEqual(at(2 * IDLE - 1));
    expect(await load(session.token, 2 * IDLE - 2)).not.toBeNull();
    expect(await load(session.token, 3 * IDLE)).toBeNull();
    const other = await open(user.id);
    expect(await load(other.token, IDLE)).toBeNull();
  });

  it('end at the absolute limit however active they are', async () => {
    const user = await makeUser('absolute@example.test');
    const session = await open(user.id);
    for (let t = 600; t < 12 * 3600; t += 600) expect(await load(session.token, t)).not.toBeNull();
    // Near the end, the time left is what the absolute limit leaves, not the idle limit.
    expect((await load(session.token, 12 * 3600 - 60))?.endsAt).toEqual(at(12 * 3600));
    expect(await load(session.token, 12 * 3600)).toBeNull();
  });

  it('end when signed out, server-side: the token is useless afterwards', async () => {
    const user = await makeUser('signout@example.test');
    const session = await open(user.id);
    const elsewhere = await open(user.id);
    await revokeSession(db, session.token, at(5));
    expect(await load(session.token, 6)).toBeNull();
    expect(await load(elsewhere.token, 6)).not.toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).toEqual(at(5));
  });

  it('all end with revokeSessions, and none come back when the account is switched on again', async () => {
    const user = await makeUser('revoked@example.test');
    const [a, b] = [await open(user.id), await open(user.id)];
    expect(await revokeSessions(db, user.id, at(1))).toBe(2);
    expect(await load(a.token, 2)).toBeNull();
    expect(await load(b.token, 2)).toBeNull();

    const c = await open(user.id, 3);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await load(c.token, 4)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: true } });
    // Switching the account off revoked its sessions in the database, whatever code did it.
    expect(await load(c.token, 5)).toBeNull();
    expect(await db.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect(await load((await open(user.id, 6)).token, 7)).not.toBeNull();
  });

  it('ignore tokens that match no session', async () => {
    expect(await load('not-a-token', 1)).toBeNull();
    expect(await load('A'.repeat(43), 1)).toBeNull();
    expect(await loadSession(db, undefined)).toBeNull();
  });

  it('do not read a database error as "signed out"', async () => {
    const down = createDb('postgresql://postgres@127.0.0.1:9/nowhere');
    try {
      await expect(loadSession(down, 'A'.repeat(43))).rejects.toThrow();
    } finally {
      await down.$disconnect();
    }
  });

  it('are pruned once they cannot be used, with old throttle counts', async () => {
    const user = await makeUser('prune@example.test');
    const idle = await open(user.id);
    const live = await open(user.id, 12 * 3600 - 60);
    const revoked = await open(user.id, 12 * 3600 - 60);
    await revokeSession(db, revoked.token, at(12 * 3600 - 30));
    await attempt('prune@example.test', 'nope', freshIp(), 1);
    const pruned = await pruneAuthRecords(db, at(12 * 3600));
    expect(pruned.sessions).toBeGreaterThanOrEqual(1);
    const left = await db.userSession.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(left.map((s) => s.id).sort()).toEqual([live.id, revoked.id].sort());
    expect(left.map((s) => s.id)).not.toContain(idle.id);
    await pruneAuthRecords(db, at(3 * 86_400));
    expect(await failuresOf(accountKey('prune@example.test'))).toBe(0);
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('the session secret', () => {
  it('uses AUTH_SECRET (or NEXTAUTH_SECRET, its older name) when it is set', async () => {
    const secret = 's'.repeat(40);
    expect(await resolveAuthSecret(db, { env: { NODE_ENV: 'production', NEXTAUTH_SECRET: secret }, demoMode: false })).toBe(
      secret,
    );
  });

  it('is required in production outside demo mode', async () => {
    await expect(resolveAuthSecret(db, { env: { NODE_ENV: 'production' }, demoMode: false })).rejects.toBeInstanceOf(
      MissingAuthSecret,
    );
    await expect(
      resolveAuthSecret(db, { env: { NODE_ENV: 'production', NEXTAUTH_SECRET: 'short' }, demoMode: false }),
    ).rejects.toBeInstanceOf(MissingAuthSecret);
  });

  it('is generated once and stored otherwise, so a second instance agrees', async () => {
    const other = createDb(database.url);
    try {
      const [a, b] = await Promise.all([
        resolveAuthSecret(db, { env: { NODE_ENV: 'development' }, demoMode: false }),
        resolveAuthSecret(other, { env: { NODE_ENV: 'production' }, demoMode: true }),
      ]);
      expect(a).toBe(b);
      expect(a.length).toBeGreaterThanOrEqual(32);
      expect(await resolveAuthSecret(db, { env: { NODE_ENV: 'test' }, demoMode: true })).toBe(a);
      expect(await db.setting.count({ where: { key: GENERATED_SECRET_KEY } })).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });
});
