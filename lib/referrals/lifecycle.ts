// The referral lifecycle (PRODUCT.md, "Referral status"): the allowed moves as data, who may make
// each, and the one function that changes Referral.status. Nothing else writes that column.
import { DeclineReason, ReferralStatus } from '../db/generated/enums';
import type { Referral } from '../db/generated/client';
import type { Tx } from '../db/client';

export { ReferralStatus, DeclineReason };

export const referralStatuses = Object.values(ReferralStatus) as ReferralStatus[];
export const declineReasons = Object.values(DeclineReason) as DeclineReason[];

/** Exactly the table in PRODUCT.md. Final statuses map to []. */
export const moves = {
  draft: ['sent', 'withdrawn'],
  sent: ['accepted', 'waitlisted', 'declined', 'withdrawn', 'expired'],
  waitlisted: ['accepted', 'attending', 'declined', 'withdrawn'],
  accepted: ['attending', 'did_not_attend', 'withdrawn'],
  attending: ['completed', 'withdrawn'],
  expired: ['sent'],
  declined: [],
  withdrawn: [],
  did_not_attend: [],
  completed: [],
} as const satisfies Record<ReferralStatus, readonly ReferralStatus[]>;

export const finalStatuses = referralStatuses.filter((s) => moves[s].length === 0);

export function isFinal(status: ReferralStatus): boolean {
  return moves[status].length === 0;
}

export function canMove(from: ReferralStatus, to: ReferralStatus): boolean {
  return (moves[from] as readonly ReferralStatus[]).includes(to);
}

export type ActorKind = 'worker' | 'provider' | 'system' | 'answer_link';

/** Statuses that are the provider's answer; a link worker may record them only on the provider's behalf. */
export const providerStatuses = [
  'accepted',
  'waitlisted',
  'declined',
  'attending',
  'did_not_attend',
  'completed',
] as const satisfies readonly ReferralStatus[];
/** The link worker's own statuses (draft is set when the referral is created). */
export const workerStatuses = ['draft', 'sent', 'withdrawn'] as const satisfies readonly ReferralStatus[];
export const systemStatuses = ['expired'] as const satisfies readonly ReferralStatus[];

const includes = (list: readonly ReferralStatus[], s: ReferralStatus) => list.includes(s);

/**
 * Who may set `to`. A worker recording a provider's answer given by phone must say so (onBehalf);
 * onBehalf means nothing for anyone else, so it is refused rather than silently stored.
 */
export function actorMayMake(kind: ActorKind, to: ReferralStatus, onBehalf = false): boolean {
  switch (kind) {
    case 'provider':
    case 'answer_link':
      return !onBehalf && includes(providerStatuses, to);
    case 'worker':
      return onBehalf ? includes(providerStatuses, to) : includes(workerStatuses, to);
    case 'system':
      return !onBehalf && includes(systemStatuses, to);
  }
}

/** FHIR R4 Task.status (and statusReason where the status alone loses meaning). */
export const fhirTaskStatus = {
  draft: { status: 'draft' },
  sent: { status: 'requested' },
  accepted: { status: 'accepted' },
  declined: { status: 'rejected' },
  withdrawn: { status: 'cancelled' },
  expired: { status: 'cancelled', statusReason: 'expired' },
  waitlisted: { status: 'on-hold' },
  attending: { status: 'in-progress' },
  did_not_attend: { status: 'failed' },
  completed: { status: 'completed' },
} as const satisfies Record<ReferralStatus, { status: string; statusReason?: string }>;

export type FhirTaskStatus = (typeof fhirTaskStatus)[ReferralStatus]['status'];

export function toFhirTaskStatus(status: ReferralStatus): { status: FhirTaskStatus; statusReason?: string } {
  return fhirTaskStatus[status];
}

export function isDeclineReason(value: unknown): value is DeclineReason {
  return typeof value === 'string' && (declineReasons as string[]).includes(value);
}

export type Actor = { kind: ActorKind; userId?: string | null };

export type MoveInput = {
  referralId: string;
  /** The status the user saw; if the referral has moved since, the move is refused. */
  expectedStatus?: ReferralStatus;
  /** The version the user saw, for the same check on any change. */
  expectedVersion?: number;
  to: ReferralStatus;
  actor: Actor;
  /** For a decline, a DeclineReason; otherwise free text kept on the event. */
  reason?: string | null;
  note?: string | null;
  onBehalf?: boolean;
};

