// Each report's name and one-line summary: plain data, so navigation can show them without
// loading the queries behind the reports.
import type { SectionSlug } from './table';

export const SECTION_TITLES: Record<SectionSlug, { title: string; blurb: string }> = {
  'unmet-need': { title: 'Unmet need', blurb: 'Needs no service met, searches that found nothing, declines and waiting lists.' },
  demand: {
    title: 'Demand and flow',
    blurb: 'Referrals by source and month, self-referrals, the path from referral to support.',
  },
  waiting: { title: 'Waiting', blurb: 'Days from referral to first contact, and who is waiting now.' },
  outcomes: { title: 'Outcomes', blurb: 'Wellbeing change, how cases closed, contacts per person and caseloads.' },
  supply: { title: 'Supply', blurb: 'Services by theme and ward, capacity against demand, directory freshness.' },
  equity: { title: 'Equity', blurb: 'Referrals and outcomes by deprivation, age and ethnic group.' },
};
