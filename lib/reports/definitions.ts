// One line per figure and table: what is counted and what is not. Shown on the pages (details/
// summary) and written out in docs/measures.md; a unit test keeps the two the same.

export const definitions = {
  // ---------- unmet need ----------
  'unmet-recorded':
    'Unmet-need items a link worker or coordinator recorded in the period (no service, full, too far, cost, not accessible, not eligible, wrong times, other); zero-result searches and declined referrals are not included.',
  'unmet-by-theme':
    'Recorded unmet need in the period by need theme and reason; each item has one theme and one reason, so the rows and columns add up to the totals.',
  'unmet-by-ward':
    'Recorded unmet need in the period by ward (the ward recorded with the item, or its area\u2019s ward), per 1,000 people living in the ward; items with no known place are shown apart.',
  'unmet-ward-map':
    'Each ward in the table of unmet need by ward as a circle at the mean position of its postcodes, its area in proportion to unmet need per 1,000 people and darker for a higher rate; a ward whose count or rate is hidden is hatched and always the same size, and a ward with no postcodes is left off.',
  'unmet-by-month': 'Recorded unmet need by the calendar month (UK time) it was recorded in.',
  'unmet-evidence':
    'Four kinds of evidence shown side by side and never added together: recorded unmet need, searches that found nothing, referrals declined by providers, and referrals put on a waiting list, all in the period.',
  'zero-searches':
    'Searches of the directory in the period that found no service; anonymous (words, filters and ward only), repeated searches each count.',
  'zero-search-terms':
    'The words most often searched for with no result in the period (lower case, top 20); searches with no words are not counted here.',
  'zero-search-themes':
    'Need themes chosen as a filter in searches that found nothing in the period; a search with two themes counts under both, so these do not add up.',
  'zero-search-wards':
    'Searches that found nothing in the period by the ward of the place searched from; searches with no place, or a place outside the borough, are shown apart.',
  'declined-by-reason':
    'Referrals out that a provider declined in the period (by the date of the decline), by the reason the provider gave.',
  'waiting-lists':
    'Referrals out put on a provider\u2019s waiting list in the period, and referrals still on a waiting list at the end of the period, by the service\u2019s need theme (a service with two themes counts under both).',

  // ---------- demand and flow ----------
  'referrals-received': 'Cases received by the link-worker service in the period (by the date received), from any source.',
  'referrals-by-source': 'Cases received in the period by calendar month (UK time) and by who referred them.',
  'self-referral-share':
    'Cases with source \u201cself\u201d (including a carer referring with the person\u2019s consent) divided by all cases received in the period.',
  funnel:
    'Cases received in the period, and how many of them reached each stage by the end of the period: triaged, first contact (a first conversation), a referral out sent, a referral accepted, attending, completed, case closed.',
  'resolved-first-contact':
    'Cases closed with the outcome \u201csignposted at first contact\u201d divided by all cases triaged in the period (only cases triaged in the period count, on top and below).',
  engagement:
    'Assigned cases that had at least one conversation after triage divided by all assigned cases, each counted once on the day it closed or reached 90 days from assignment, if that day is in the period.',

  // ---------- waiting ----------
  'wait-median':
    'Median calendar days (UK time) from a case being received to its first conversation, over cases whose first conversation was in the period; half waited this long or less.',
  'wait-p90':
    '90th percentile of the same waits: 9 in 10 people waited this long or less. Both interpolate between neighbouring values.',
  'wait-first-contacts':
    'Cases whose first conversation (first contact) was in the period: the people the waiting times are built on.',
  'wait-by-month': 'Median and 90th percentile wait for cases whose first conversation was in each calendar month of the period.',
  'waiting-now':
    'Open cases with no conversation yet at the end of the period (or today, if sooner), by calendar days waited since the case was received.',

  // ---------- outcomes ----------
  'wellbeing-change':
    'For cases closed in the period with both a first and a closing ONS4 answer (on different conversations), the mean change per question and the share improved: a higher score, except anxiety, where lower is better.',
  'wellbeing-improved':
    'Share of closed cases with both answers whose life satisfaction score was higher at closing than at the first answer.',
  'closing-outcomes': 'Cases closed in the period by the outcome recorded when they closed.',
  'community-option':
    'Closed cases with at least one referral out that reached attending or completed, divided by all cases closed in the period.',
  'contacts-per-case':
    'Conversations (a corrected conversation counts once) per case closed in the period: the median, and how many cases had each number.',
  caseload:
    'Open cases per link worker at the end of the period (or today, if sooner), counting only workers with at least one; and cases assigned in the period per worker, scaled to a year. No worker is named.',

  // ---------- supply ----------
  'services-by-theme':
    'Services listed today (published and running) per need theme, by whether they have space, a waiting list or are full, beside the cases received in the period with that need; a service or case with two themes counts under both.',
  'services-by-ward':
    'Services listed today with at least one meeting place in each ward, per 10,000 people; a service meeting in two wards counts in both, and services with no place (online or phone only) are shown apart.',
  'freshness-6':
    'Share of services listed today (published and running) that a provider or coordinator confirmed as accurate in the last 6 months.',
  'freshness-12':
    'Share of services listed today confirmed as accurate in the last 12 months; never-confirmed services count as not confirmed.',

  // ---------- equity ----------
  'equity-deprivation':
    'Cases received in the period by the deprivation quintile of the person\u2019s area (IMD decile halved and rounded up; 1 = most deprived), per 1,000 people living in areas of that quintile, beside each quintile\u2019s share of the population; cases with no known area are shown apart.',
  'equity-outcomes':
    'Cases closed in the period by deprivation quintile, and the share that took a community option (a referral out reached attending or completed).',
  'equity-age':
    'Cases received in the period by the person\u2019s age when the case was received (from the date of birth, or the age band recorded); no population figures by age are held, so no rates.',
  'equity-ethnicity':
    'Cases received in the period by ethnic group where the person chose to record it; the share is of cases with a recorded group, and \u201cprefers not to say\u201d and \u201cnot recorded\u201d are shown apart.',
} as const;

export type DefinitionId = keyof typeof definitions;

export function definition(id: DefinitionId): string {
  return definitions[id];
}
