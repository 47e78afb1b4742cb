// Answering a referral without signing in: the provider's e-mail carries two single-use links
// ("Accept", "Can't take this"); each opens a confirmation page and the answer is made there.
import { recordAudit } from '../audit/record';
import type { Db, Tx } from '../db/client';
import { config } from '../config';
import { enqueueRendered, templates } from '../notify';
import { consumeToken, createToken, peekToken, revokeTokens } from '../tokens';
import { canMove, declineReasonLabel, isDeclineReason, moveReferral, type MoveRefusal, type ReferralStatus } from './lifecycle';
import { describeSharedInfo, referralContactOf, type ReferralContact, type SharedRow } from './shared-info';
import { urls } from './urls';

export const ANSWER_PURPOSE = 'referral.answer';

export type LinkKind = 'accept' | 'decline';
export type LinkAnswer = 'accepted' | 'waitlisted' | 'declined';

const DAY = 86_400_000;

/** What each link may do: "Accept" also allows "onto our waiting list"; "Can't take this" declines. */
export function answersFor(kind: LinkKind): LinkAnswer[] {
  return kind === 'accept' ? ['accepted', 'waitlisted'] : ['declined'];
}

/** Answers still possible from the referral's current status through this link. */
export function choicesFor(kind: LinkKind, status: ReferralStatus): LinkAnswer[] {
  return answersFor(kind).filter((a) => canMove(status, a));
}

/** When an unanswered referral expires, and so when its links stop working. */
export function answerDeadline(sentAt: Date): Date {
  return new Date(sentAt.getTime() + config.referrals.expireAfterDays * DAY);
}

function linkKind(payload: Record<string, unknown>): LinkKind | null {
  return payload.answer === 'accept' || payload.answer === 'decline' ? payload.answer : null;
}

export async function issueAnswerLinks(
  tx: Tx,
  referralId: string,
  expiresAt: Date,
): Promise<{ acceptUrl: string; declineUrl: string }> {
  const accept = await createToken(tx, {
    purpose: ANSWER_PURPOSE,
    subjectId: referralId,
    payload: { answer: 'accept' },
    expiresAt,
  });
  const decline = await createToken(tx, {
    purpose: ANSWER_PURPOSE,
    subjectId: referralId,
    payload: { answer: 'decline' },
    expiresAt,
  });
  return { acceptUrl: urls.answer(accept.raw), declineUrl: urls.answer(decline.raw) };
}

const referralForMessages = {
  service: { select: { name: true, email: true, organisation: { select: { name: true, email: true } } } },
  case: {
    select: {
      id: true,
      reference: true,
      personId: true,
      team: { select: { name: true, email: true, phone: true } },
      assignedWorker: { select: { name: true, email: true, active: true } },
    },
  },
  createdBy: { select: { name: true, email: true, active: true } },
} as const;

type ReferralForMessages = NonNullable<Awaited<ReturnType<typeof loadForMessages>>>;

function loadForMessages(tx: Tx, referralId: string) {
  return tx.referral.findUnique({ where: { id: referralId }, include: referralForMessages });
}

export function providerAddress(r: Pick<ReferralForMessages, 'service'>): string | null {
  return r.service.email?.trim() || r.service.organisation.email?.trim() || null;
}

/** What `workerContact` reads, for a referral query's select. */
export const workerContactSelect = {
  service: { select: { name: true } },
  case: {
    select: {
      id: true,
      reference: true,
      team: { select: { name: true, email: true } },
      assignedWorker: { select: { name: true, email: true, active: true } },
    },
  },
  createdBy: { select: { name: true, email: true, active: true } },
} as const;

/** The link worker now looking after the person, or the one who sent the referral, or their team. */
type PersonContact = { name: string; email: string | null; active: boolean };
export function workerContact(r: {
  case: { assignedWorker: PersonContact | null; team: { name: string; email: string | null } };
  createdBy: PersonContact;
}): { name: string; email: string } | null {
  const worker = r.case.assignedWorker?.active ? r.case.assignedWorker : r.createdBy.active ? r.createdBy : null;
  if (worker?.email) return { name: worker.name, email: worker.email };
  if (r.case.team.email) return { name: r.case.team.name, email: r.case.team.email };
  return null;
}

/**
 * Queues the provider's e-mail (new referral or reminder) with fresh answer links. Without an
 * address nothing is queued: the referral still waits in the provider's inbox.
 */
export async function notifyProviderOfReferral(
  tx: Tx,
  referralId: string,
  kind: 'new' | 'reminder',
  now: Date = new Date(),
): Promise<{ notified: boolean; notificationId?: string }> {
  const r = await loadForMessages(tx, referralId);
  if (!r || r.status !== 'sent' || !r.sentAt) return { notified: false };
  const recipient = providerAddress(r);
  if (!recipient) return { notified: false };
  const answerBy = answerDeadline(r.sentAt);
  const links = await issueAnswerLinks(tx, r.id, answerBy.getTime() > now.getTime() ? answerBy : new Date(now.getTime() + DAY));
  const common = {
    serviceName: r.service.name,
    teamName: r.case.team.name,
    ...links,
    answerBy,
    inboxUrl: urls.providerInbox(),
    signOff: config.borough.serviceName,
  };
  const rendered =
    kind === 'new' ? templates.referralToProvider(common) : templates.referralReminder({ ...common, sentAt: r.sentAt });
  const { id } = await enqueueRendered(tx, { recipient, rendered, payload: { referralId: r.id } }, now);
  return { notified: true, notificationId: id };
}

