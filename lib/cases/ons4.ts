// The ONS4 wellbeing answers as a form posts them: each 0 to 10 or not answered. An empty box is
// "not answered", never 0; "5.5" is refused with a message, never stored as 5.
import { optionalWholeNumber } from '@/lib/forms';
import type { Ons4Key } from './labels';

export const ons4Score = (question: string) => optionalWholeNumber(question, 0, 10);

export const ons4Fields = {
  lifeSatisfaction: ons4Score('Life satisfaction'),
  worthwhile: ons4Score('Worthwhile'),
  happiness: ons4Score('Happiness'),
  anxiety: ons4Score('Anxiety'),
};

export type Ons4Answers = {
  id: string;
  occurredAt: Date;
  createdAt: Date;
  isClosing: boolean;
  /** Replaced by a correction: its correction counts instead. */
  superseded: boolean;
  lifeSatisfaction: number | null;
  worthwhile: number | null;
  happiness: number | null;
  anxiety: number | null;
};

export type Ons4Row = {
  key: Ons4Key;
  before: number | null;
  after: number | null;
  /** after - before, when both are known. */
  change: number | null;
  /** Better means higher, except for anxiety (0 is best). */
  direction: 'better' | 'worse' | 'same' | null;
};

export type Ons4Comparison = {
  rows: Ons4Row[];
  /** Out of 40, anxiety counted in reverse (10 - score); only when all four have both answers. */
  total: { before: number; after: number; change: number; direction: 'better' | 'worse' | 'same' } | null;
};

const questionKeys: readonly Ons4Key[] = ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'];

const byTime = (a: Ons4Answers, b: Ons4Answers) =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

const directionOf = (change: number, lowerIsBetter: boolean): 'better' | 'worse' | 'same' =>
  change === 0 ? 'same' : change > 0 !== lowerIsBetter ? 'better' : 'worse';

/**
 * ONS4 before and after, as the reports count them: for each question the first answer and the
 * latest closing answer, from conversations in force, kept only when they come from different
 * conversations. Null when no closing conversation answered any question.
 */
export function compareOns4(conversations: readonly Ons4Answers[]): Ons4Comparison | null {
  const inForce = conversations.filter((c) => !c.superseded).sort(byTime);
  const rows: Ons4Row[] = questionKeys.map((key) => {
    const first = inForce.find((c) => c[key] !== null);
    const closing = [...inForce].reverse().find((c) => c.isClosing && c[key] !== null);
    if (!closing) return { key, before: first?.[key] ?? null, after: null, change: null, direction: null };
    // Answered only at closing: there is nothing to compare it with.
    if (first!.id === closing.id) return { key, before: null, after: closing[key], change: null, direction: null };
    const before = first![key]!;
    const after = closing[key]!;
    return { key, before, after, change: after - before, direction: directionOf(after - before, key === 'anxiety') };
  });
  if (rows.every((r) => r.after === null)) return null;
  const complete = rows.every((r) => r.change !== null);
  const score = (r: Ons4Row, v: number) => (r.key === 'anxiety' ? 10 - v : v);
  const total = complete
    ? (() => {
        const before = rows.reduce((sum, r) => sum + score(r, r.before!), 0);
        const after = rows.reduce((sum, r) => sum + score(r, r.after!), 0);
        return { before, after, change: after - before, direction: directionOf(after - before, false) };
      })()
    : null;
  return { rows, total };
}
