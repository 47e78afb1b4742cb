// Plain-English names for the codes the reports group by.
import { outcomeLabels as caseOutcomeLabels, sourceLabels as caseSourceLabels } from '@/lib/cases/labels';
import { MONTH_NAMES } from '@/lib/format/dates';

export const unmetReasonLabels: Record<string, string> = {
  no_service: 'No service exists',
  full: 'Service full',
  too_far: 'Too far',
  cost: 'Costs too much',
  not_accessible: 'Not accessible',
  not_eligible: 'Not eligible',
  wrong_times: 'Wrong times',
  other: 'Other reason',
};

export const declineReasonLabels: Record<string, string> = {
  full: 'Full',
  not_eligible: 'Not eligible',
  not_suitable: 'Not suitable',
  could_not_contact: 'Could not contact the person',
  other: 'Other reason',
};

export const sourceLabels: Record<string, string> = caseSourceLabels;

export const outcomeLabels: Record<string, string> = { ...caseOutcomeLabels, '': 'No outcome recorded' };

export const questionLabels: Record<string, string> = {
  life_satisfaction: 'Life satisfaction',
  worthwhile: 'Feeling things done are worthwhile',
  happiness: 'Happiness yesterday',
  anxiety: 'Anxiety yesterday (lower is better)',
};

export const ethnicityLabels: Record<string, string> = {
  white_british: 'White: English, Welsh, Scottish, Northern Irish or British',
  white_irish: 'White: Irish',
  white_gypsy_traveller: 'White: Gypsy or Irish Traveller',
  white_roma: 'White: Roma',
  white_other: 'White: any other White background',
  mixed: 'Mixed or multiple ethnic groups',
  asian_indian: 'Asian or Asian British: Indian',
  asian_pakistani: 'Asian or Asian British: Pakistani',
  asian_bangladeshi: 'Asian or Asian British: Bangladeshi',
  asian_chinese: 'Asian or Asian British: Chinese',
  asian_other: 'Asian or Asian British: any other Asian background',
  black_african: 'Black or Black British: African',
  black_caribbean: 'Black or Black British: Caribbean',
  black_other: 'Black or Black British: any other Black background',
  arab: 'Other ethnic group: Arab',
  other: 'Any other ethnic group',
  declined: 'Prefers not to say',
  '': 'Not recorded',
};

export const quintileLabels: Record<string, string> = {
  '1': '1 (most deprived 20%)',
  '2': '2',
  '3': '3',
  '4': '4',
  '5': '5 (least deprived 20%)',
};

/** "2026-03" as "March 2026". */
export function monthLabel(key: string): string {
  const [y, m] = key.split('-').map(Number);
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

/** "2026-03" as "Mar 2026" (chart axes). */
export function monthShort(key: string): string {
  return monthLabel(key).replace(/^(\w{3})\w*/, '$1');
}

/** Every month key from the month of `fromKey` to the month of `toKey`. */
export function monthsBetween(fromKey: string, toKey: string): string[] {
  let [y, m] = fromKey.split('-').map(Number);
  const [ty, tm] = toKey.split('-').map(Number);
  const out: string[] = [];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** A label for a code we do not know: "some_code" as "Some code". */
export function humanise(code: string): string {
  const s = code.replace(/[_-]+/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

export function labelFor(labels: Record<string, string>, code: string): string {
  return labels[code] ?? humanise(code);
}
