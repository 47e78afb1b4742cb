// What a coordinator decides about a new referral: its rating, who takes it, or that it was
// resolved at first contact by signposting; and any safeguarding concern they raise.
//
// Every change is guarded by the version the coordinator saw (optimistic concurrency): the update
// matches `WHERE id = ? AND version = ?` and bumps the version, so of two coordinators acting on the
// same referral one wins and the other is told, with nothing of theirs written.
import { recordAudit } from '@/lib/audit/record';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import type { Rag } from '@/lib/db/generated/client';
import { queueCaseOutcome } from '@/lib/cases/gp-outcome';
import { raiseConcern } from '@/lib/cases/safeguarding';
import { routeFor, sendDetailsRefusalMessage, sendServiceDetails } from '@/lib/cases/service-details';
import { signpostableSql } from './services';
import type { AssignInput, RateInput, SafeguardingInput, SignpostInput } from './schema';

export type TriageActor = Pick<SessionUser, 'id' | 'role' | 'teamId' | 'organisationIds'>;

export type DecisionRefusal =
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'forbidden' }
  /** Someone else changed the referral since the version given. */
  | { ok: false; reason: 'conflict' }
  /** Already assigned or closed: no longer waiting for triage. */
  | { ok: false; reason: 'not_waiting' }
  | { ok: false; reason: 'invalid'; field: string; message: string };

export type DecisionResult = { ok: true; caseId: string; reference: string; version: number } | DecisionRefusal;

type CaseFacts = {
  id: string;
  reference: string;
  teamId: string;
  personId: string;
  version: number;
  status: 'received' | 'triaged' | 'active' | 'closed';
  rag: Rag | null;
  assignedWorkerId: string | null;
  closedAt: Date | null;
  triagedAt: Date | null;
  triagedById: string | null;
  firstContactAt: Date | null;
};

const factsSelect = {
  id: true,
  reference: true,
  teamId: true,
  personId: true,
  version: true,
  status: true,
  rag: true,
  assignedWorkerId: true,
  closedAt: true,
  triagedAt: true,
  triagedById: true,
  firstContactAt: true,
} as const;

/** Waiting for triage: new, or rated but nobody assigned, and not closed. */
export function isWaiting(c: Pick<CaseFacts, 'status' | 'assignedWorkerId' | 'closedAt'>): boolean {
  return (c.status === 'received' || c.status === 'triaged') && c.assignedWorkerId === null && c.closedAt === null;
}

const waitingWhere = { status: { in: ['received' as const, 'triaged' as const] }, assignedWorkerId: null, closedAt: null };

/** Loads the case and checks the actor may triage it and that it is as they saw it. */
async function prepare(
  tx: Tx,
  actor: TriageActor,
  caseId: string,
  expectedVersion: number,
): Promise<{ ok: true; c: CaseFacts } | DecisionRefusal> {
  const c = await tx.case.findUnique({ where: { id: caseId }, select: factsSelect });
  if (!c) return { ok: false, reason: 'not_found' };
  if (!can(actor as SessionUser, 'triage.manage', { kind: 'case', teamId: c.teamId })) return { ok: false, reason: 'forbidden' };
  if (c.version !== expectedVersion) return { ok: false, reason: 'conflict' };
  if (!isWaiting(c)) return { ok: false, reason: 'not_waiting' };
  return { ok: true, c };
}

/** After a guarded update matched nothing: tell "changed under you" from "gone". */
async function whyNoUpdate(tx: Tx, caseId: string): Promise<DecisionRefusal> {
  const now = await tx.case.findUnique({ where: { id: caseId }, select: { id: true } });
  return now ? { ok: false, reason: 'conflict' } : { ok: false, reason: 'not_found' };
}

/**
 * The guarded write of a rating or an assignment: the case is still as the coordinator saw it and
 * still waiting, and the first decision about it is when it was triaged.
 */
