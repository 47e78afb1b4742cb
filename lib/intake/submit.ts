// Refer in: a referral from the public forms becomes a person, their consents and a case in the
// intake team's triage queue; the team's coordinators are told (without personal details), and the
// sender gets the reference and what happens next (./acknowledge.ts).
import { recordAudit } from '@/lib/audit/record';
import { hit } from '@/lib/auth/rate-limit';
import { config } from '@/lib/config';
import type { Db, Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { enqueueRendered, templates } from '@/lib/notify';
import { sourceLabels } from '@/lib/cases/labels';
import { acknowledgeReferral } from './acknowledge';
import { BEST_TIME_LABELS, SHARE_FIELDS, TELL_GP_FIELDS } from './options';
import { generateReference } from './reference';
import type { ReferralFormData, ReferrerDetails } from './schema';
import { intakeSettings } from './settings';
import { intakeTeam } from './team';

export type SubmitReferralInput = ReferralFormData & {
  /** The sender's address (see clientIp), for the per-address limit. */
  clientIp: string;
  /** The hidden field people never see; anything in it means a bot filled the form. */
  honeypot?: string | null;
};

export type SubmitReferralResult =
  | {
      ok: true;
      reference: string;
      caseId: string;
      /** The same form was sent before: nothing new was made. */ duplicate: boolean;
    }
  | { ok: false; reason: 'spam' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }
  | { ok: false; reason: 'no_team' };

export const REFERRAL_RATE_WINDOW_SECONDS = 3600;

const MAX_REFERENCE_ATTEMPTS = 8;

/** The root client (a transaction client has no $connect), so the work can open its own transaction. */
function isClient(tx: Tx): tx is Db {
  return typeof (tx as Partial<Db>).$connect === 'function';
}

/**
 * Records a referral and returns its reference. Idempotent on the form's submission key: a second
 * post of the same form (a double click, a refresh, a retry after a slow answer) returns the first
 * case's reference and creates nothing. Runs in one transaction (its own if given the client);
 * concurrent posts of one form wait on an advisory lock on the key, so exactly one case results.
 */
export async function submitReferral(tx: Tx, input: SubmitReferralInput, now: Date = new Date()): Promise<SubmitReferralResult> {
  if (input.honeypot && input.honeypot.trim() !== '') return { ok: false, reason: 'spam' };
  const own = isClient(tx);
  if (own) {
    const earlier = await submitted(tx, input.submissionKey);
    if (earlier) return earlier;
  }
  // Given the client, the limit is counted in a statement of its own: inside the transaction the
  // address's counter row would stay locked until commit, so a burst from one address (an office,
  // a GP surgery) would queue one transaction behind another until the pool's wait ran out.
  const limit = await hit(tx, `referral:ip:${input.clientIp}`, intakeSettings.perIpPerHour, REFERRAL_RATE_WINDOW_SECONDS, now);
  if (!limit.allowed) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
  return own ? tx.$transaction((t) => record(t, input, now)) : record(tx, input, now);
}

async function submitted(tx: Tx, submissionKey: string): Promise<SubmitReferralResult | null> {
  const existing = await tx.case.findUnique({ where: { submissionKey }, select: { id: true, reference: true } });
  return existing ? { ok: true, reference: existing.reference, caseId: existing.id, duplicate: true } : null;
}

async function record(tx: Tx, input: SubmitReferralInput, now: Date): Promise<SubmitReferralResult> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`referral-submission:${input.submissionKey}`}))`;
  const earlier = await submitted(tx, input.submissionKey);
  if (earlier) return earlier;

  const team = await intakeTeam(tx);
  if (!team) return { ok: false, reason: 'no_team' };

  const p = input.person;
  const [postcodeRow, practice, terms] = await Promise.all([
    p.postcode ? tx.postcode.findUnique({ where: { postcode: p.postcode }, select: { areaId: true } }) : null,
    p.gpPracticeId ? tx.gpPractice.findUnique({ where: { id: p.gpPracticeId }, select: { id: true } }) : null,
    input.needCodes.length ? tx.taxonomyTerm.findMany({ where: { code: { in: input.needCodes } }, select: { id: true } }) : [],
  ]);

  const person = await tx.person.create({
    data: {
      name: p.name,
      email: p.email,
      phone: p.phone,
      preferredContact: p.preferredContact,
      contactNotes: contactNotes(p.bestTimes, p.contactNotes),
      dateOfBirth: p.dateOfBirth,
      ageBand: p.ageBand,
      postcode: p.postcode,
      areaId: postcodeRow?.areaId ?? null,
      gpPracticeId: practice?.id ?? null,
      createdAt: now,
    },
    select: { id: true },
  });

  const consentNote =
    input.kind === 'professional'
      ? 'Confirmed by the referrer on the professional referral form.'
      : input.referrer
        ? 'Given by their carer on the self-referral form, with the person’s agreement.'
        : 'Given on the self-referral form.';
  const consents: Prisma.ConsentCreateManyInput[] = [
    { personId: person.id, scope: 'contact', fields: [], givenAt: now, note: consentNote },
  ];
  if (input.consents.shareWithProvider) {
    consents.push({
      personId: person.id,
      scope: 'share_with_provider',
      fields: [...SHARE_FIELDS],
      givenAt: now,
      note: consentNote,
    });
  }
  if (input.consents.tellGp) {
    consents.push({ personId: person.id, scope: 'tell_gp', fields: [...TELL_GP_FIELDS], givenAt: now, note: consentNote });
  }
  await tx.consent.createMany({ data: consents });

  const reference = await freshReference(tx);
  const kase = await tx.case.create({
    data: {
      reference,
      personId: person.id,
      teamId: team.id,
      source: input.source,
      ...referrerColumns(input.referrer, input.kind),
      submissionKey: input.submissionKey,
      whatMatters: input.whatMatters,
      receivedAt: now,
      status: 'received',
      createdAt: now,
    },
    select: { id: true },
  });
  if (terms.length) await tx.caseNeed.createMany({ data: terms.map((t) => ({ caseId: kase.id, termId: t.id })) });

  await recordAudit(tx, {
    actor: null,
    action: 'case.received',
    entityType: 'case',
    entityId: kase.id,
    personId: person.id,
    detail: {
      form: input.kind,
      source: input.source,
      byCarer: input.kind === 'self' && input.referrer !== null,
      needsCount: terms.length,
      areaKnown: Boolean(postcodeRow?.areaId),
      consents: consents.map((c) => c.scope),
    },
    at: now,
  });

  await notifyCoordinators(tx, { teamId: team.id, teamEmail: team.email, reference, source: input.source, receivedAt: now });
  await acknowledgeReferral(tx, { caseId: kase.id, reference, form: input, receivedAt: now });
  return { ok: true, reference, caseId: kase.id, duplicate: false };
}

async function freshReference(tx: Tx): Promise<string> {
  for (let i = 0; i < MAX_REFERENCE_ATTEMPTS; i++) {
    const candidate = generateReference();
    const taken = await tx.case.findUnique({ where: { reference: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  throw new Error('Could not find an unused case reference');
}

/** "Best times: weekday mornings, early evening. Please do not leave a voicemail." */
export function contactNotes(bestTimes: readonly (keyof typeof BEST_TIME_LABELS)[], notes: string | null): string | null {
  const times = bestTimes.map((t) => BEST_TIME_LABELS[t].label.toLowerCase());
  const parts = [times.length ? `Best times: ${times.join(', ')}.` : null, notes?.trim() || null].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/** The referrer columns on the case: a professional's name and role, or a carer's name and relationship. */
export function referrerColumns(referrer: ReferrerDetails | null, kind: 'self' | 'professional') {
  if (!referrer) return { referrerName: null, referrerOrganisation: null, referrerEmail: null, referrerPhone: null };
  const name =
    kind === 'professional'
      ? referrer.role
        ? `${referrer.name} (${referrer.role})`
        : referrer.name
      : `${referrer.name} (${referrer.role ? `${referrer.role}, ` : 'carer, '}with the person’s agreement)`;
  return {
    referrerName: name,
    referrerOrganisation: referrer.organisation,
    referrerEmail: referrer.email,
    referrerPhone: referrer.phone,
  };
}

async function notifyCoordinators(
  tx: Tx,
  d: { teamId: string; teamEmail: string | null; reference: string; source: ReferralFormData['source']; receivedAt: Date },
): Promise<void> {
  const coordinators = await tx.user.findMany({
    where: { teamId: d.teamId, role: 'coordinator', active: true },
    orderBy: { email: 'asc' },
    select: { email: true },
  });
  const recipients = coordinators.length ? coordinators.map((c) => c.email) : d.teamEmail ? [d.teamEmail] : [];
  const rendered = templates.coordinatorNewReferral({
    reference: d.reference,
    sourceLabel: sourceLabels[d.source],
    receivedAt: d.receivedAt,
    queueUrl: `${config.baseUrl.replace(/\/+$/, '')}/triage`,
    signOff: config.borough.serviceName,
  });
  for (const recipient of recipients) {
    await enqueueRendered(tx, { recipient, rendered, payload: { reference: d.reference } }, d.receivedAt);
  }
}
