import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, loadSession } from '@/lib/auth/load-user';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordMessages } from '@/lib/auth/password-policy';
import { loadPasswordReset, requestPasswordReset, RESET_LIMIT, resetPassword } from '@/lib/auth/password-reset';
import { useFreshDatabase } from '../helpers/db';

const t = useFreshDatabase();
const NOW = new Date('2026-12-02T09:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const MINUTE = 60_000;
const NEW = 'a kettle and seven mugs';
let counter = 0;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

async function makeUser(extra: { active?: boolean; passwordSetAt?: Date | null } = {}) {
  const n = ++counter;
  return t.db.user.create({
    data: {
      email: `reset${n}@example.org`,
      name: `Reset Person ${n}`,
      passwordHash: await hashPassword('the old password here'),
      role: 'link_worker',
      ...extra,
    },
  });
}

const request = (email: string, ip = freshIp(), now = NOW) => t.db.$transaction((tx) => requestPasswordReset(tx, email, ip, now));
const resetMails = (email: string) =>
  t.db.notification.findMany({
    where: { recipient: email, template: 'password_reset' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
const linkIn = (body: string) => /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(body)?.[1] ?? '';

beforeAll(async () => {
  await makeUser();
});

describe('forgot your password', () => {
  it('gives the same answer whether or not the address has an account, and e-mails only a real, active one', async () => {
    const user = await makeUser();
    const off = await makeUser({ active: false });
    const invited = await makeUser({ passwordSetAt: null });
    const answers = [
      await request(user.email.toUpperCase()),
      await request('nobody-here@example.org'),
      await request(off.email),
      await request(invited.email),
    ];
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ ok: true })]));
    expect(await resetMails(user.email)).toHaveLength(1);
    expect(
      await t.db.notification.count({ where: { recipient: { in: ['nobody-here@example.org', off.email, invited.email] } } }),
    ).toBe(0);
  });

  it('is a single-use link that works for 30 minutes, and only a hash of it is stored', async () => {
    const user = await makeUser();
    await request(user.email);
    const token = linkIn((await resetMails(user.email))[0].body);
    expect(token).toHaveLength(43);
    expect(await t.db.actionToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await loadPasswordReset(t.db, token, later(30 * MINUTE - 1))).toMatchObject({ ok: true, email: user.email });
    expect(await loadPasswordReset(t.db, token, later(30 * MINUTE))).toEqual({ ok: false });
    expect(await t.db.$transaction((tx) => resetPassword(tx, token, NEW, later(30 * MINUTE)))).toEqual({
      ok: false,
      reason: 'link',
    });

    await request(user.email, freshIp(), later(MINUTE));
    const second = linkIn((await resetMails(user.email))[1].body);
    // Asking again retires the earlier link.
    expect(await loadPasswordReset(t.db, token, later(2 * MINUTE))).toEqual({ ok: false });

    // A refused password leaves the link usable.
    expect(await t.db.$transaction((tx) => resetPassword(tx, second, 'qwertyuiop123', later(2 * MINUTE)))).toEqual({
      ok: false,
      reason: 'password',
      message: passwordMessages.common,
    });
    expect(await t.db.$transaction((tx) => resetPassword(tx, second, NEW, later(3 * MINUTE)))).toEqual({
      ok: true,
      email: user.email,
    });
    expect(await t.db.$transaction((tx) => resetPassword(tx, second, 'yet another passphrase', later(4 * MINUTE)))).toEqual({
      ok: false,
      reason: 'link',
    });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, NEW)).toBe(true);
    expect(after).toMatchObject({ passwordSetAt: later(3 * MINUTE) });
  });

  it('ends every session of the account', async () => {
    const user = await makeUser();
    const { token: session } = await createSession(t.db, user.id, { now: NOW });
    expect(await loadSession(t.db, session, NOW)).not.toBeNull();
    await request(user.email);
    const token = linkIn((await resetMails(user.email))[0].body);
    expect(await t.db.$transaction((tx) => resetPassword(tx, token, NEW, later(MINUTE)))).toMatchObject({ ok: true });
    expect(await loadSession(t.db, session, later(MINUTE))).toBeNull();
  });

  it('is throttled per address asked about and per network address, with or without an account', async () => {
    const user = await makeUser();
    for (let i = 0; i < RESET_LIMIT.perEmail; i++) expect(await request(user.email)).toEqual({ ok: true });
    expect(await request(user.email)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await resetMails(user.email)).toHaveLength(RESET_LIMIT.perEmail);
    for (let i = 0; i < RESET_LIMIT.perEmail; i++) expect(await request('ghost@example.org')).toEqual({ ok: true });
    expect(await request('ghost@example.org')).toEqual({ ok: false, reason: 'rate_limited' });

    const ip = freshIp();
    for (let i = 0; i < RESET_LIMIT.perIp; i++) expect(await request(`spray${i}@example.org`, ip)).toEqual({ ok: true });
    expect(await request('one-more@example.org', ip)).toEqual({ ok: false, reason: 'rate_limited' });
    // An hour later the address may ask again.
    expect(await request(user.email, freshIp(), later(60 * MINUTE))).toEqual({ ok: true });
  });
});
