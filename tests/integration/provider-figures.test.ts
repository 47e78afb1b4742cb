import { beforeAll, describe, expect, it } from 'vitest';
import type { ReferralStatus } from '@/lib/db/generated/client';
import {
  chosenYear,
  figureYears,
  figuresCsvFileName,
  figuresCsvRows,
  memberOrganisationIds,
  providerFigures,
} from '@/lib/providers/figures';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');

describe('provider figures', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;
  let extraServiceId: string;

  async function referral(
    serviceId: string,
    sentAt: Date | null,
    path: ReferralStatus[],
    status: ReferralStatus = path.at(-1) ?? 'sent',
  ) {
    const r = await t.db.referral.create({ data: { caseId: w.kase.id, serviceId, createdById: w.worker.id, status, sentAt } });
    let from: ReferralStatus | null = null;
    for (const [i, to] of path.entries()) {
      await t.db.referralEvent.create({
        data: {
          referralId: r.id,
          fromStatus: from,
          toStatus: to,
          actorKind: to === 'sent' ? 'worker' : 'provider',
          createdAt: new Date((sentAt ?? NOW).getTime() + i * 86_400_000),
        },
      });
      from = to;
    }
    return r;
  }

  beforeAll(async () => {
    w = await caseworkWorld(t.db);
    const extra = await t.db.service.create({ data: { organisationId: w.org1.id, name: `Art class ${w.tag}`, published: true } });
    extraServiceId = extra.id;
    const s1 = w.service1.id;
    // November 2026 (this month): three to the lunch club.
    await referral(s1, new Date('2026-11-02T10:00:00Z'), ['sent']);
    await referral(s1, new Date('2026-11-03T10:00:00Z'), ['sent', 'accepted', 'attending', 'completed']);
    await referral(s1, new Date('2026-11-04T10:00:00Z'), ['sent', 'declined']);
    // June 2026: 23:30 UTC on 31 May is 00:30 on 1 June in London (summer time).
    await referral(s1, new Date('2026-05-31T23:30:00Z'), ['sent', 'waitlisted', 'accepted', 'attending']);
    await referral(extraServiceId, new Date('2026-06-10T10:00:00Z'), ['sent', 'accepted', 'attending', 'did_not_attend']);
    await referral(extraServiceId, new Date('2026-06-11T10:00:00Z'), ['sent', 'accepted', 'withdrawn']);
    // December 2025, the first month of the period.
    await referral(extraServiceId, new Date('2025-12-01T00:30:00Z'), ['sent', 'waitlisted']);
    // Outside the period, a draft, and another organisation's referrals.
    await referral(s1, new Date('2025-11-30T23:59:00Z'), ['sent', 'accepted']);
    await referral(s1, null, [], 'draft');
    await referral(w.service2.id, new Date('2026-11-05T10:00:00Z'), ['sent', 'accepted', 'attending', 'completed']);
    await referral(w.service2.id, new Date('2026-06-05T10:00:00Z'), ['sent']);
  });

  it('counts received, accepted, attended and completed by London month, for this financial year so far', async () => {
    const f = await providerFigures(t.db, [w.org1.id], NOW);
    expect(f).toMatchObject({ year: 2026, soFar: true, from: '2026-04-01', to: '2026-11-30' });
    expect(f.byMonth.map((m) => m.month)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(f.byMonth[0]).toMatchObject({ month: '2026-04', label: 'April 2026', received: 0 });
    const nonEmpty = f.byMonth
      .filter((m) => m.received > 0)
      .map((m) => [m.month, m.received, m.accepted, m.attended, m.completed]);
    expect(nonEmpty).toEqual([
      ['2026-06', 3, 3, 2, 0],
      ['2026-11', 3, 1, 1, 1],
    ]);
    expect(f.byMonth.find((m) => m.month === '2026-05')?.received).toBe(0);
    expect(f.totals).toEqual({ received: 6, accepted: 4, attended: 3, completed: 1 });
  });

  it('shows a past financial year whole, April to March, and offers the years there are referrals in', async () => {
    expect(await figureYears(t.db, [w.org1.id], NOW)).toEqual([2026, 2025]);
    expect(await figureYears(t.db, [], NOW)).toEqual([2026]);
    const last = await providerFigures(t.db, [w.org1.id], NOW, 2025);
    expect(last).toMatchObject({ year: 2025, soFar: false, from: '2025-04-01', to: '2026-03-31' });
    expect(last.byMonth).toHaveLength(12);
    expect(last.byMonth.at(-1)).toMatchObject({ month: '2026-03', label: 'March 2026' });
    // 23:59 UTC on 30 November is still 30 November in London (winter time); 00:30 UTC on 1 December is December.
    expect(last.byMonth.filter((m) => m.received > 0).map((m) => [m.month, m.received, m.accepted])).toEqual([
      ['2025-11', 1, 1],
      ['2025-12', 1, 0],
    ]);
    // A year still to come is this year.
    expect((await providerFigures(t.db, [w.org1.id], NOW, 2030)).year).toBe(2026);
    expect(chosenYear('2025', [2026, 2025])).toBe(2025);
    expect(chosenYear('2019', [2026, 2025])).toBeUndefined();
    expect(chosenYear('x', [2026, 2025])).toBeUndefined();
  });

  it('counts by activity, for the provider’s own organisations only', async () => {
    const f = await providerFigures(t.db, [w.org1.id], NOW);
    expect(f.byActivity.map((a) => [a.serviceId, a.received, a.accepted, a.attended, a.completed])).toEqual([
      [extraServiceId, 2, 2, 1, 0],
      [w.service1.id, 4, 2, 2, 1],
    ]);
    expect(f.byActivity.map((a) => a.serviceId)).not.toContain(w.service2.id);
    expect(JSON.stringify(f)).not.toMatch(/Margaret|07700|Men's Shed/);

    const other = await providerFigures(t.db, [w.org2.id], NOW);
    expect(other.totals).toEqual({ received: 2, accepted: 1, attended: 1, completed: 1 });
    expect(other.byActivity.map((a) => a.serviceId)).toEqual([w.service2.id]);
  });

  it('shows nothing without organisations, and follows membership rather than a stale session', async () => {
    const none = await providerFigures(t.db, [], NOW);
    expect(none.totals).toEqual({ received: 0, accepted: 0, attended: 0, completed: 0 });
    expect(none.byMonth).toHaveLength(8);
    expect(none.byActivity).toEqual([]);

    expect(await memberOrganisationIds(t.db, w.provider1)).toEqual([w.org1.id]);
    expect(await memberOrganisationIds(t.db, { id: w.provider1.id, organisationIds: [w.org1.id, w.org2.id] })).toEqual([
      w.org1.id,
    ]);
    expect(await memberOrganisationIds(t.db, { id: w.provider2.id, organisationIds: [w.org1.id] })).toEqual([]);
  });

  it('builds a CSV with the period on every row and in the file name', async () => {
    const f = await providerFigures(t.db, [w.org1.id], NOW);
    const rows = figuresCsvRows(f);
    expect(rows[0]).toEqual([
      'Period',
      'Table',
      'Month',
      'Organisation',
      'Activity',
      'Received',
      'Accepted',
      'Attended',
      'Completed',
    ]);
    expect(rows.slice(1).every((r) => r[0] === '2026-04-01 to 2026-11-30')).toBe(true);
    expect(rows).toContainEqual(['2026-04-01 to 2026-11-30', 'By month', 'Total', '', '', '6', '4', '3', '1']);
    expect(rows).toHaveLength(1 + 8 + 1 + 2 + 1);
    expect(figuresCsvFileName(f)).toBe('your-referral-figures_2026-04-01-to-2026-11-30.csv');
  });
});
