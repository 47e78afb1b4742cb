// The case timeline: everything that happened, newest first, as plain entries. Pure.
import type {
  CaseEventKind,
  CaseOutcome,
  ConsentScope,
  ContactAttemptOutcome,
  ReferralStatus,
  UnmetNeedReason,
  ActorKind,
} from '@/lib/db/generated/enums';
import {
  consentScopeLabels,
  contactAttemptLabels,
  conversationTypeLabels,
  isCaseOutcome,
  outcomeLabels,
  unmetNeedReasonLabels,
} from './labels';
import { declineReasonLabel, isDeclineReason, statusLabel } from '@/lib/referrals/lifecycle';

export type TimelineEntry = {
  id: string;
  at: Date;
  kind:
    | 'received'
    | 'triaged'
    | 'assigned'
    | 'conversation'
    | 'referral'
    | 'unmet_need'
    | 'safeguarding'
    | 'consent'
    | 'contact_attempt'
    | 'reassigned'
    | 'closed'
    | 'reopened';
  title: string;
  detail?: string;
  by?: string | null;
  /** Where the full record is on the page. */
  anchor?: string;
};

type Names = (id: string | null | undefined) => string | null;

export type TimelineFacts = {
  receivedAt: Date;
  sourceLabel: string;
  triagedAt: Date | null;
  triagedById: string | null;
  rag: string | null;
  assignedAt: Date | null;
  assignedWorkerId: string | null;
  assignedById: string | null;
  closedAt: Date | null;
  closedById: string | null;
  outcome: CaseOutcome | null;
  conversations: Array<{
    id: string;
    occurredAt: Date;
    type: keyof typeof conversationTypeLabels;
    workerId: string;
    isClosing: boolean;
    supersedesId: string | null;
    superseded: boolean;
  }>;
  referrals: Array<{
    id: string;
    serviceName: string;
    events: Array<{
      id: string;
      createdAt: Date;
      fromStatus: ReferralStatus | null;
      toStatus: ReferralStatus;
      actorId: string | null;
      actorKind: ActorKind;
      onBehalf: boolean;
      reason: string | null;
    }>;
  }>;
  unmetNeeds: Array<{ id: string; recordedAt: Date; themeName: string; reason: UnmetNeedReason; recordedById: string | null }>;
  safeguarding: Array<{ id: string; raisedAt: Date; referredToLabel: string; raisedById: string }>;
  consents: Array<{
    id: string;
    scope: ConsentScope;
    givenAt: Date;
    recordedById: string | null;
    withdrawnAt: Date | null;
    withdrawnById: string | null;
  }>;
  /** Reassignments and reopenings, with their reasons. */
  events: Array<{
    id: string;
    kind: CaseEventKind;
    createdAt: Date;
    actorId: string | null;
    fromWorkerId: string | null;
    toWorkerId: string | null;
    reason: string | null;
    /** Reopened: how the case had closed. */
    detail: unknown;
  }>;
  contactAttempts: Array<{ id: string; createdAt: Date; userId: string; outcome: ContactAttemptOutcome }>;
};

/** How a reopened case had closed, as the reopening kept it. */
function earlierClosing(detail: unknown): { at: Date; byId: string | null; outcome: CaseOutcome | null } | null {
  if (!detail || typeof detail !== 'object') return null;
  const d = detail as Record<string, unknown>;
  if (typeof d.closedAt !== 'string') return null;
  return {
    at: new Date(d.closedAt),
    byId: typeof d.closedById === 'string' ? d.closedById : null,
    outcome: isCaseOutcome(d.outcome) ? d.outcome : null,
  };
}

const referralVerb: Record<ReferralStatus, string> = {
  draft: 'Referral started',
  sent: 'Referral sent',
  accepted: 'Referral accepted',
  declined: 'Referral declined',
  withdrawn: 'Referral withdrawn',
  expired: 'No answer in time: referral expired',
  waitlisted: 'Put on the waiting list',
  attending: 'Started attending',
  did_not_attend: 'Did not attend',
  completed: 'Completed the activity',
};

function actorText(kind: ActorKind, actorId: string | null, onBehalf: boolean, names: Names): string | null {
  if (kind === 'system') return 'Automatically';
  if (kind === 'answer_link') return 'The provider, by the link in their email';
  const name = names(actorId);
  if (onBehalf) return `${name ?? 'A link worker'}, recording what the provider said`;
  return name;
}

