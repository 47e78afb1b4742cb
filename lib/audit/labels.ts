// Plain-English names for the audited actions, for the list of who has seen a person's record.

const auditActionLabels: Record<string, string> = {
  'case.viewed': 'Viewed the case',
  'caseload.listed': 'Saw the name in a caseload list',
  'person.listed': 'Saw the name in a person search (subject access)',
  'case.access_refused': 'Tried to open the case (refused)',
  'case.closed': 'Closed the case',
  'case.reopened': 'Reopened the case',
  'case.reassigned': 'Moved the case to another link worker',
  'case.contact_attempted': 'Tried to contact the person',
  'case.search_listed': 'Saw the name in a case search',
  'referral_updates.listed': 'Saw the name in the referral updates list',
  'conversation.recorded': 'Recorded a conversation',
  'conversation.corrected': 'Corrected a conversation',
  'consent.recorded': 'Recorded an agreement',
  'consent.withdrawn': 'Withdrew an agreement',
  'person.updated': 'Changed contact details',
  'person.viewed': 'Opened the record for a subject access request',
  'person.exported': 'Exported the record (subject access)',
  'person.anonymised': 'Anonymised the record',
  'referral.sent': 'Sent a referral',
  'referral.withdrawn': 'Withdrew a referral',
  'referral.answer_recorded': 'Recorded a provider’s answer',
  'referral.viewed': 'Provider viewed the referral',
  'referral.viewed_by_link': 'Provider viewed the referral by email link',
  'referral.answered': 'Provider answered the referral',
  'referral.access_refused': 'Tried to open a referral (refused)',
  'unmet_need.recorded': 'Recorded unmet need',
  'safeguarding.raised': 'Raised a safeguarding concern',
  'case.service_details_sent': 'Sent the person details of services',
  'case.outcome_sent': 'Sent the outcome to the referrer or GP practice',
  'case.gp_outcome_downloaded': 'Downloaded the outcome for the GP practice (FHIR)',
};

/** The action in words; an action without a name shows as recorded. */
export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}
