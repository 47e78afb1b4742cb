// Aggregate reports for commissioners: every figure is a count, share, rate or statistic over
// many people, with small numbers suppressed before it leaves this module.
import type { Tx } from '@/lib/db/client';
import type { ReportFilter } from './filter';
import { demandSection } from './sections/demand';
import { equitySection } from './sections/equity';
import { outcomesSection } from './sections/outcomes';
import { supplySection } from './sections/supply';
import { unmetNeedSection } from './sections/unmet-need';
import { waitingSection } from './sections/waiting';
import { SECTION_SLUGS, type ReportSection, type SectionSlug } from './table';

export const SECTIONS: Record<SectionSlug, { title: string; blurb: string; build: (db: Tx, f: ReportFilter) => Promise<ReportSection> }> = {
  'unmet-need': { title: 'Unmet need', blurb: 'Needs no service met, searches that found nothing, declines and waiting lists.', build: unmetNeedSection },
  demand: { title: 'Demand and flow', blurb: 'Referrals by source and month, self-referrals, the path from referral to support.', build: demandSection },
  waiting: { title: 'Waiting', blurb: 'Days from referral to first contact, and who is waiting now.', build: waitingSection },
  outcomes: { title: 'Outcomes', blurb: 'Wellbeing change, how cases closed, contacts per person and caseloads.', build: outcomesSection },
  supply: { title: 'Supply', blurb: 'Services by theme and ward, capacity against demand, directory freshness.', build: supplySection },
  equity: { title: 'Equity', blurb: 'Referrals and outcomes by deprivation, age and ethnic group.', build: equitySection },
};

export function isSectionSlug(s: string): s is SectionSlug {
  return (SECTION_SLUGS as readonly string[]).includes(s);
}

export function buildSection(db: Tx, slug: SectionSlug, f: ReportFilter): Promise<ReportSection> {
  return SECTIONS[slug].build(db, f);
}

export { SECTION_SLUGS, type SectionSlug };
