// How a case went, told when it closes: to the professional who referred the person (by reference
// only) and, where the person agreed (a `tell_gp` agreement in force), to their GP practice by
// email and as a FHIR R4 document staff can download for a GP system (./fhir.ts). What the GP is
// told is the outcome and no more: when the case was received, taken on, first contacted and
// closed, the outcome, the services the person was connected to, and the SNOMED CT codes of the
// national social prescribing standard. See docs/decisions/0019-gp-outcome-and-fhir.md.
import { recordAudit } from '@/lib/audit/record';
import type { AuditActor } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import type { CaseOutcome, CaseSource, CaseStatus, ReferralStatus } from '@/lib/db/generated/enums';
import { enqueueRendered, templates } from '@/lib/notify';
import { hasActiveConsent } from './consent';
import { outcomeLabels } from './labels';

/** The codes the national social prescribing standard records in the GP record (SNOMED CT UK). */
export const SNOMED = {
  referral: { code: '871731000000106', display: 'Referral to social prescribing service' },
  /** The person declined social prescribing (not a provider declining a referral). */
  declined: { code: '871711000000103', display: 'Social prescribing declined' },
} as const;

/** The codes for a case: always the referral; "declined" when the person declined support. */
export function snomedCodes(outcome: CaseOutcome | null): templates.SnomedCode[] {
  return outcome === 'declined_support' ? [SNOMED.referral, SNOMED.declined] : [SNOMED.referral];
}

/** Referral statuses that mean the person was connected to the service, in words for the GP. */
export const connectedStatusWords: Partial<Record<ReferralStatus, string>> = {
  accepted: 'accepted, not started yet',
  waitlisted: 'on the waiting list',
  attending: 'attending',
  completed: 'completed',
};

export type OutcomeFacts = {
  caseId: string;
  reference: string;
  personId: string;
  status: CaseStatus;
  source: CaseSource;
  receivedAt: Date;
  acceptedAt: Date | null;
  firstContactAt: Date | null;
  closedAt: Date | null;
  outcome: CaseOutcome | null;
  referrer: { name: string | null; organisation: string | null; email: string | null };
  person: { name: string; dateOfBirth: Date | null; postcode: string | null; anonymised: boolean };
  practice: { code: string; name: string; email: string | null } | null;
  /** A `tell_gp` agreement is in force. */
  gpAgreed: boolean;
  /** "Walking for Health (Eastbrook Ramblers): attending", and services suggested at first contact. */
  connectedTo: string[];
};

export async function loadOutcomeFacts(tx: Tx, caseId: string, now: Date = new Date()): Promise<OutcomeFacts | null> {
  const c = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      reference: true,
      personId: true,
      status: true,
      source: true,
      receivedAt: true,
      triagedAt: true,
      assignedAt: true,
      firstContactAt: true,
      closedAt: true,
      outcome: true,
      referrerName: true,
      referrerOrganisation: true,
      referrerEmail: true,
      person: {
        select: {
          name: true,
          dateOfBirth: true,
          postcode: true,
          anonymisedAt: true,
          gpPractice: { select: { code: true, name: true, email: true } },
          consents: { where: { scope: 'tell_gp' } },
        },
      },
      referrals: {
        where: { status: { in: Object.keys(connectedStatusWords) as ReferralStatus[] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { status: true, service: { select: { name: true, organisation: { select: { name: true } } } } },
      },
      signposts: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { serviceId: true } },
    },
  });
  if (!c) return null;
  const signposted = c.signposts.length
    ? await tx.service.findMany({
        where: { id: { in: c.signposts.map((s) => s.serviceId) } },
        select: { id: true, name: true, organisation: { select: { name: true } } },
      })
    : [];
  const byId = new Map(signposted.map((s) => [s.id, s]));
  return {
    caseId: c.id,
    reference: c.reference,
    personId: c.personId,
    status: c.status,
    source: c.source,
    receivedAt: c.receivedAt,
    acceptedAt: c.assignedAt ?? c.triagedAt,
    firstContactAt: c.firstContactAt,
    closedAt: c.closedAt,
    outcome: c.outcome,
    referrer: { name: c.referrerName, organisation: c.referrerOrganisation, email: c.referrerEmail },
    person: {
      name: c.person.name,
      dateOfBirth: c.person.dateOfBirth,
      postcode: c.person.postcode,
      anonymised: c.person.anonymisedAt !== null,
    },
    practice: c.person.gpPractice,
    gpAgreed: hasActiveConsent(c.person.consents, 'tell_gp', now),
    connectedTo: [
      ...c.referrals.map((r) => `${r.service.name} (${r.service.organisation.name}): ${connectedStatusWords[r.status]}`),
      ...c.signposts.flatMap((s) => {
        const service = byId.get(s.serviceId);
        return service ? [`${service.name} (${service.organisation.name}): suggested at first contact`] : [];
      }),
    ],
  };
}

