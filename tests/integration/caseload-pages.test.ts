import { describe, expect, it } from 'vitest';
import { myCaseload } from '@/lib/cases/caseload';
import { useFreshDatabase } from '../helpers/db';

// Wednesday 18 November 2026, midday in London.
const NOW = new Date('2026-11-18T12:00:00Z');
const day = (n: number) => new Date(Date.UTC(2026, 10, 18 + n));

describe('caseload pages', () => {
  const t = useFreshDatabase();

  it('shows due and waiting cases in full and the other open cases 25 at a time, next follow-up first', async () => {
    const team = await t.db.team.create({ data: { name: 'East connectors' } });
    const dan = await t.db.user.create({
      data: { email: 'dan@example.test', name: 'Dan', passwordHash: 'x', role: 'link_worker', teamId: team.id },
    });
    const open = async (reference: string, followUpInDays: number | null, contacted = true) => {
      const person = await t.db.person.create({ data: { name: `Person ${reference}` } });
      const c = await t.db.case.create({
        data: {
          reference,
          personId: person.id,
          teamId: team.id,
          source: 'gp',
          receivedAt: day(-60),
          status: contacted ? 'active' : 'triaged',
          rag: 'green',
          assignedWorkerId: dan.id,
          firstContactAt: contacted ? day(-50) : null,
        },
      });
      if (contacted) {
        await t.db.conversation.create({
          data: {
            caseId: c.id,
            workerId: dan.id,
            occurredAt: day(-50),
            type: 'listen_connect',
            nextFollowUpOn: followUpInDays === null ? null : day(followUpInDays),
          },
        });
      }
    };
    // 3 due (overdue), 2 waiting for first contact, 30 others with follow-ups on days 1..30, 1 with none.
    for (let i = 1; i <= 3; i++) await open(`DUE-${i}`, -i);
    for (let i = 1; i <= 2; i++) await open(`WAIT-${i}`, null, false);
    for (let i = 30; i >= 1; i--) await open(`LATER-${String(i).padStart(2, '0')}`, i);
    await open('NONE', null);

    const first = await myCaseload(t.db, { id: dan.id }, NOW);
    expect(first.total).toBe(36);
    expect(first.due).toHaveLength(3);
    expect(first.awaitingFirstContact).toHaveLength(2);
    expect(first.othersPage).toMatchObject({ page: 1, totalPages: 2, total: 31 });
    expect(first.others.map((c) => c.reference)).toEqual(
      Array.from({ length: 25 }, (_, i) => `LATER-${String(i + 1).padStart(2, '0')}`),
    );

    const second = await myCaseload(t.db, { id: dan.id }, NOW, { page: 2 });
    expect(second.others.map((c) => c.reference)).toEqual(['LATER-26', 'LATER-27', 'LATER-28', 'LATER-29', 'LATER-30', 'NONE']);
    expect(second.due).toHaveLength(3);

    // A page past the end (a stale link) shows the last page.
    const beyond = await myCaseload(t.db, { id: dan.id }, NOW, { page: 9 });
    expect(beyond.othersPage.page).toBe(2);
    expect(beyond.others.map((c) => c.reference)).toEqual(second.others.map((c) => c.reference));
  });

  it('finds a case by its reference however it is typed, in today’s shape or an older one', async () => {
    const team = await t.db.team.create({ data: { name: 'Reference finders' } });
    const eve = await t.db.user.create({
      data: { email: 'eve@example.test', name: 'Eve', passwordHash: 'x', role: 'link_worker', teamId: team.id },
    });
    for (const [i, reference] of ['EB-F9Q6-7JJX', 'EB-26-02426', 'EB-F9Q6-7JJA'].entries()) {
      const person = await t.db.person.create({ data: { name: `Someone ${i}` } });
      await t.db.case.create({
        data: { reference, personId: person.id, teamId: team.id, source: 'self', status: 'active', assignedWorkerId: eve.id },
      });
    }
    const found = async (q: string) =>
      (await myCaseload(t.db, { id: eve.id }, NOW, { q })).awaitingFirstContact.map((c) => c.reference);
    for (const typed of ['EB-F9Q6-7JJX', 'eb f9q6 7jjx', 'EBF9Q67JJX', ' eb-f9q6-7jjx '])
      expect(await found(typed), typed).toEqual(['EB-F9Q6-7JJX']);
    for (const typed of ['EB-26-02426', 'eb 26 02426', 'EB2602426']) expect(await found(typed), typed).toEqual(['EB-26-02426']);
    expect(await found('EB-F9Q6')).toEqual([]);
  });
});
