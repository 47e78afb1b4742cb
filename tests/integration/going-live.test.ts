// Findings 1 and 3 of the security test: a live instance with the demo's public passwords, and
// per-address limits escaped by a rotated X-Forwarded-For.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { clientIp } from '@/lib/auth/request';
import { demoAccounts, SEED_STAFF_PASSWORD } from '@/lib/demo/accounts';
import { parseReferral, type ReferralValues } from '@/lib/intake/schema';
import { submitReferral } from '@/lib/intake/submit';
import { accountsWithSeedPasswords, seedPasswordRefusal } from '@/lib/ops/seed-passwords';
import { appendSocketAddress } from '../../scripts/forwarded.mjs';
import { useFreshDatabase } from '../helpers/db';

const t = useFreshDatabase();
const NOW = new Date('2026-11-18T12:00:00Z');

const saved = process.env.REFERRAL_RATE_PER_HOUR;
afterEach(() => {
  if (saved === undefined) delete process.env.REFERRAL_RATE_PER_HOUR;
  else process.env.REFERRAL_RATE_PER_HOUR = saved;
});

beforeAll(async () => {
  await t.db.team.create({ data: { name: 'Connectors', createdAt: new Date('2024-01-01T00:00:00Z') } });
});

function referral(): ReferralValues {
  return {
    submissionKey: randomUUID(),
    forWhom: 'self',
    name: 'Margaret Hill',
    ageBand: '75-84',
    preferredContact: 'phone',
    phone: '01632 960 123',
    email: '',
    bestTimes: [],
    contactNotes: '',
    postcode: 'EB1 2AB',
    whatMatters: 'I would like to meet people.',
    needs: [],
    consent: ['contact'],
  };
}

describe('the per-address referral limit', () => {
  it('is not escaped by sending a different X-Forwarded-For each time', async () => {
    process.env.REFERRAL_RATE_PER_HOUR = '3';
    const results: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      // What the server hands the app for a client at 198.51.100.7 that forged a new header each time.
      const req = {
        headers: { 'x-forwarded-for': `10.9.${i}.${i + 1}` } as Record<string, string>,
        socket: { remoteAddress: '198.51.100.7' },
      };
      appendSocketAddress(req);
      const parsed = parseReferral('self', referral(), NOW);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
      const r = await submitReferral(t.db, { ...parsed.data, clientIp: clientIp(req.headers), honeypot: null }, NOW);
      results.push(r.ok);
    }
    expect(results).toEqual([true, true, true, false, false, false]);
  });
});

describe('a live instance with the demo’s passwords', () => {
  it('finds every active account that still opens with a published password, and says how to fix it', async () => {
    const admin = demoAccounts.find((a) => a.role === 'admin')!;
    const seeded = await hashPassword(SEED_STAFF_PASSWORD);
    await t.db.user.createMany({
      data: [
        { email: admin.email, name: 'Demo admin', role: 'admin', passwordHash: await hashPassword(admin.password) },
        { email: 'worker1@county.example.org', name: 'W One', role: 'link_worker', passwordHash: seeded },
        { email: 'worker2@county.example.org', name: 'W Two', role: 'link_worker', passwordHash: seeded },
        { email: 'left@county.example.org', name: 'Left', role: 'link_worker', passwordHash: seeded, active: false },
        {
          email: 'real@eastbrook.gov.uk',
          name: 'Real',
          role: 'admin',
          passwordHash: await hashPassword('a long private phrase'),
        },
      ],
    });
    const found = await accountsWithSeedPasswords(t.db);
    expect(found).toEqual([admin.email, 'worker1@county.example.org', 'worker2@county.example.org'].sort());
    expect(seedPasswordRefusal(found)).toMatch(/3 accounts still have a demo password/);
    expect(seedPasswordRefusal(found)).toMatch(/DEMO_MODE=true/);

    await t.db.user.updateMany({
      where: { email: { in: found } },
      data: { passwordHash: await hashPassword('another private phrase') },
    });
    expect(await accountsWithSeedPasswords(t.db)).toEqual([]);
  });
});
