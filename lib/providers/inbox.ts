// The provider's inbox: referrals to their own organisations' services, showing only what the
// person agreed to share. Answers go through lib/referrals (moveReferral, provider actor); a
// referral that moved since the page was opened is refused with a clear message.
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit/record';
import { isUuid, optionalText, version } from '@/lib/forms';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import type { ActorKind, ReferralStatus } from '@/lib/db/generated/enums';
import { enqueueRendered, templates } from '@/lib/notify';
import { LIST_PAGE_SIZE, pageOf, type PageOf } from '@/lib/paging/pages';
import { ANSWER_PURPOSE, answerDeadline, workerContact, workerContactSelect } from '@/lib/referrals/answer-links';
import {
  canMove,
  declineReasonLabel,
  isDeclineReason,
  moveReferral,
  providerStatuses,
  type MoveRefusal,
} from '@/lib/referrals/lifecycle';
import { describeSharedInfo, referralContactOf, type ReferralContact, type SharedRow } from '@/lib/referrals/shared-info';
import { urls } from '@/lib/referrals/urls';
import { revokeTokens } from '@/lib/tokens';

type Provider = Pick<SessionUser, 'id' | 'role' | 'organisationIds'>;

export const inboxFilters = ['waiting', 'open', 'closed', 'all'] as const;
export type InboxFilter = (typeof inboxFilters)[number];

const filterStatuses: Record<InboxFilter, ReferralStatus[]> = {
  waiting: ['sent'],
  open: ['sent', 'accepted', 'waitlisted', 'attending'],
  closed: ['declined', 'withdrawn', 'expired', 'did_not_attend', 'completed'],
  all: ['sent', 'accepted', 'waitlisted', 'attending', 'declined', 'withdrawn', 'expired', 'did_not_attend', 'completed'],
};

/**
 * The organisations a provider answers for: those in their session that they are still a member
 * of (checked again here, so someone removed from a group loses its inbox at once).
 */
async function memberOrganisations(tx: Tx, user: Provider): Promise<string[]> {
  if (user.role !== 'provider' || user.organisationIds.length === 0) return [];
  const rows = await tx.organisationMember.findMany({
    where: { userId: user.id, organisationId: { in: user.organisationIds } },
    select: { organisationId: true },
  });
  return rows.map((r) => r.organisationId);
}

export type InboxItem = {
  id: string;
  reference: string;
  serviceName: string;
  organisationName: string;
  status: ReferralStatus;
  sentAt: Date | null;
  answerBy: Date | null;
  updatedAt: Date;
};

export type InboxList = { items: InboxItem[]; counts: Record<InboxFilter, number>; page: PageOf };

/**
 * One page of the list: no personal details (those are on each referral's page, where viewing is
 * recorded). A page beyond the end gives the last page, so a stale link still shows something.
 */
export async function listInbox(
  tx: Tx,
  user: Provider,
  filter: InboxFilter = 'open',
  requested = 1,
  size: number = LIST_PAGE_SIZE,
): Promise<InboxList> {
  const orgs = await memberOrganisations(tx, user);
  const counts = { waiting: 0, open: 0, closed: 0, all: 0 };
  if (orgs.length === 0) return { items: [], counts, page: pageOf(0, requested, size) };
  // The counts come first: the filter's total decides which page there is to show.
  const grouped = await tx.$queryRaw<Array<{ status: ReferralStatus; n: number }>>`
    SELECT r.status::text AS status, count(*)::int AS n
    FROM "Referral" r JOIN "Service" s ON s.id = r."serviceId"
    WHERE s."organisationId" = ANY(${orgs}::uuid[]) AND r.status <> 'draft'
    GROUP BY r.status`;
  for (const g of grouped) {
    for (const f of inboxFilters) if (filterStatuses[f].includes(g.status)) counts[f] += g.n;
  }
  const page = pageOf(counts[filter], requested, size);
  // Waiting for an answer first (oldest first), then the rest, most recently changed first; the id
  // makes the order total, so pages neither overlap nor skip.
  const rows = await tx.$queryRaw<
    Array<{
      id: string;
      status: ReferralStatus;
      sentAt: Date | null;
      updatedAt: Date;
      reference: string;
      serviceName: string;
      organisationName: string;
    }>
  >`
    SELECT r.id, r.status::text AS status, r."sentAt", r."updatedAt", c.reference, s.name AS "serviceName", o.name AS "organisationName"
    FROM "Referral" r
    JOIN "Service" s ON s.id = r."serviceId"
    JOIN "Organisation" o ON o.id = s."organisationId"
    JOIN "Case" c ON c.id = r."caseId"
    WHERE s."organisationId" = ANY(${orgs}::uuid[]) AND r.status = ANY(${filterStatuses[filter]}::text[]::"ReferralStatus"[])
    ORDER BY r.status <> 'sent', CASE WHEN r.status <> 'sent' THEN r."updatedAt" END DESC, r."sentAt" ASC NULLS LAST, r.id ASC
    LIMIT ${page.size} OFFSET ${page.offset}`;
  const items = rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    serviceName: r.serviceName,
    organisationName: r.organisationName,
    status: r.status,
    sentAt: r.sentAt,
    answerBy: r.status === 'sent' && r.sentAt ? answerDeadline(r.sentAt) : null,
    updatedAt: r.updatedAt,
  }));
  return { items, counts, page };
}

