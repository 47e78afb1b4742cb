import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { num, numOrNull, wardCondition } from './fragments';

export const ONS4_QUESTIONS = ['life_satisfaction', 'worthwhile', 'happiness', 'anxiety'] as const;
export type Ons4Question = (typeof ONS4_QUESTIONS)[number];

export type WellbeingRow = {
  question: Ons4Question;
  n: number;
  meanFirst: number | null;
  meanClosing: number | null;
  meanChange: number | null;
  improved: number;
  same: number;
  worse: number;
};

/**
 * ONS4 change for cases closed in the period, per question: the first answer (earliest
 * conversation that answered it) against the closing answer (the closing conversation's), where
 * both exist and are on different conversations. Improved: a higher score, except anxiety, where
 * lower is better. Corrected conversations count in their corrected form only.
 */
export async function wellbeingChange(db: Tx, f: ReportFilter): Promise<WellbeingRow[]> {
  const rows = await db.$queryRaw<
    {
      question: Ons4Question;
      n: bigint;
      mean_first: number | null;
      mean_closing: number | null;
      mean_change: number | null;
      improved: bigint;
      same: bigint;
      worse: bigint;
    }[]
  >`
    WITH pairs AS (
      SELECT q.question, q.before, q.after
      FROM "ReportCaseFact" cf
      CROSS JOIN LATERAL (VALUES ('life_satisfaction', cf."lifeFirst", cf."lifeClosing"), ('worthwhile', cf."worthFirst", cf."worthClosing"),
                                 ('happiness', cf."happyFirst", cf."happyClosing"), ('anxiety', cf."anxietyFirst", cf."anxietyClosing")) AS q(question, before, after)
      WHERE cf."closedAt" >= ${f.from} AND cf."closedAt" < ${f.to}
        AND q.before IS NOT NULL AND q.after IS NOT NULL
        ${wardCondition('cf."wardId"', f.wardId)}
    )
    SELECT question, count(*) AS n,
           avg(before)::float8 AS mean_first, avg(after)::float8 AS mean_closing, avg(after - before)::float8 AS mean_change,
           count(*) FILTER (WHERE CASE WHEN question = 'anxiety' THEN after < before ELSE after > before END) AS improved,
           count(*) FILTER (WHERE after = before) AS same,
           count(*) FILTER (WHERE CASE WHEN question = 'anxiety' THEN after > before ELSE after < before END) AS worse
    FROM pairs GROUP BY question`;
  const byQ = new Map(rows.map((r) => [r.question, r]));
  return ONS4_QUESTIONS.map((question) => {
    const r = byQ.get(question);
    return {
      question,
      n: num(r?.n),
      meanFirst: numOrNull(r?.mean_first),
      meanClosing: numOrNull(r?.mean_closing),
      meanChange: numOrNull(r?.mean_change),
      improved: num(r?.improved),
      same: num(r?.same),
      worse: num(r?.worse),
    };
  });
}