/** The facts as the outcome templates take them; null while the case is open. */
export function outcomeSummary(f: OutcomeFacts): templates.OutcomeSummary | null {
  if (f.status !== 'closed' || !f.closedAt || !f.outcome) return null;
  return {
    reference: f.reference,
    receivedAt: f.receivedAt,
    acceptedAt: f.acceptedAt,
    firstContactAt: f.firstContactAt,
    closedAt: f.closedAt,
    outcome: outcomeLabels[f.outcome],
    connectedTo: f.connectedTo,
    codes: snomedCodes(f.outcome),
  };
}

/** The GP practice's email, for a closed case whose person agreed; null otherwise. */
export function gpOutcomeEmail(f: OutcomeFacts): templates.Rendered | null {
  const summary = outcomeSummary(f);
  if (!summary || !f.gpAgreed || !f.practice || f.person.anonymised) return null;
  return templates.outcomeToGp({
    ...summary,
    practiceName: f.practice.name,
    person: { name: f.person.name, dateOfBirth: f.person.dateOfBirth, postcode: f.person.postcode },
  });
}

export type OutcomeRecipients = { referrer: boolean; gpPractice: boolean };

/** Who will be told when the case closes, for the close page. */
export function outcomeRecipients(f: OutcomeFacts): OutcomeRecipients & { practiceWithoutEmail: boolean } {
  return {
    referrer: f.source !== 'self' && Boolean(f.referrer.email),
    gpPractice: f.gpAgreed && Boolean(f.practice?.email) && !f.person.anonymised,
    practiceWithoutEmail: f.gpAgreed && f.practice !== null && !f.practice.email,
  };
}

/**
 * Queues the outcome messages for a case that has just closed, in the closing transaction: the
 * referrer's (a professional referral with an email address) and the GP practice's (the person
 * agreed, and the practice has an address).
 */
export async function queueCaseOutcome(
  tx: Tx,
  actor: AuditActor,
  caseId: string,
  now: Date = new Date(),
  options: { toReferrer?: boolean } = {},
): Promise<OutcomeRecipients> {
  const sent: OutcomeRecipients = { referrer: false, gpPractice: false };
  const f = await loadOutcomeFacts(tx, caseId, now);
  const summary = f && outcomeSummary(f);
  if (!f || !summary) return sent;
  const who = outcomeRecipients(f);
  const payload = { caseId: f.caseId, reference: f.reference };
  if (who.referrer && options.toReferrer !== false && f.referrer.email) {
    await enqueueRendered(tx, { recipient: f.referrer.email, rendered: templates.outcomeToReferrer(summary), payload }, now);
    sent.referrer = true;
  }
  const gp = gpOutcomeEmail(f);
  if (who.gpPractice && gp && f.practice?.email) {
    await enqueueRendered(tx, { recipient: f.practice.email, rendered: gp, payload }, now);
    sent.gpPractice = true;
  }
  if (sent.referrer || sent.gpPractice) {
    await recordAudit(tx, {
      actor,
      action: 'case.outcome_sent',
      entityType: 'case',
      entityId: f.caseId,
      personId: f.personId,
      detail: { to: [sent.referrer && 'referrer', sent.gpPractice && 'gp_practice'].filter(Boolean), outcome: f.outcome },
      at: now,
    });
  }
  return sent;
}