export type InboxReferral = {
  id: string;
  version: number;
  reference: string;
  status: ReferralStatus;
  serviceName: string;
  organisationName: string;
  teamName: string;
  workerName: string;
  sentAt: Date | null;
  answerBy: Date | null;
  message: string | null;
  shared: SharedRow[];
  choices: ReferralStatus[];
  /** Who to contact about the referral: the link worker who sent it, and their team. */
  contact: ReferralContact;
  /** Each change, who made it (in the provider's words) and any note they left. */
  history: Array<{ at: Date; status: ReferralStatus; reason: string | null; by: string; note: string | null }>;
};

/** Who made a change, as the provider reads it. */
function changedBy(e: { actorKind: ActorKind; actorId: string | null; onBehalf: boolean }, names: Map<string, string>): string {
  const name = (e.actorId && names.get(e.actorId)) || null;
  switch (e.actorKind) {
    case 'system':
      return 'Automatically';
    case 'answer_link':
      return 'Your group, by the link in the email';
    case 'provider':
      return name ?? 'Your group';
    case 'worker':
      return e.onBehalf ? `${name ?? 'The link worker'}, recording what your group said` : (name ?? 'The link worker');
  }
}

export type InboxOpen = { ok: true; referral: InboxReferral } | { ok: false; reason: 'not_found' | 'forbidden' };

/** The provider's next possible answers from a status. */
export function providerChoices(status: ReferralStatus): ReferralStatus[] {
  return providerStatuses.filter((s) => canMove(status, s));
}