export type MoveRefusal = 'not_allowed' | 'changed_since' | 'not_found' | 'forbidden_actor' | 'reason_required';

export type MoveResult =
  { ok: true; referral: Referral; from: ReferralStatus } | { ok: false; reason: MoveRefusal; current?: ReferralStatus };

export type Check = { ok: true } | { ok: false; reason: Exclude<MoveRefusal, 'not_found' | 'changed_since'> };

/** The pure part of a move: transition, actor and reason rules. */
export function checkMove(from: ReferralStatus, input: Pick<MoveInput, 'to' | 'actor' | 'reason' | 'onBehalf'>): Check {
  if (!canMove(from, input.to)) return { ok: false, reason: 'not_allowed' };
  if (!actorMayMake(input.actor.kind, input.to, input.onBehalf ?? false)) return { ok: false, reason: 'forbidden_actor' };
  // A person acts for worker and provider moves; only the system and an answer link have no user.
  if ((input.actor.kind === 'worker' || input.actor.kind === 'provider') && !input.actor.userId) {
    return { ok: false, reason: 'forbidden_actor' };
  }
  if (input.to === 'declined' && !isDeclineReason(input.reason)) return { ok: false, reason: 'reason_required' };
  return { ok: true };
}

/** Column changes that go with arriving at `to` from `from`. */
export function fieldsFor(from: ReferralStatus, to: ReferralStatus, reason: string | null | undefined, now: Date) {
  const data: {
    sentAt?: Date;
    respondedAt?: Date | null;
    reminderSentAt?: Date | null;
    declineReason?: DeclineReason | null;
  } = {};
  if (to === 'sent') {
    // Sent (again): the answer clock starts over.
    data.sentAt = now;
    data.respondedAt = null;
    data.reminderSentAt = null;
    data.declineReason = null;
  }
  if (from === 'sent' && (to === 'accepted' || to === 'waitlisted' || to === 'declined')) data.respondedAt = now;
  if (to === 'declined') data.declineReason = reason as DeclineReason;
  return data;
}

/**
 * The only way Referral.status changes. Reads the current status, checks the move and the actor,
 * updates guarded by the status it read (zero rows means someone else moved it first), and writes
 * the event, all in the caller's transaction.
 */
export async function moveReferral(tx: Tx, input: MoveInput, now: Date = new Date()): Promise<MoveResult> {
  const current = await tx.referral.findUnique({ where: { id: input.referralId }, select: { status: true, version: true } });
  if (!current) return { ok: false, reason: 'not_found' };
  if (input.expectedStatus !== undefined && input.expectedStatus !== current.status) {
    return { ok: false, reason: 'changed_since', current: current.status };
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    return { ok: false, reason: 'changed_since', current: current.status };
  }
  const check = checkMove(current.status, input);
  if (!check.ok) return { ok: false, reason: check.reason, current: current.status };

  const updated = await tx.referral.updateManyAndReturn({
    where: { id: input.referralId, status: current.status, version: current.version },
    data: { status: input.to, version: { increment: 1 }, ...fieldsFor(current.status, input.to, input.reason, now) },
  });
  if (updated.length === 0) return { ok: false, reason: 'changed_since' };

  await tx.referralEvent.create({
    data: {
      referralId: input.referralId,
      fromStatus: current.status,
      toStatus: input.to,
      actorId: input.actor.userId ?? null,
      actorKind: input.actor.kind,
      onBehalf: input.onBehalf ?? false,
      reason: input.reason ?? null,
      note: input.note ?? null,
      createdAt: now,
    },
  });
  return { ok: true, referral: updated[0], from: current.status };
}

/** Plain-English status names for pages and messages. */
export const statusLabel: Record<ReferralStatus, string> = {
  draft: 'Draft',
  sent: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'No answer in time',
  waitlisted: 'On the waiting list',
  attending: 'Attending',
  did_not_attend: 'Did not attend',
  completed: 'Completed',
};

export const declineReasonLabel: Record<DeclineReason, string> = {
  full: 'We are full',
  not_eligible: 'They are not eligible',
  not_suitable: 'The activity is not right for them',
  could_not_contact: 'We could not contact them',
  other: 'Another reason',
};

export const refusalMessage: Record<MoveRefusal, string> = {
  not_allowed: 'This referral cannot move to that status from where it is now.',
  changed_since: 'This referral changed since you opened it. Check its status and try again.',
  not_found: 'This referral could not be found.',
  forbidden_actor: 'You cannot make this change to the referral.',
  reason_required: 'Select a reason for declining.',
};
