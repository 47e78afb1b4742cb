// A closed case's outcome for the GP record as a FHIR R4 document: a Bundle (type "collection")
// of a Task (the referral to social prescribing, its status and outcome, coded in SNOMED CT), a
// Communication (the message to the practice, with the same plain summary as the email), the
// Patient, the practice and this service. Only what the person agreed to share with their GP
// goes in: see gp-outcome.ts and docs/decisions/0019-gp-outcome-and-fhir.md.
import { createHash } from 'node:crypto';
import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Communication,
  FhirResource,
  Organization,
  Patient,
  Reference,
  Task,
  TaskOutput,
} from 'fhir/r4';
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/types';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import type { CaseOutcome, CaseStatus } from '@/lib/db/generated/enums';
import { caseAccess } from './access';
import { gpOutcomeEmail, loadOutcomeFacts, outcomeSummary, SNOMED, type OutcomeFacts } from './gp-outcome';
import { outcomeLabels } from './labels';

const SNOMED_SYSTEM = 'http://snomed.info/sct';
/** NHS England's system for ODS codes (GP practices are identified by theirs). */
export const ODS_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';

const snomed = (c: { code: string; display: string }): CodeableConcept => ({
  coding: [{ system: SNOMED_SYSTEM, code: c.code, display: c.display }],
  text: c.display,
});

/** The Task's status for the case: FHIR R4 Task.status, with the reason where there is one. */
export function taskStatus(
  status: CaseStatus,
  outcome: CaseOutcome | null,
): { status: Task['status']; reason?: CodeableConcept } {
  if (status === 'received') return { status: 'received' };
  if (status === 'triaged') return { status: 'accepted' };
  if (status === 'active') return { status: 'in-progress' };
  switch (outcome) {
    case 'declined_support':
      return { status: 'cancelled', reason: snomed(SNOMED.declined) };
    case 'could_not_contact':
      return { status: 'failed', reason: { text: outcomeLabels.could_not_contact } };
    case 'moved_away':
      return { status: 'cancelled', reason: { text: outcomeLabels.moved_away } };
    default:
      return { status: 'completed' };
  }
}

