// The fixed lists a search can filter on, with the words residents see.

export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type DayName = (typeof DAYS)[number];
export const DAY_CODES: Record<DayName, string> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};
export const DAY_LABELS: Record<DayName, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

export const TIMES = ['morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof TIMES)[number];
export const TIME_LABELS: Record<TimeOfDay, { label: string; hint: string }> = {
  morning: { label: 'Morning', hint: 'Before midday' },
  afternoon: { label: 'Afternoon', hint: 'Midday to 5pm' },
  evening: { label: 'Evening', hint: 'After 5pm' },
};

export const ACCESSIBILITY = [
  'step_free',
  'hearing_loop',
  'bsl',
  'accessible_toilet',
  'parking',
  'changing_places',
  'quiet_space',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY)[number];
export const ACCESSIBILITY_LABELS: Record<string, string> = {
  step_free: 'Step-free access',
  hearing_loop: 'Hearing loop',
  bsl: 'British Sign Language (BSL)',
  accessible_toilet: 'Accessible toilet',
  parking: 'Parking',
  changing_places: 'Changing Places toilet',
  quiet_space: 'Quiet space',
};
export function accessibilityLabel(code: string): string {
  return ACCESSIBILITY_LABELS[code] ?? code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export const MODES = ['in_person', 'online', 'phone'] as const;
export type Mode = (typeof MODES)[number];
export const MODE_LABELS: Record<Mode, string> = { in_person: 'In person', online: 'Online', phone: 'By phone' };

export const RADII = [1, 2, 5, 10] as const;
export type Radius = (typeof RADII)[number];

export const SORTS = ['relevance', 'distance', 'updated'] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = { relevance: 'Best match', distance: 'Nearest', updated: 'Recently updated' };

export const ACCESS_METHOD_LABELS: Record<string, string> = {
  self_refer: 'You can refer yourself',
  professional_referral: 'A professional can refer you',
  drop_in: 'Drop in, no need to book',
};

export const CAPACITY_LABELS: Record<string, string> = {
  open: 'Has space',
  waiting_list: 'Waiting list',
  full: 'Full',
};

export const PAGE_SIZE = 20;

export const PROBLEM_KINDS = {
  times: 'The days or times are wrong',
  place: 'The address or place is wrong',
  contact: 'The phone number, email or website is wrong',
  cost: 'The cost is wrong',
  closed: 'It has stopped running',
  other: 'Something else',
} as const;
export type ProblemKind = keyof typeof PROBLEM_KINDS;
