// How a case went, when it closes: to the professional who referred the person, and (where the
// person agreed) to their GP practice, with the SNOMED CT codes a GP system records. The referrer's
// email names no one and no service; the practice's names the person, so it can be filed in
// their record. See docs/decisions/0019-gp-outcome-and-fhir.md.
import { config } from '../../config';
import { formatDate } from '../../format/dates';
import { email, lines, type Rendered } from './render';

export type SnomedCode = { code: string; display: string };

export type OutcomeSummary = {
  reference: string;
  receivedAt: Date;
  /** When a coordinator took the referral on (triaged); null if it was never triaged. */
  acceptedAt: Date | null;
  firstContactAt: Date | null;
  closedAt: Date;
  /** "Settled with community support". */
  outcome: string;
  /** Services the person was connected to, with where things stand: "Walking for Health (Eastbrook Ramblers): attending". */
  connectedTo: string[];
  codes: SnomedCode[];
};

function steps(d: OutcomeSummary, connected: string[] | number): string[] {
  const count = typeof connected === 'number' ? connected : connected.length;
  return [
    `Received: ${formatDate(d.receivedAt)}`,
    `Accepted: ${d.acceptedAt ? formatDate(d.acceptedAt) : 'not recorded'}`,
    `First contact: ${d.firstContactAt ? formatDate(d.firstContactAt) : 'none'}`,
    typeof connected === 'number'
      ? `Connected to: ${count === 0 ? 'no services' : count === 1 ? '1 service' : `${count} services`}`
      : count === 0
        ? 'Connected to: no services'
        : 'Connected to:',
    ...(typeof connected === 'number' ? [] : connected.map((c) => `- ${c}`)),
    `Closed: ${formatDate(d.closedAt)}, ${d.outcome.charAt(0).toLowerCase()}${d.outcome.slice(1)}`,
  ];
}

const codeLines = (codes: SnomedCode[]) => codes.map((c) => `${c.code} ${c.display}`);

/** To the professional who made the referral: how it went, by reference only. */
export function outcomeToReferrer(d: OutcomeSummary): Rendered {
  const b = config.borough;
  return email(
    'case_outcome_to_referrer',
    `Referral ${d.reference}: closed`,
    lines(
      'Hello,',
      '',
      `The referral you made to ${b.serviceName} (reference ${d.reference}) has closed. This is how it went.`,
      '',
      ...steps(d, d.connectedTo.length),
      '',
      'SNOMED CT codes, for the person’s record:',
      ...codeLines(d.codes),
      '',
      `To ask about it, call ${b.contactPhone} or email ${b.contactEmail} and give the reference.`,
      '',
      'We have not put the person’s details in this email, to keep them safe.',
      '',
      b.serviceName,
    ),
    {
      reference: d.reference,
      outcome: d.outcome,
      closed_on: formatDate(d.closedAt),
      codes: codeLines(d.codes).join('; '),
    },
  );
}

export type OutcomeToGp = OutcomeSummary & {
  practiceName: string;
  person: { name: string; dateOfBirth: Date | null; postcode: string | null };
};

/** To the person's GP practice, with their agreement: who, and how it went, to file in their record. */
export function outcomeToGp(d: OutcomeToGp): Rendered {
  const b = config.borough;
  const born = d.person.dateOfBirth ? formatDate(d.person.dateOfBirth, { dateOnly: true }) : 'not known';
  return email(
    'case_outcome_to_gp',
    `Social prescribing outcome: ${d.reference}`,
    lines(
      `To ${d.practiceName},`,
      '',
      `Your patient agreed that we tell you the outcome of their support from ${b.serviceName}, our social prescribing link worker service.`,
      '',
      `Patient: ${d.person.name}`,
      `Date of birth: ${born}`,
      d.person.postcode ? `Postcode: ${d.person.postcode}` : null,
      `Our reference: ${d.reference}`,
      '',
      ...steps(d, d.connectedTo),
      '',
      'SNOMED CT codes for the record:',
      ...codeLines(d.codes),
      '',
      'The person agreed to share the outcome only. For anything else, ask them first.',
      '',
      `To ask about it, call ${b.contactPhone} or email ${b.contactEmail} and give our reference.`,
      '',
      b.serviceName,
    ),
    {
      reference: d.reference,
      practice_name: d.practiceName,
      patient_name: d.person.name,
      date_of_birth: born,
      outcome: d.outcome,
      closed_on: formatDate(d.closedAt),
      codes: codeLines(d.codes).join('; '),
    },
  );
}
