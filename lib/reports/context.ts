// What a report page or download needs before it runs any query: the wards, the period and area
// asked for, and summary data that is fresh enough.
import type { Db } from '@/lib/db/client';
import { factsState, refreshReportFacts, type FactsState } from './facts';
import { parseReportQuery, type ReportQuery } from './filter';
import { listWards } from './sql/wards';
import type { WardOption } from './filter';

export type ReportContext = ReportQuery & { wards: WardOption[]; facts: FactsState };

/**
 * Reads the query and makes sure the summary data exists. Data never built is built now (a small
 * borough takes well under a second); data older than the refresh interval is used as it is and
 * `facts.stale` tells the caller to ask for a rebuild once the response is sent.
 */
export async function loadReportContext(
  db: Db,
  params: Record<string, string | string[] | undefined>,
  now: Date = new Date(),
): Promise<ReportContext> {
  const wards = await listWards(db);
  const query = parseReportQuery(params, wards, now);
  let facts = await factsState(db, now);
  if (facts.refreshedAt === null) {
    await refreshReportFacts(db);
    facts = await factsState(db, new Date());
  }
  return { ...query, wards, facts };
}