export type AnswerView = {
  referralId: string;
  reference: string;
  kind: LinkKind;
  status: ReferralStatus;
  choices: LinkAnswer[];
  serviceName: string;
  organisationName: string;
  teamName: string;
  workerName: string;
  sentAt: Date | null;
  answerBy: Date;
  message: string | null;
  shared: SharedRow[];
  contact: ReferralContact;
};

export type AnswerPage = { ok: true; view: AnswerView } | { ok: false };

/**
 * What the confirmation page shows, without using the link. Showing the shared details is a view
 * of the person's information, so it is audited (by link: there is no signed-in user).
 */
export async function loadAnswerPage(tx: Tx, raw: string, now: Date = new Date()): Promise<AnswerPage> {
  const token = await peekToken(tx, raw, ANSWER_PURPOSE, now);
  const kind = token && linkKind(token.payload);
  if (!token || !kind) return { ok: false };
  const r = await loadForMessages(tx, token.subjectId);
  if (!r) return { ok: false };
  await recordAudit(tx, {
    actor: null,
    action: 'referral.viewed_by_link',
    entityType: 'referral',
    entityId: r.id,
    personId: r.case.personId,
    detail: { via: 'answer_link', link: kind, linkId: token.id },
    at: now,
  });
  return {
    ok: true,
    view: {
      referralId: r.id,
      reference: r.case.reference,
      kind,
      status: r.status,
      choices: choicesFor(kind, r.status),
      serviceName: r.service.name,
      organisationName: r.service.organisation.name,
      teamName: r.case.team.name,
      workerName: r.createdBy.name,
      sentAt: r.sentAt,
      answerBy: token.expiresAt,
      message: r.message,
      shared: describeSharedInfo(r.sharedInfo),
      contact: referralContactOf(r),
    },
  };
}

export type AnswerInput = { answer: LinkAnswer; reason?: string | null; note?: string | null };

export type AnswerResult =
  { ok: true; status: LinkAnswer; serviceName: string } | { ok: false; reason: 'link_unusable' | 'wrong_answer' | MoveRefusal };

class Undo extends Error {
  constructor(readonly result: AnswerResult) {
    super('undo');
  }
}

const outcomeText: Record<LinkAnswer, string> = {
  accepted: 'accepted the referral',
  waitlisted: 'put the person on its waiting list',
  declined: 'said it cannot take the referral',
};

/**
 * Uses the link and makes the answer, in one transaction: if the answer cannot be made (the link
 * is for something else, the referral moved on), the link is left as it was and nothing changes.
 */
export async function answerByLink(db: Db, raw: string, input: AnswerInput, now: Date = new Date()): Promise<AnswerResult> {
  if (input.answer === 'declined' && !isDeclineReason(input.reason)) return { ok: false, reason: 'reason_required' };
  // The form refuses a note over its limit with a message; it is never cut here.
  const note = input.note?.trim() ? input.note.trim() : null;
  try {
    return await db.$transaction(async (tx) => {
      // Lock the referral before any of its links: two links for one referral used at once then
      // queue up here instead of each holding a link the other's revoke needs (a deadlock).
      const seen = await peekToken(tx, raw, ANSWER_PURPOSE, now);
      if (!seen) return { ok: false, reason: 'link_unusable' } as const;
      await tx.$queryRaw`SELECT id FROM "Referral" WHERE id = ${seen.subjectId}::uuid FOR UPDATE`;
      const token = await consumeToken(tx, raw, ANSWER_PURPOSE, now);
      if (!token) return { ok: false, reason: 'link_unusable' } as const;
      const kind = linkKind(token.payload);
      if (!kind || !answersFor(kind).includes(input.answer)) throw new Undo({ ok: false, reason: 'wrong_answer' });

      const moved = await moveReferral(
        tx,
        {
          referralId: token.subjectId,
          to: input.answer,
          actor: { kind: 'answer_link' },
          reason: input.answer === 'declined' ? input.reason : null,
          note,
        },
        now,
      );
      if (!moved.ok) throw new Undo({ ok: false, reason: moved.reason });

      // The other link in the same e-mail (and any reminder's) must not answer again.
      await revokeTokens(tx, { purpose: ANSWER_PURPOSE, subjectId: token.subjectId }, now);

      const r = await loadForMessages(tx, token.subjectId);
      const to = r && workerContact(r);
      if (r && to) {
        const rendered = templates.referralAnsweredToWorker({
          workerName: to.name,
          serviceName: r.service.name,
          caseReference: r.case.reference,
          outcome: outcomeText[input.answer],
          reason: input.answer === 'declined' && isDeclineReason(input.reason) ? declineReasonLabel[input.reason] : null,
          caseUrl: urls.case(r.case.id),
          signOff: config.borough.serviceName,
        });
        await enqueueRendered(tx, { recipient: to.email, rendered, payload: { referralId: r.id } }, now);
      }
      return { ok: true, status: input.answer, serviceName: r?.service.name ?? '' } as const;
    });
  } catch (error) {
    if (error instanceof Undo) return error.result;
    throw error;
  }
}
