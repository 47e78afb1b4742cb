// Finding 8 of the security test: right after a start, 40 of 50 simultaneous referrals were
// refused ("Unable to start a transaction in the given time"). A cold client (no connection yet)
// takes a burst of 50 from one address and every one must be saved.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, type Db } from '@/lib/db/client';
import { parseReferral, type ReferralValues } from '@/lib/intake/schema';
import { submitReferral } from '@/lib/intake/submit';
import { useFreshDatabase } from '../helpers/db';

const t = useFreshDatabase();
const NOW = new Date('2026-11-18T12:00:00Z');
const env = { ...process.env };
let cold: Db;

beforeAll(async () => {
  await t.db.team.create({ data: { name: 'Connectors', email: 'connectors@example.gov.uk' } });
  process.env.REFERRAL_RATE_PER_HOUR = '1000';
  cold = createDb(t.url);
});

afterAll(async () => {
  await cold.$disconnect();
  process.env.REFERRAL_RATE_PER_HOUR = env.REFERRAL_RATE_PER_HOUR;
  if (env.REFERRAL_RATE_PER_HOUR === undefined) delete process.env.REFERRAL_RATE_PER_HOUR;
});

function values(i: number): ReferralValues {
  return {
    submissionKey: randomUUID(),
    forWhom: 'self',
    name: `Burst Person ${i}`,
    ageBand: '65-74',
    preferredContact: 'phone',
    phone: '01632 960 123',
    email: '',
    bestTimes: [],
    contactNotes: '',
    postcode: '',
    whatMatters: 'I would like to meet people nearby.',
    needs: ['loneliness'],
    consent: ['contact'],
  };
}

it('saves all of a burst of 50 referrals from one address on a cold client', async () => {
  const inputs = Array.from({ length: 50 }, (_, i) => {
    const parsed = parseReferral('self', values(i), NOW);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    return { ...parsed.data, clientIp: '198.51.100.7' };
  });
  const results = await Promise.allSettled(inputs.map((input) => submitReferral(cold, input, NOW)));
  const refused = results
    .filter((r) => r.status === 'rejected')
    .map((r) => String((r as PromiseRejectedResult).reason).slice(0, 120));
  expect(refused).toEqual([]);
  expect(results.every((r) => r.status === 'fulfilled' && r.value.ok)).toBe(true);
  expect(await t.db.case.count()).toBe(50);
});