async function triageUpdate(
  tx: Tx,
  actor: TriageActor,
  c: CaseFacts,
  now: Date,
  data: { rag?: Rag; ragReason?: string; assignedWorkerId?: string; assignedAt?: Date; assignedById?: string },
  action: 'case.rated' | 'case.assigned',
  detail: Record<string, unknown>,
): Promise<DecisionResult> {
  const updated = await tx.case.updateMany({
    where: { id: c.id, version: c.version, ...waitingWhere },
    data: {
      ...data,
      status: 'triaged',
      triagedAt: c.triagedAt ?? now,
      triagedById: c.triagedById ?? actor.id,
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) return whyNoUpdate(tx, c.id);
  await recordAudit(tx, { actor, action, entityType: 'case', entityId: c.id, personId: c.personId, detail, at: now });
  return { ok: true, caseId: c.id, reference: c.reference, version: c.version + 1 };
}

/** Sets (or changes) the RAG rating, with its reason. The first rating is when the case was triaged. */
export async function rateReferral(
  tx: Tx,
  actor: TriageActor,
  input: RateInput,
  now: Date = new Date(),
): Promise<DecisionResult> {
  const ready = await prepare(tx, actor, input.caseId, input.version);
  if (!ready.ok) return ready;
  const { c } = ready;
  return triageUpdate(tx, actor, c, now, { rag: input.rag, ragReason: input.ragReason }, 'case.rated', {
    rag: input.rag,
    previousRag: c.rag,
  });
}

/** Gives the referral to a link worker of the case's team. It must be rated first. */
export async function assignReferral(
  tx: Tx,
  actor: TriageActor,
  input: AssignInput,
  now: Date = new Date(),
): Promise<DecisionResult> {
  const ready = await prepare(tx, actor, input.caseId, input.version);
  if (!ready.ok) return ready;
  const { c } = ready;
  if (c.rag === null)
    return { ok: false, reason: 'invalid', field: 'workerId', message: 'Rate the referral before you assign it' };
  const worker = await tx.user.findFirst({
    where: { id: input.workerId, teamId: c.teamId, role: 'link_worker', active: true },
    select: { id: true },
  });
  if (!worker) return { ok: false, reason: 'invalid', field: 'workerId', message: 'Select a link worker in this team' };
  return triageUpdate(
    tx,
    actor,
    c,
    now,
    { assignedWorkerId: worker.id, assignedAt: now, assignedById: actor.id },
    'case.assigned',
    { workerId: worker.id, rag: c.rag },
  );
}

/**
 * Resolved at first contact: the coordinator spoke to the person and suggested services. The
 * suggestions are recorded as Signpost rows and the contact as a closing conversation; the case
 * closes with the outcome "signposted at first contact", first contact and closing both now, so it
 * counts in the reports. The person is sent the services' details if the coordinator chose a way
 * to send them, and the referrer (and GP practice, where the person agreed) hear the outcome.
 */
export async function signpostReferral(
  tx: Tx,
  actor: TriageActor,
  input: SignpostInput,
  now: Date = new Date(),
): Promise<DecisionResult> {
  const ready = await prepare(tx, actor, input.caseId, input.version);
  if (!ready.ok) return ready;
  const { c } = ready;
  const ids = [...new Set(input.serviceIds)];
  // Only what could be suggested now: a listing that left search since the page was drawn is refused.
  const services = await tx.$queryRaw<Array<{ id: string; name: string; organisation: { name: string } }>>`
    SELECT s.id, s.name, json_build_object('name', o.name) AS organisation
    FROM "Service" s JOIN "Organisation" o ON o.id = s."organisationId"
    WHERE s.id = ANY(${ids}::uuid[]) AND ${signpostableSql(now)}
    ORDER BY s.name ASC`;
  if (services.length !== ids.length) {
    return {
      ok: false,
      reason: 'invalid',
      field: 'serviceIds',
      message: 'One of the services is no longer listed. Choose again',
    };
  }
  const sendTo = input.sendTo ?? 'none';
  if (sendTo !== 'none') {
    const sendable = await routeFor(tx, c.personId, sendTo, now);
    if (!sendable.ok)
      return { ok: false, reason: 'invalid', field: 'sendTo', message: sendDetailsRefusalMessage[sendable.reason] };
  }
  const updated = await tx.case.updateMany({
    where: { id: c.id, version: c.version, ...waitingWhere },
    data: {
      status: 'closed',
      outcome: 'signposted_first_contact',
      outcomeNote: input.note ?? null,
      firstContactAt: c.firstContactAt ?? now,
      closedAt: now,
      closedById: actor.id,
      triagedAt: c.triagedAt ?? now,
      triagedById: c.triagedById ?? actor.id,
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) return whyNoUpdate(tx, c.id);
  await tx.signpost.createMany({
    data: services.map((s) => ({ caseId: c.id, serviceId: s.id, createdById: actor.id, createdAt: now })),
  });
  const suggested = services.map((s) => `${s.name} (${s.organisation.name})`).join('; ');
  await tx.conversation.create({
    data: {
      caseId: c.id,
      workerId: actor.id,
      occurredAt: now,
      type: 'listen_connect',
      actions: [`Signposted at first contact to: ${suggested}.`, input.note ?? null].filter(Boolean).join('\n'),
      isClosing: true,
      createdAt: now,
    },
  });
  await recordAudit(tx, {
    actor,
    action: 'case.signposted',
    entityType: 'case',
    entityId: c.id,
    personId: c.personId,
    detail: { serviceIds: services.map((s) => s.id), outcome: 'signposted_first_contact' },
    at: now,
  });
  if (sendTo !== 'none') {
    const serviceIds = ids.filter((id) => services.some((s) => s.id === id));
    await sendServiceDetails(
      tx,
      actor,
      { caseId: c.id, reference: c.reference, personId: c.personId, serviceIds, channel: sendTo },
      now,
    );
  }
  await queueCaseOutcome(tx, actor, c.id, now);
  return { ok: true, caseId: c.id, reference: c.reference, version: c.version + 1 };
}

export type SafeguardingResult =
  { ok: true; id: string; caseId: string } | Exclude<DecisionRefusal, { reason: 'conflict' | 'not_waiting' }>;

/** Records a safeguarding concern from the triage page: the same record as the case page's, for the team's coordinators. */
export async function raiseSafeguardingConcern(
  tx: Tx,
  actor: TriageActor,
  input: SafeguardingInput,
  now: Date = new Date(),
): Promise<SafeguardingResult> {
  return raiseConcern(tx, actor, input.caseId, input, now, 'triage.manage');
}