/** Who the case was first given to, before any move or reopening. */
function firstWorker(f: TimelineFacts): string | null {
  const first = [...f.events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  return first ? first.fromWorkerId : f.assignedWorkerId;
}

export function buildTimeline(f: TimelineFacts, names: Names): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  out.push({ id: 'received', at: f.receivedAt, kind: 'received', title: 'Referral received', detail: f.sourceLabel });
  if (f.triagedAt)
    out.push({
      id: 'triaged',
      at: f.triagedAt,
      kind: 'triaged',
      title: 'Triaged',
      detail: f.rag ? `Rated ${f.rag}` : undefined,
      by: names(f.triagedById),
    });
  if (f.assignedAt)
    out.push({
      id: 'assigned',
      at: f.assignedAt,
      kind: 'assigned',
      // To whoever had it first: later moves are entries of their own.
      title: `Assigned to ${names(firstWorker(f)) ?? 'a link worker'}`,
      by: names(f.assignedById),
    });
  for (const c of f.conversations) {
    const title = c.isClosing ? 'Closing conversation' : c.supersedesId ? 'Conversation corrected' : 'Conversation';
    out.push({
      id: `conversation-${c.id}`,
      at: c.occurredAt,
      kind: 'conversation',
      title: c.superseded ? `${title} (superseded by a correction)` : title,
      detail: conversationTypeLabels[c.type],
      by: names(c.workerId),
      anchor: `conversation-${c.id}`,
    });
  }
  for (const r of f.referrals) {
    for (const e of r.events) {
      const reason =
        e.toStatus === 'declined' && isDeclineReason(e.reason) ? `: ${declineReasonLabel[e.reason].toLowerCase()}` : '';
      out.push({
        id: `referral-event-${e.id}`,
        at: e.createdAt,
        kind: 'referral',
        title: `${referralVerb[e.toStatus]}: ${r.serviceName}`,
        detail: `${statusLabel[e.toStatus]}${reason}`,
        by: actorText(e.actorKind, e.actorId, e.onBehalf, names),
        anchor: `referral-${r.id}`,
      });
    }
  }
  for (const u of f.unmetNeeds) {
    out.push({
      id: `unmet-${u.id}`,
      at: u.recordedAt,
      kind: 'unmet_need',
      title: `Unmet need recorded: ${u.themeName}`,
      detail: unmetNeedReasonLabels[u.reason],
      by: names(u.recordedById),
      anchor: 'unmet-need',
    });
  }
  for (const s of f.safeguarding) {
    out.push({
      id: `safeguarding-${s.id}`,
      at: s.raisedAt,
      kind: 'safeguarding',
      title: 'Safeguarding concern raised',
      detail: `Referred to the ${s.referredToLabel.charAt(0).toLowerCase()}${s.referredToLabel.slice(1)}`,
      by: names(s.raisedById),
      anchor: 'safeguarding',
    });
  }
  for (const c of f.consents) {
    out.push({
      id: `consent-${c.id}`,
      at: c.givenAt,
      kind: 'consent',
      title: 'Agreement recorded',
      detail: consentScopeLabels[c.scope],
      by: names(c.recordedById),
      anchor: 'consent',
    });
    if (c.withdrawnAt) {
      out.push({
        id: `consent-withdrawn-${c.id}`,
        at: c.withdrawnAt,
        kind: 'consent',
        title: 'Agreement withdrawn',
        detail: consentScopeLabels[c.scope],
        by: names(c.withdrawnById),
        anchor: 'consent',
      });
    }
  }
  for (const a of f.contactAttempts) {
    out.push({
      id: `attempt-${a.id}`,
      at: a.createdAt,
      kind: 'contact_attempt',
      title: 'Tried to contact them',
      detail: contactAttemptLabels[a.outcome],
      by: names(a.userId),
    });
  }
  for (const e of f.events) {
    if (e.kind === 'reassigned') {
      out.push({
        id: `event-${e.id}`,
        at: e.createdAt,
        kind: 'reassigned',
        title: `Moved from ${names(e.fromWorkerId) ?? 'a link worker'} to ${names(e.toWorkerId) ?? 'a link worker'}`,
        detail: e.reason ?? undefined,
        by: names(e.actorId),
      });
      continue;
    }
    const closing = earlierClosing(e.detail);
    if (closing) {
      out.push({
        id: `closed-${e.id}`,
        at: closing.at,
        kind: 'closed',
        title: 'Case closed',
        detail: closing.outcome ? outcomeLabels[closing.outcome] : undefined,
        by: names(closing.byId),
      });
    }
    out.push({
      id: `event-${e.id}`,
      at: e.createdAt,
      kind: 'reopened',
      title: `Case reopened, with ${names(e.toWorkerId) ?? 'a link worker'}`,
      detail: e.reason ?? undefined,
      by: names(e.actorId),
    });
  }
  if (f.closedAt)
    out.push({
      id: 'closed',
      at: f.closedAt,
      kind: 'closed',
      title: 'Case closed',
      detail: f.outcome ? outcomeLabels[f.outcome] : undefined,
      by: names(f.closedById),
    });
  const rank: Record<TimelineEntry['kind'], number> = {
    received: 0,
    triaged: 1,
    assigned: 2,
    consent: 3,
    contact_attempt: 4,
    conversation: 5,
    referral: 6,
    unmet_need: 7,
    safeguarding: 8,
    reassigned: 9,
    closed: 10,
    reopened: 11,
  };
  return out.sort((a, b) => b.at.getTime() - a.at.getTime() || rank[b.kind] - rank[a.kind] || b.id.localeCompare(a.id));
}
