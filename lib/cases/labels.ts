// Plain-English names for casework values. No database imports, so client components use them too.
import type {
  CaseOutcome,
  CaseSource,
  CaseStatus,
  ConsentScope,
  ContactAttemptOutcome,
  ContactMethod,
  ConversationType,
  Rag,
  SafeguardingTeam,
  UnmetNeedReason,
} from '@/lib/db/generated/enums';

export const sourceLabels: Record<CaseSource, string> = {
  gp: 'GP practice',
  self: 'Self-referral',
  social_care: 'Social care',
  hospital: 'Hospital',
  voluntary_sector: 'Voluntary sector',
  other: 'Other',
};

export const ragLabels: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
};

export const caseStatusLabels: Record<CaseStatus, string> = {
  received: 'New',
  triaged: 'Rated',
  active: 'Active',
  closed: 'Closed',
};

export const conversationTypes = ['listen_connect', 'crisis', 'good_life'] as const satisfies readonly ConversationType[];

export const conversationTypeLabels: Record<ConversationType, string> = {
  listen_connect: '1: Listen and connect',
  crisis: '2: Crisis',
  good_life: '3: Build a good life',
};

export const conversationTypeHints: Record<ConversationType, string> = {
  listen_connect: 'Understand what matters to the person and connect them to their community.',
  crisis: 'Work intensively with the person when they are at risk, to make them safe.',
  good_life: 'Plan longer-term support to help the person live a good life.',
};

export const caseOutcomes = [
  'settled_community_support',
  'declined_support',
  'moved_away',
  'could_not_contact',
  'referred_statutory',
  'signposted_first_contact',
  'other',
] as const satisfies readonly CaseOutcome[];

export const outcomeLabels: Record<CaseOutcome, string> = {
  signposted_first_contact: 'Signposted at first contact',
  settled_community_support: 'Settled with community support',
  declined_support: 'Declined support',
  moved_away: 'Moved away',
  could_not_contact: 'Could not contact',
  referred_statutory: 'Referred to a statutory service',
  other: 'Other',
};

export const unmetNeedReasons = [
  'no_service',
  'full',
  'too_far',
  'cost',
  'not_accessible',
  'not_eligible',
  'wrong_times',
  'other',
] as const satisfies readonly UnmetNeedReason[];

export const unmetNeedReasonLabels: Record<UnmetNeedReason, string> = {
  no_service: 'There is no such service',
  full: 'The service is full',
  too_far: 'The service is too far away',
  cost: 'The person cannot afford it',
  not_accessible: 'The service is not accessible to them',
  not_eligible: 'The person is not eligible',
  wrong_times: 'It runs at times the person cannot make',
  other: 'Another reason',
};

export const consentScopes = ['contact', 'share_with_provider', 'tell_gp'] as const satisfies readonly ConsentScope[];

export const consentScopeLabels: Record<ConsentScope, string> = {
  contact: 'To be contacted by the link worker service',
  share_with_provider: 'To share their details with a provider',
  tell_gp: 'To tell their GP the outcome',
};

export const contactMethods = ['phone', 'email', 'text', 'letter'] as const satisfies readonly ContactMethod[];

export const contactMethodLabels: Record<ContactMethod, string> = {
  phone: 'Phone call',
  email: 'Email',
  text: 'Text message',
  letter: 'Letter',
};

export const safeguardingTeamLabels: Record<SafeguardingTeam, string> = {
  adults: 'Adult safeguarding team',
  children: 'Children’s safeguarding team',
};

/** Details a person can agree to share with a provider, in the order forms show them. */
export const shareableFields = [
  'name',
  'phone',
  'email',
  'preferredContact',
  'contactNotes',
  'ageBand',
  'postcode',
  'whatMatters',
  'needs',
  'goals',
] as const;
export type ShareableField = (typeof shareableFields)[number];

export const shareableFieldLabels: Record<ShareableField, string> = {
  name: 'Name',
  phone: 'Phone number',
  email: 'Email address',
  preferredContact: 'How they would like to be contacted',
  contactNotes: 'When and how to contact them',
  ageBand: 'Age',
  postcode: 'Postcode',
  whatMatters: 'What matters to them',
  needs: 'What they would like help with',
  goals: 'What they would like to achieve',
};

export function isShareableField(value: string): value is ShareableField {
  return (shareableFields as readonly string[]).includes(value);
}

/** The four ONS personal wellbeing questions, as ONS asks them. */
export const ons4Questions = [
  { key: 'lifeSatisfaction', short: 'Life satisfaction', text: 'Overall, how satisfied are you with your life nowadays?' },
  {
    key: 'worthwhile',
    short: 'Worthwhile',
    text: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
  },
  { key: 'happiness', short: 'Happiness', text: 'Overall, how happy did you feel yesterday?' },
  {
    key: 'anxiety',
    short: 'Anxiety',
    text: 'On a scale where 0 is “not at all anxious” and 10 is “completely anxious”, overall, how anxious did you feel yesterday?',
  },
] as const;

export type Ons4Key = (typeof ons4Questions)[number]['key'];

export const contactAttemptOutcomes = [
  'no_answer',
  'left_message',
  'wrong_number',
] as const satisfies readonly ContactAttemptOutcome[];

export const contactAttemptLabels: Record<ContactAttemptOutcome, string> = {
  no_answer: 'No answer',
  left_message: 'Left a message',
  wrong_number: 'Wrong number',
};

/** "1 try", "3 tries": contact attempts in a row. */
export function triesText(n: number): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'try' : 'tries'}`;
}

export function isCaseOutcome(value: unknown): value is CaseOutcome {
  return typeof value === 'string' && (caseOutcomes as readonly string[]).includes(value);
}

export function isContactAttemptOutcome(value: unknown): value is ContactAttemptOutcome {
  return typeof value === 'string' && (contactAttemptOutcomes as readonly string[]).includes(value);
}
