// The pure rules of caseload management: sharing out a leaver's cases, the triage order, who is
// written to when a case closes as "could not contact", ONS4 before and after, and ages.
import { describe, expect, it } from 'vitest';
import { compareOns4, type Ons4Answers } from '@/lib/cases/ons4';
import { couldNotContactPlan, type PlanFacts } from '@/lib/cases/could-not-contact';
import { ageOn } from '@/lib/format/dates';
import { arrangeQueue, type TriageItem } from '@/lib/triage/queue';
import { planSpread } from '@/lib/cases/reassign';

describe('sharing out a caseload', () => {
  it('evens the loads out, oldest case first, ties to the worker listed first', () => {
    const plan = planSpread(
      ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'],
      [
        { id: 'amy', openCases: 40 },
        { id: 'ben', openCases: 37 },
        { id: 'cat', openCases: 40 },
      ],
    );
    // Ben catches up first (38, 39, 40), then the three take turns in the order listed.
    expect(Object.fromEntries(plan)).toEqual({ amy: ['c4'], ben: ['c1', 'c2', 'c3', 'c5'], cat: ['c6'] });
  });

  it('gives everything to one worker when only one is chosen, and nothing when none is', () => {
    expect(Object.fromEntries(planSpread(['c1', 'c2'], [{ id: 'amy', openCases: 80 }]))).toEqual({ amy: ['c1', 'c2'] });
    expect(planSpread(['c1'], []).size).toBe(0);
  });
});

describe('the triage order', () => {
  const today = new Date('2026-11-18T00:00:00Z');
  const item = (
    reference: string,
    rag: TriageItem['rag'],
    dueBy: string,
    receivedAt: string,
    overTarget = false,
  ): TriageItem => ({
    id: reference,
    reference,
    rag,
    dueBy: new Date(`${dueBy}T00:00:00Z`),
    receivedAt: new Date(`${receivedAt}T09:00:00Z`),
    overTarget,
    source: 'gp',
    stage: rag ? 'triaged' : 'received',
    daysWaiting: 0,
    workingDaysWaiting: 0,
    targetWorkingDays: 2,
    needs: [],
    attempts: 0,
  });

  it('puts a red referral due today before everything older, and never 11th of 14', () => {
    const greens = Array.from({ length: 12 }, (_, i) =>
      item(`G-${String(i).padStart(2, '0')}`, 'green', `2026-11-${String(19 + i).padStart(2, '0')}`, `2026-11-0${(i % 9) + 1}`),
    );
    const red = item('RED', 'red', '2026-11-18', '2026-11-16');
    const unrated = item('NEW', null, '2026-11-19', '2026-11-17');
    const queue = arrangeQueue([...greens, unrated, red], { today });
    expect(queue.map((i) => i.reference).slice(0, 2)).toEqual(['RED', 'NEW']);
    expect(queue).toHaveLength(14);
    // The rest by first contact due.
    expect(queue.slice(2).map((i) => i.reference)).toEqual(greens.map((g) => g.reference));
  });

  it('sorts by due date or by age when asked, and filters by rating and due', () => {
    const a = item('A', 'green', '2026-11-17', '2026-11-03', true);
    const b = item('B', 'amber', '2026-11-18', '2026-11-11');
    const c = item('C', 'red', '2026-11-20', '2026-11-17');
    const d = item('D', null, '2026-11-19', '2026-11-16');
    expect(arrangeQueue([c, b, a, d], { today, sort: 'due' }).map((i) => i.reference)).toEqual(['A', 'B', 'D', 'C']);
    expect(arrangeQueue([c, b, a, d], { today, sort: 'oldest' }).map((i) => i.reference)).toEqual(['A', 'B', 'D', 'C']);
    expect(arrangeQueue([c, b, a, d], { today }).map((i) => i.reference)).toEqual(['C', 'D', 'A', 'B']);
    expect(arrangeQueue([c, b, a, d], { today, rag: 'none' }).map((i) => i.reference)).toEqual(['D']);
    expect(arrangeQueue([c, b, a, d], { today, rag: 'amber' }).map((i) => i.reference)).toEqual(['B']);
    expect(arrangeQueue([c, b, a, d], { today, due: 'today' }).map((i) => i.reference)).toEqual(['A', 'B']);
    expect(arrangeQueue([c, b, a, d], { today, due: 'over' }).map((i) => i.reference)).toEqual(['A']);
  });
});

