import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from '../filter';
import { communityOption } from '../sql/community-option';
import { declinedByReason } from '../sql/declined-by-reason';
import { freshness } from '../sql/freshness';
import { referralsIn } from '../sql/referrals-in';
import { unmetByThemeReason } from '../sql/unmet-by-theme-reason';
import { waitingNow } from '../sql/waiting-now';
import { waitingTimes } from '../sql/waiting-times';
import { wellbeingChange } from '../sql/wellbeing-change';
import { zeroSearchWards } from '../sql/zero-search-wards';
import type { Figure, ReportSection, SectionSlug } from '../table';
import { buildDemand, EMPTY_DEMAND } from './demand';
import { buildOutcomes, EMPTY_OUTCOMES } from './outcomes';
import { buildSupply } from './supply';
import { buildUnmetNeed, EMPTY_UNMET } from './unmet-need';
import { buildWaiting } from './waiting';

export type OverviewFigure = Figure & { section: SectionSlug };

const pick = (section: ReportSection, ids: string[]): OverviewFigure[] =>
  ids.map((id) => ({ ...section.figures.find((f) => f.id === id)!, section: section.slug }));

/**
 * A few headline figures from every section, for the reports home page. Each is built exactly as
 * its section builds it (same tables, same suppression), from only the queries it needs.
 */
export async function overviewFigures(db: Tx, f: ReportFilter): Promise<OverviewFigure[]> {
  const [bySource, times, now, byThemeReason, searchWards, declined, wellbeing, option, fresh] = await Promise.all([
    referralsIn(db, f),
    waitingTimes(db, f),
    waitingNow(db, f),
    unmetByThemeReason(db, f),
    zeroSearchWards(db, f),
    declinedByReason(db, f),
    wellbeingChange(db, f),
    communityOption(db, f),
    freshness(db, f),
  ]);
  const demand = buildDemand({ ...EMPTY_DEMAND, bySource }, f);
  const waiting = buildWaiting({ times, now }, f);
  const unmet = buildUnmetNeed({ ...EMPTY_UNMET, byThemeReason, searchWards, declined }, f);
  const outcomes = buildOutcomes({ ...EMPTY_OUTCOMES, wellbeing, option }, f);
  const supply = buildSupply({ themes: [], demand: [], wards: [], fresh }, f);
  return [
    ...pick(demand, ['referrals-received', 'self-referral-share']),
    ...pick(waiting, ['wait-median', 'wait-p90', 'waiting-now']),
    ...pick(unmet, ['unmet-recorded', 'zero-searches', 'declined-by-reason']),
    ...pick(outcomes, ['wellbeing-improved', 'community-option']),
    ...pick(supply, ['freshness-6']),
  ];
}
