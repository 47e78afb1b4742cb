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
import { SECTION_TITLES } from './section-titles';
import { SECTION_SLUGS, type ReportSection, type SectionSlug } from './table';

const BUILDERS: Record<SectionSlug, (db: Tx, f: ReportFilter) => Promise<ReportSection>> = {
  'unmet-need': unmetNeedSection,
  demand: demandSection,
  waiting: waitingSection,
  outcomes: outcomesSection,
  supply: supplySection,
  equity: equitySection,
};

export const SECTIONS = Object.fromEntries(
  SECTION_SLUGS.map((slug) => [slug, { ...SECTION_TITLES[slug], build: BUILDERS[slug] }]),
) as Record<SectionSlug, { title: string; blurb: string; build: (db: Tx, f: ReportFilter) => Promise<ReportSection> }>;

export function isSectionSlug(s: string): s is SectionSlug {
  return (SECTION_SLUGS as readonly string[]).includes(s);
}

export function buildSection(db: Tx, slug: SectionSlug, f: ReportFilter): Promise<ReportSection> {
  return SECTIONS[slug].build(db, f);
}

export { SECTION_SLUGS, type SectionSlug };