/** One referral, if it is to one of the provider's services. Viewing the shared details is audited. */
export async function openInboxReferral(tx: Tx, user: Provider, referralId: string, now: Date = new Date()): Promise<InboxOpen> {
  if (!isUuid(referralId)) return { ok: false, reason: 'not_found' };
  const r = await tx.referral.findUnique({
    where: { id: referralId },
    select: {
      id: true,
      version: true,
      status: true,
      sentAt: true,
      message: true,
      sharedInfo: true,
      case: {
        select: { reference: true, personId: true, team: { select: { name: true, email: true, phone: true } } },
      },
      createdBy: { select: { name: true, email: true } },
      service: { select: { name: true, organisationId: true, organisation: { select: { name: true } } } },
      events: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { createdAt: true, toStatus: true, reason: true, actorId: true, actorKind: true, onBehalf: true, note: true },
      },
    },
  });
  // A draft has not been sent to anyone yet: to a provider it does not exist.
  if (!r || r.status === 'draft') return { ok: false, reason: 'not_found' };
  const orgs = await memberOrganisations(tx, user);
  if (!orgs.includes(r.service.organisationId)) {
    await recordAudit(tx, {
      actor: user,
      action: 'referral.access_refused',
      entityType: 'referral',
      entityId: r.id,
      personId: r.case.personId,
      at: now,
    });
    return { ok: false, reason: 'forbidden' };
  }
  await recordAudit(tx, {
    actor: user,
    action: 'referral.viewed',
    entityType: 'referral',
    entityId: r.id,
    personId: r.case.personId,
    detail: { via: 'inbox' },
    at: now,
  });
  const actorIds = [...new Set(r.events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const names = new Map(
    (await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return {
    ok: true,
    referral: {
      id: r.id,
      version: r.version,
      reference: r.case.reference,
      status: r.status,
      serviceName: r.service.name,
      organisationName: r.service.organisation.name,
      teamName: r.case.team.name,
      workerName: r.createdBy.name,
      sentAt: r.sentAt,
      answerBy: r.status === 'sent' && r.sentAt ? answerDeadline(r.sentAt) : null,
      message: r.message,
      shared: describeSharedInfo(r.sharedInfo),
      choices: providerChoices(r.status),
      contact: referralContactOf(r),
      history: r.events
        .filter((e) => e.toStatus !== 'draft')
        .map((e) => ({
          at: e.createdAt,
          status: e.toStatus,
          reason: e.reason,
          by: changedBy(e, names),
          // The referral's own message shows above; other notes are about answers.
          note: e.toStatus === 'sent' ? null : e.note,
        })),
    },
  };
}

export const providerAnswerInput = z
  .object({
    to: z.enum(providerStatuses, { error: 'Select your answer' }),
    expectedVersion: version(),
    reason: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
    note: optionalText('Your note', 2000),
  })
  .superRefine((v, ctx) => {
    if (v.to === 'declined' && !isDeclineReason(v.reason))
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Select why you cannot take this referral' });
  });
export type ProviderAnswerInput = z.infer<typeof providerAnswerInput>;

export type ProviderAnswerResult =
  { ok: true; status: ReferralStatus } | { ok: false; reason: MoveRefusal | 'forbidden'; current?: ReferralStatus };

const outcomeText: Partial<Record<ReferralStatus, string>> = {
  accepted: 'accepted the referral',
  waitlisted: 'put the person on its waiting list',
  declined: 'said it cannot take the referral',
  attending: 'said the person has started attending',
  did_not_attend: 'said the person did not attend',
  completed: 'said the person has completed the activity',
};

/** The provider answers (or updates) a referral to one of their services. */
export async function answerAsProvider(
  tx: Tx,
  user: Provider,
  referralId: string,
  input: ProviderAnswerInput,
  now: Date = new Date(),
): Promise<ProviderAnswerResult> {
  if (!isUuid(referralId)) return { ok: false, reason: 'not_found' };
  const r = await tx.referral.findUnique({
    where: { id: referralId },
    select: { status: true, case: { select: { personId: true } }, service: { select: { organisationId: true } } },
  });
  if (!r || r.status === 'draft') return { ok: false, reason: 'not_found' };
  const orgs = await memberOrganisations(tx, user);
  if (!orgs.includes(r.service.organisationId)) return { ok: false, reason: 'forbidden' };

  const moved = await moveReferral(
    tx,
    {
      referralId,
      to: input.to,
      expectedVersion: input.expectedVersion,
      actor: { kind: 'provider', userId: user.id },
      reason: input.to === 'declined' ? (input.reason ?? null) : null,
      note: input.note ?? null,
    },
    now,
  );
  if (!moved.ok) return { ok: false, reason: moved.reason, current: moved.current };
  if (moved.from === 'sent') await revokeTokens(tx, { purpose: ANSWER_PURPOSE, subjectId: referralId }, now);

  const full = await tx.referral.findUniqueOrThrow({
    where: { id: referralId },
    select: { id: true, ...workerContactSelect },
  });
  const to = workerContact(full);
  const outcome = outcomeText[input.to];
  if (to && outcome) {
    const rendered = templates.referralAnsweredToWorker({
      workerName: to.name,
      serviceName: full.service.name,
      caseReference: full.case.reference,
      outcome,
      reason: input.to === 'declined' && isDeclineReason(input.reason) ? declineReasonLabel[input.reason] : null,
      caseUrl: urls.case(full.case.id),
      signOff: config.borough.serviceName,
    });
    await enqueueRendered(tx, { recipient: to.email, rendered, payload: { referralId } }, now);
  }
  await recordAudit(tx, {
    actor: user,
    action: 'referral.answered',
    entityType: 'referral',
    entityId: referralId,
    personId: r.case.personId,
    detail: { from: moved.from, to: input.to, via: 'inbox' },
    at: now,
  });
  return { ok: true, status: input.to };
}
