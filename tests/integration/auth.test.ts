import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { createDb } from '@/lib/db/client';
import { authenticate, type AuthPolicy } from '@/lib/auth/authenticate';
import { loadSessionUser, revokeSessions } from '@/lib/auth/load-user';
import { hashPassword, needsRehash, verifyPassword } from '@/lib/auth/password';
import { clear, hit, pruneRateLimitBuckets } from '@/lib/auth/rate-limit';
import { GENERATED_SECRET_KEY, MissingAuthSecret, resolveAuthSecret } from '@/lib/auth/secret';
import { freshDatabase } from '../helpers/db';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: PrismaClient;
let passwordHash: string;
let teamId: string;
let organisationId: string;

const PASSWORD = 'correct horse battery staple';
const policy: AuthPolicy = { maxFailedLogins: 3, lockoutMinutes: 15, perIpPerMinute: 1000 };
// Aligned to a 15-minute window so the per-account bucket and the lock-out start together.
const T0 = new Date('2026-11-23T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

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
    const result = await authenticate(db, { email: '  OK@Example.TEST ', password: PASSWORD, ip: freshIp() }, at(1), policy);
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, name: user.name, email: user.email, role: 'link_worker', sessionVersion: 1 },
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lastLoginAt).toEqual(at(1));
    expect(await db.auditEvent.count({ where: { action: 'auth.signed_in', actorId: user.id } })).toBe(1);
  });

  it('refuses a wrong password and counts the failure', async () => {
    const user = await makeUser('wrong@example.test');
    const result = await authenticate(db, { email: user.email, password: 'nope', ip: freshIp() }, at(1), policy);
    expect(result).toEqual({ ok: false, reason: 'invalid' });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);
  });

  it('locks the account after the limit, ends its sessions, and unlocks after the window', async () => {
    const user = await makeUser('locked@example.test');
    const ip = freshIp();
    const attempt = (password: string, seconds: number) =>
      authenticate(db, { email: user.email, password, ip }, at(seconds), policy);

    expect(await attempt('nope', 1)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('nope', 2)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('nope', 3)).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 15 * 60 });

    const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil).toEqual(at(3 + 15 * 60));
    expect(locked.sessionVersion).toBe(2);
    expect(locked.failedLoginCount).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'auth.locked_out', entityId: user.id } })).toBe(1);

    // Even the right password is refused while locked.
    expect(await attempt(PASSWORD, 60)).toMatchObject({ ok: false, reason: 'locked' });
    expect(await attempt(PASSWORD, 3 + 15 * 60 - 1)).toMatchObject({ ok: false, reason: 'locked' });

    const unlocked = await attempt(PASSWORD, 3 + 15 * 60 + 1);
    expect(unlocked).toMatchObject({ ok: true, user: { id: user.id, sessionVersion: 2 } });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lockedUntil).toBeNull();
    expect(after.failedLoginCount).toBe(0);
  });

  it('resets the failure count on success', async () => {
    const user = await makeUser('reset@example.test');
    const ip = freshIp();
    await authenticate(db, { email: user.email, password: 'nope', ip }, at(1), policy);
    await authenticate(db, { email: user.email, password: 'nope', ip }, at(2), policy);
    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip }, at(3), policy)).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(0);
    // Two more failures do not lock: the count started again.
    expect(await authenticate(db, { email: user.email, password: 'nope', ip }, at(4), policy)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await authenticate(db, { email: user.email, password: 'nope', ip }, at(5), policy)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('answers an unknown address exactly as it would a real one, lock-out included', async () => {
    const ip = freshIp();
    const attempt = (seconds: number) =>
      authenticate(db, { email: 'nobody@example.test', password: 'nope', ip }, at(seconds), policy);
    expect(await attempt(1)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(2)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(3)).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 15 * 60 });
    expect(await attempt(4)).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 15 * 60 });
    expect(await attempt(15 * 60 + 1)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an inactive account with the same answer as a wrong password', async () => {
    const user = await makeUser('leaver@example.test', { active: false });
    expect(await authenticate(db, { email: user.email, password: PASSWORD, ip: freshIp() }, at(1), policy)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('limits attempts per network address, then lets them through in the next minute', async () => {
    const user = await makeUser('busy@example.test');
    const ip = freshIp();
    const tight = { ...policy, perIpPerMinute: 2 };
    expect((await authenticate(db, { email: 'a@example.test', password: 'x', ip }, at(1), tight)).ok).toBe(false);
    expect((await authenticate(db, { email: 'b@example.test', password: 'x', ip }, at(2), tight)).ok).toBe(false);
    const blocked = await authenticate(db, { email: user.email, password: PASSWORD, ip }, at(3), tight);
    expect(blocked).toEqual({ ok: false, reason: 'rate_limited', retryAfterSeconds: 57 });
    expect((await authenticate(db, { email: user.email, password: PASSWORD, ip }, at(61), tight)).ok).toBe(true);
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
  it('load role, team and organisations fresh from the database', async () => {
    const user = await makeUser('provider@example.test', { role: 'provider' });
    await db.organisationMember.create({ data: { organisationId, userId: user.id } });
    expect(await loadSessionUser(db, user.id, 1)).toEqual({
      id: user.id,
      name: user.name,
      email: user.email,
      role: 'provider',
      teamId,
      organisationIds: [organisationId],
    });
    await db.user.update({ where: { id: user.id }, data: { role: 'coordinator' } });
    expect((await loadSessionUser(db, user.id, 1))?.role).toBe('coordinator');
  });

  it('are refused once sessionVersion moves on, and for leavers', async () => {
    const user = await makeUser('revoked@example.test');
    expect(await loadSessionUser(db, user.id, 1)).not.toBeNull();
    await revokeSessions(db, user.id);
    expect(await loadSessionUser(db, user.id, 1)).toBeNull();
    expect(await loadSessionUser(db, user.id, 2)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadSessionUser(db, user.id, 2)).toBeNull();
  });

  it('are refused after a lock-out, even once the lock has passed', async () => {
    const user = await makeUser('lockout-session@example.test');
    const ip = freshIp();
    for (let i = 1; i <= policy.maxFailedLogins; i++)
      await authenticate(db, { email: user.email, password: 'nope', ip }, at(i), policy);
    expect(await loadSessionUser(db, user.id, 1, at(10))).toBeNull();
    expect(await loadSessionUser(db, user.id, 1, at(3600))).toBeNull();
    expect(await loadSessionUser(db, user.id, 2, at(3600))).not.toBeNull();
  });

  it('ignore a token whose id is not a user id', async () => {
    expect(await loadSessionUser(db, 'not-a-uuid', 1)).toBeNull();
    expect(await loadSessionUser(db, '00000000-0000-4000-8000-000000000000', 1)).toBeNull();
  });
});

describe('the session secret', () => {
  it('uses NEXTAUTH_SECRET when it is set', async () => {
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
