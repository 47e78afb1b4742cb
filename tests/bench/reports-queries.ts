// Times each report query on its own (median of 7 runs), to find the slow ones.
//   DATABASE_URL=... npx tsx --conditions=react-server tests/bench/reports-queries.ts
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb } from '../../lib/db/client';
import { parseReportQuery } from '../../lib/reports/filter';
import { withReportTransaction } from '../../lib/reports/session';

const db = createDb(process.env.DATABASE_URL!);
const filter = parseReportQuery({}, []).filter;
const dir = path.resolve(import.meta.dirname, '../../lib/reports/sql');
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'fragments.ts')
  .sort()) {
  const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (typeof fn !== 'function' || fn.length < 1) continue;
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await withReportTransaction(db, (tx) => (fn as (db: unknown, f: unknown) => Promise<unknown>)(tx, filter));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`${`${file.replace('.ts', '')}.${name}`.padEnd(48)} ${times[3].toFixed(0).padStart(6)} ms`);
  }
}
await db.$disconnect();
