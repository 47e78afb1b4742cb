import { Readable } from 'node:stream';
import type { SessionUser } from '@/lib/auth/types';
import type { Db, Tx } from '@/lib/db/client';
import { importRows, type ImportSummary } from './apply';
import { templateCsv } from './format';
import { checkCsv, type ImportError } from './validate';

export { COLUMNS, templateCsv } from './format';
export { exportCsv } from './export';
export type { ImportSummary, ImportError };

export type ImportOutcome =
  | { ok: true; mode: 'check'; rows: number; plan: { newListings: number; existingListings: number } }
  | { ok: true; mode: 'import'; rows: number; summary: ImportSummary; seconds: number }
  | { ok: false; errors: ImportError[]; totalErrors: number; rows: number };

/**
 * Checks a CSV and, when asked and every row is right, imports it in one transaction. With any
 * error nothing is written and every line's problems come back.
 */
export async function runImport(
  db: Db,
  body: Readable | AsyncIterable<Buffer | string> | string,
  actor: SessionUser,
  mode: 'check' | 'import',
  now: Date = new Date(),
): Promise<ImportOutcome> {
  const input = typeof body === 'string' ? Readable.from([body]) : body;
  const checked = await checkCsv(db, input);
  if (checked.totalErrors > 0)
    return { ok: false, errors: checked.errors, totalErrors: checked.totalErrors, rows: checked.rows.length };
  if (mode === 'check') {
    const keys = checked.rows.map((r) => r.serviceKey);
    let existing = 0;
    for (let i = 0; i < keys.length; i += 5000) {
      const chunk = keys.slice(i, i + 5000);
      existing += await db.service.count({
        where: { OR: [{ externalId: { in: chunk } }, { id: { in: chunk.filter((k) => /^[0-9a-f-]{36}$/i.test(k)) } }] },
      });
    }
    return {
      ok: true,
      mode,
      rows: checked.rows.length,
      plan: { newListings: checked.rows.length - existing, existingListings: existing },
    };
  }
  const started = Date.now();
  const summary = await db.$transaction((tx) => importRows(tx, checked.rows, actor, now), {
    timeout: 10 * 60_000,
    maxWait: 30_000,
  });
  return { ok: true, mode, rows: checked.rows.length, summary, seconds: (Date.now() - started) / 1000 };
}

/** The import template: the columns and one example row using this borough's own needs codes. */
export async function importTemplate(db: Tx): Promise<string> {
  const needs = await db.taxonomyTerm.findMany({
    where: { parentId: null },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    take: 2,
    select: { code: true },
  });
  return templateCsv(needs.map((n) => n.code));
}