/** A stable UUID for one resource of one case, so downloading twice gives the same document. */
function uuidFor(caseId: string, kind: string): string {
  const h = createHash('sha256').update(`${caseId}:${kind}`).digest('hex');
  // Shaped as a version 5 (name-based) UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const iso = (d: Date) => d.toISOString();
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The document for a closed case whose person agreed to tell their GP, or null (open case, no
 * agreement in force, no practice, or an anonymised record).
 */
export function gpOutcomeBundle(f: OutcomeFacts, now: Date = new Date()): Bundle<FhirResource> | null {
  const summary = outcomeSummary(f);
  const message = gpOutcomeEmail(f);
  if (!summary || !message || !f.practice) return null;
  const base = config.baseUrl.replace(/\/+$/, '');
  const b = config.borough;
  const ids = {
    bundle: uuidFor(f.caseId, 'bundle'),
    patient: uuidFor(f.caseId, 'patient'),
    practice: uuidFor(f.caseId, 'practice'),
    service: uuidFor(f.caseId, 'service'),
    task: uuidFor(f.caseId, 'task'),
    communication: uuidFor(f.caseId, 'communication'),
  };
  const ref = (id: string, display?: string): Reference => ({ reference: `urn:uuid:${id}`, ...(display ? { display } : {}) });

  const patient: Patient = {
    resourceType: 'Patient',
    id: ids.patient,
    name: [{ text: f.person.name }],
    ...(f.person.dateOfBirth ? { birthDate: dateOnly(f.person.dateOfBirth) } : {}),
    ...(f.person.postcode ? { address: [{ postalCode: f.person.postcode }] } : {}),
    generalPractitioner: [ref(ids.practice, f.practice.name)],
  };
  const practice: Organization = {
    resourceType: 'Organization',
    id: ids.practice,
    identifier: [{ system: ODS_SYSTEM, value: f.practice.code }],
    name: f.practice.name,
    ...(f.practice.email ? { telecom: [{ system: 'email', value: f.practice.email }] } : {}),
  };
  const service: Organization = {
    resourceType: 'Organization',
    id: ids.service,
    name: b.serviceName,
    telecom: [
      { system: 'phone', value: b.contactPhone },
      { system: 'email', value: b.contactEmail },
    ],
  };
  const status = taskStatus(f.status, f.outcome);
  const outputs: TaskOutput[] = [
    { type: { text: 'Outcome' }, valueString: summary.outcome },
    ...(f.outcome === 'declined_support'
      ? [{ type: { text: 'Outcome code' }, valueCodeableConcept: snomed(SNOMED.declined) }]
      : []),
    ...summary.connectedTo.map((c) => ({ type: { text: 'Connected to a community service' }, valueString: c })),
  ];
  const referrer = [f.referrer.name, f.referrer.organisation].filter(Boolean).join(', ');
  const task: Task = {
    resourceType: 'Task',
    id: ids.task,
    identifier: [{ system: `${base}/id/case-reference`, value: f.reference }],
    status: status.status,
    ...(status.reason ? { statusReason: status.reason } : {}),
    businessStatus: { text: summary.outcome },
    intent: 'order',
    code: snomed(SNOMED.referral),
    description: `Referral to ${b.serviceName}, a social prescribing link worker service`,
    for: ref(ids.patient, f.person.name),
    authoredOn: iso(f.receivedAt),
    lastModified: iso(summary.closedAt),
    executionPeriod: { ...(f.firstContactAt ? { start: iso(f.firstContactAt) } : {}), end: iso(summary.closedAt) },
    requester: f.source === 'self' ? ref(ids.patient, 'Self-referral') : { display: referrer || 'Professional referrer' },
    owner: ref(ids.service, b.serviceName),
    output: outputs,
  };
  const communication: Communication = {
    resourceType: 'Communication',
    id: ids.communication,
    status: 'completed',
    category: [{ text: 'Social prescribing outcome' }],
    reasonCode: [snomed(SNOMED.referral)],
    subject: ref(ids.patient, f.person.name),
    about: [ref(ids.task)],
    sent: iso(summary.closedAt),
    recipient: [ref(ids.practice, f.practice.name)],
    sender: ref(ids.service, b.serviceName),
    payload: [{ contentString: message.body }],
  };
  const entry = (id: string, resource: FhirResource): BundleEntry<FhirResource> => ({ fullUrl: `urn:uuid:${id}`, resource });
  return {
    resourceType: 'Bundle',
    id: ids.bundle,
    meta: { lastUpdated: iso(now) },
    identifier: { system: `${base}/id/gp-outcome`, value: f.reference },
    type: 'collection',
    timestamp: iso(now),
    entry: [
      entry(ids.task, task),
      entry(ids.communication, communication),
      entry(ids.patient, patient),
      entry(ids.practice, practice),
      entry(ids.service, service),
    ],
  };
}

export type GpDocumentResult =
  | { ok: true; reference: string; bundle: Bundle<FhirResource> }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'open' | 'not_agreed' };

/**
 * The document, for staff who may see the case; audited as a read of the person's record. A case
 * still open has no outcome yet; without an agreement in force to tell the GP there is nothing
 * to share.
 */
export async function gpOutcomeDocument(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  now: Date = new Date(),
): Promise<GpDocumentResult> {
  const access = await caseAccess(tx, user, caseId, 'case.read');
  if (!access.ok) return access;
  const facts = await loadOutcomeFacts(tx, caseId, now);
  if (!facts) return { ok: false, reason: 'not_found' };
  if (facts.status !== 'closed') return { ok: false, reason: 'open' };
  const bundle = gpOutcomeBundle(facts, now);
  if (!bundle) return { ok: false, reason: 'not_agreed' };
  await recordAudit(tx, {
    actor: user,
    action: 'case.gp_outcome_downloaded',
    entityType: 'case',
    entityId: caseId,
    personId: facts.personId,
    detail: { format: 'fhir-r4', outcome: facts.outcome },
    at: now,
  });
  return { ok: true, reference: facts.reference, bundle };
}