describe('closing as could not contact: who is written to', () => {
  type Over = Partial<Omit<PlanFacts, 'person'>> & { person?: Partial<PlanFacts['person']> };
  const facts = (over: Over = {}): PlanFacts => ({
    mayContact: true,
    source: 'gp',
    referrerEmail: 'surgery@example.nhs.uk',
    ...over,
    person: { preferredContact: 'phone', email: 'ann@example.com', phone: '07700 900123', ...over.person },
  });

  it('texts a mobile for someone who chose phone or text, and e-mails the referrer', () => {
    expect(couldNotContactPlan(facts())).toEqual({
      messages: [
        { to: 'person', channel: 'sms', recipient: '07700 900123' },
        { to: 'referrer', channel: 'email', recipient: 'surgery@example.nhs.uk' },
      ],
      unsent: [],
    });
  });

  it('uses the other route held when the chosen one is missing, and says why when there is none', () => {
    expect(couldNotContactPlan(facts({ person: { phone: '01632 960123' } })).messages[0]).toEqual({
      to: 'person',
      channel: 'email',
      recipient: 'ann@example.com',
    });
    expect(couldNotContactPlan(facts({ person: { preferredContact: 'email', email: null } })).messages[0].channel).toBe('sms');
    const none = couldNotContactPlan(facts({ person: { phone: null, email: null } }));
    expect(none.unsent).toEqual([{ to: 'person', why: 'We have no mobile number or email address for them.' }]);
  });

  it('writes no letter (no address is held), nothing without an agreement to contact, and nothing to a self-referrer', () => {
    const letter = couldNotContactPlan(facts({ person: { preferredContact: 'letter' } }));
    expect(letter.messages.map((m) => m.to)).toEqual(['referrer']);
    expect(letter.unsent[0].why).toMatch(/postal address/);
    expect(couldNotContactPlan(facts({ mayContact: false })).unsent[0].why).toMatch(/no agreement/);
    expect(couldNotContactPlan(facts({ source: 'self' })).messages.map((m) => m.to)).toEqual(['person']);
    expect(couldNotContactPlan(facts({ referrerEmail: null })).unsent).toEqual([
      { to: 'referrer', why: 'We have no email address for whoever referred them.' },
    ]);
  });
});

describe('ONS4 before and after', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10));
  const conv = (
    id: string,
    day: number,
    scores: [number | null, number | null, number | null, number | null],
    more = {},
  ): Ons4Answers => ({
    id,
    occurredAt: at(day),
    createdAt: at(day),
    isClosing: false,
    superseded: false,
    lifeSatisfaction: scores[0],
    worthwhile: scores[1],
    happiness: scores[2],
    anxiety: scores[3],
    ...more,
  });

  it('compares the first answers with the closing ones, anxiety the other way round, with a total out of 40', () => {
    const result = compareOns4([
      conv('c2', 10, [5, 5, 5, 5]),
      conv('c1', 2, [3, 4, 5, 8]),
      conv('c3', 20, [7, 6, 5, 3], { isClosing: true }),
    ]);
    expect(result?.rows).toEqual([
      { key: 'lifeSatisfaction', before: 3, after: 7, change: 4, direction: 'better' },
      { key: 'worthwhile', before: 4, after: 6, change: 2, direction: 'better' },
      { key: 'happiness', before: 5, after: 5, change: 0, direction: 'same' },
      { key: 'anxiety', before: 8, after: 3, change: -5, direction: 'better' },
    ]);
    // 3 + 4 + 5 + (10 - 8) = 14 before; 7 + 6 + 5 + (10 - 3) = 25 after.
    expect(result?.total).toEqual({ before: 14, after: 25, change: 11, direction: 'better' });
  });

  it('leaves out a corrected conversation, pairs only different conversations, and has no total when one is missing', () => {
    const result = compareOns4([
      conv('old', 2, [1, 1, 1, 1], { superseded: true }),
      conv('fix', 2, [4, null, 6, 6]),
      conv('end', 20, [6, 7, 4, 7], { isClosing: true }),
    ]);
    expect(result?.rows.map((r) => [r.before, r.after, r.direction])).toEqual([
      [4, 6, 'better'],
      [null, 7, null],
      [6, 4, 'worse'],
      [6, 7, 'worse'],
    ]);
    expect(result?.total).toBeNull();
    expect(compareOns4([conv('only', 2, [4, 4, 4, 4])])).toBeNull();
  });
});

describe('age from a date of birth', () => {
  const dob = (key: string) => new Date(`${key}T00:00:00Z`);
  it('counts whole years on the London date', () => {
    expect(ageOn(dob('1959-03-03'), new Date('2026-11-18T12:00:00Z'))).toBe(67);
    expect(ageOn(dob('1959-11-19'), new Date('2026-11-18T12:00:00Z'))).toBe(66);
    expect(ageOn(dob('1959-11-18'), new Date('2026-11-18T00:30:00Z'))).toBe(67);
    // 23:30 UTC on 17 June is already 18 June in London (summer time).
    expect(ageOn(dob('2000-06-18'), new Date('2026-06-17T23:30:00Z'))).toBe(26);
    expect(ageOn(dob('2008-02-29'), new Date('2026-02-28T12:00:00Z'))).toBe(17);
    expect(ageOn(dob('2008-02-29'), new Date('2026-03-01T12:00:00Z'))).toBe(18);
  });
});
