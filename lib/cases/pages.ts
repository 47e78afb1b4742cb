// What each case page loads. Every one opens the case first, which checks access and records the
// view of the person's record (in its own transaction), then reads what that page needs.
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import type { Db } from '@/lib/db/client';
import { isUuid } from '@/lib/forms';
import { messageRoute } from '@/lib/notify/route';
import { hasActiveConsent, withdrawalPreview } from './consent';
import { couldNotContactFacts } from './could-not-contact';
import { loadOutcomeFacts, outcomeRecipients } from './gp-outcome';
import { teamWorkerLoads } from './workers';
import { openStatuses } from './refer-out';
import { sendRoutes } from './service-details';
import { needThemes } from './needs';
import { openCase, openCaseSummary } from './view';

/** The case page, with the recent history or (`history: 'all'`) all of it. */
export function loadCasePage(database: Db, user: SessionUser, caseId: string, history: 'recent' | 'all') {
  return database.$transaction((tx) => openCase(tx, user, caseId, new Date(), { history }));
}

/** The case's heading facts for a page that acts on it; `purpose` says why in the audit. */
export function loadCaseSummary(database: Db, user: SessionUser, caseId: string, purpose: string) {
  return database.$transaction((tx) => openCaseSummary(tx, user, caseId, purpose));
}

/** Closing a case: with how many referrals are still open, and who will be told the outcome. */
export async function loadCloseCasePage(database: Db, user: SessionUser, caseId: string) {
  const opened = await loadCaseSummary(database, user, caseId, 'close_case');
  if (!opened.ok) return opened;
  const [openReferrals, facts] = await Promise.all([
    database.referral.count({ where: { caseId: opened.summary.id, status: { in: [...openStatuses] } } }),
    loadOutcomeFacts(database, opened.summary.id),
  ]);
  return { ...opened, openReferrals, told: facts ? outcomeRecipients(facts) : null };
}

/** Recording an agreement: with the organisations an agreement to share can name. */
export async function loadConsentPage(database: Db, user: SessionUser, caseId: string) {
  const opened = await loadCaseSummary(database, user, caseId, 'record_consent');
  if (!opened.ok) return opened;
  const organisations = await database.organisation.findMany({
    where: { status: 'approved' },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true },
  });
  return { ...opened, organisations };
}

/** Changing the person's contact details: with the details as they are. */
export async function loadPersonDetailsPage(database: Db, user: SessionUser, caseId: string) {
  const opened = await loadCaseSummary(database, user, caseId, 'change_person');
  if (!opened.ok) return opened;
  const person = await database.person.findUniqueOrThrow({
    where: { id: opened.summary.person.id },
    select: {
      version: true,
      name: true,
      phone: true,
      email: true,
      preferredContact: true,
      contactNotes: true,
      postcode: true,
      anonymisedAt: true,
    },
  });
  return { ...opened, person };
}

/**
 * Recording a conversation, or correcting one (`corrects`: the conversation's id): with the needs
 * themes and the conversation corrected. A conversation not of this case is not found.
 */
export async function loadConversationPage(database: Db, user: SessionUser, caseId: string, corrects: string | null) {
  const opened = await loadCaseSummary(database, user, caseId, corrects ? 'correct_conversation' : 'record_conversation');
  if (!opened.ok) return opened;
  const needs = await needThemes(database);
  if (!corrects) return { ...opened, needs, corrected: null };
  const corrected = await database.conversation.findFirst({
    where: { id: corrects, caseId: opened.summary.id },
    include: { needs: { select: { termId: true } }, supersededBy: { select: { id: true } } },
  });
  if (!corrected) return { ok: false as const, reason: 'not_found' as const };
  return { ...opened, needs, corrected };
}

/**
 * Recording unmet need, perhaps because a provider declined a referral (`referralId`): with the
 * needs themes and that referral. A referral not of this case is not found.
 */
export async function loadUnmetNeedPage(database: Db, user: SessionUser, caseId: string, referralId: string | undefined) {
  const opened = await loadCaseSummary(database, user, caseId, 'record_unmet_need');
  if (!opened.ok) return opened;
  const themes = await needThemes(database);
  if (!referralId) return { ...opened, themes, declined: null };
  const declined = await database.referral.findFirst({
    where: { id: referralId, caseId: opened.summary.id },
    select: {
      declineReason: true,
      service: { select: { name: true, taxonomyTerms: { select: { term: { select: { id: true, parentId: true } } } } } },
      case: { select: { needs: { select: { termId: true } } } },
    },
  });
  if (!declined) return { ok: false as const, reason: 'not_found' as const };
  return { ...opened, themes, declined };
}

/**
 * Sending the person details of services: where their record lets a message go, whether they
 * agree to be contacted, and the services already part of the case (its referrals and the
 * services suggested at first contact), published ones only.
 */
export async function loadSendDetailsPage(database: Db, user: SessionUser, caseId: string) {
  const opened = await loadCaseSummary(database, user, caseId, 'send_service_details');
  if (!opened.ok) return opened;
  const personId = opened.summary.person.id;
  const [routes, person, consents, caseServices] = await Promise.all([
    sendRoutes(database, personId),
    database.person.findUniqueOrThrow({ where: { id: personId }, select: { preferredContact: true, email: true, phone: true } }),
    database.consent.findMany({ where: { personId, scope: 'contact' } }),
    database.service.findMany({
      where: {
        published: true,
        OR: [{ referrals: { some: { caseId: opened.summary.id } } }, { id: { in: await signpostedIds(database, caseId) } }],
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, capacityStatus: true, organisation: { select: { name: true } } },
    }),
  ]);
  return {
    ...opened,
    routes,
    preferred: messageRoute(person)?.channel ?? null,
    canContact: hasActiveConsent(consents, 'contact'),
    caseServices: caseServices.map((s) => ({
      id: s.id,
      name: s.name,
      organisationName: s.organisation.name,
      capacity: s.capacityStatus,
    })),
  };
}

async function signpostedIds(database: Db, caseId: string): Promise<string[]> {
  return (await database.signpost.findMany({ where: { caseId }, select: { serviceId: true } })).map((s) => s.serviceId);
}

/** Withdrawing an agreement: the agreement, and the services that would stop seeing details. */
export async function loadWithdrawConsentPage(database: Db, user: SessionUser, caseId: string, consentId: string) {
  if (!isUuid(consentId)) return { ok: false as const, reason: 'not_found' as const };
  const opened = await loadCaseSummary(database, user, caseId, 'withdraw_consent');
  if (!opened.ok) return opened;
  const preview = await database.$transaction((tx) => withdrawalPreview(tx, opened.summary.person.id, consentId));
  if (!preview) return { ok: false as const, reason: 'not_found' as const };
  return { ...opened, ...preview };
}

/** Moving a case: who has it, and the team's link workers with their loads. */
export async function loadReassignPage(database: Db, user: SessionUser, caseId: string) {
  const opened = await loadCaseSummary(database, user, caseId, 'reassign_case');
  if (!opened.ok) return opened;
  const c = await database.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { teamId: true, assignedWorker: { select: { id: true, name: true } } },
  });
  if (!can(user, 'case.reassign', { kind: 'case', teamId: c.teamId }))
    return { ok: false as const, reason: 'forbidden' as const };
  const workers = await teamWorkerLoads(database, c.teamId);
  return { ...opened, current: c.assignedWorker, workers };
}

/** Reopening a case: how it closed, and (for a coordinator) who could take it. */
export async function loadReopenPage(database: Db, user: SessionUser, caseId: string) {
  const opened = await loadCaseSummary(database, user, caseId, 'reopen_case');
  if (!opened.ok) return opened;
  const c = await database.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      teamId: true,
      closedAt: true,
      outcome: true,
      assignedWorker: { select: { id: true, name: true, active: true } },
    },
  });
  const workers = user.role === 'coordinator' ? await teamWorkerLoads(database, c.teamId) : [];
  return { ...opened, closing: c, workers };
}

/** Closing as could not contact: the tries, and who would be written to. */
export async function loadCouldNotContactPage(database: Db, user: SessionUser, caseId: string) {
  const opened = await loadCaseSummary(database, user, caseId, 'close_could_not_contact');
  if (!opened.ok) return opened;
  const facts = await database.$transaction((tx) => couldNotContactFacts(tx, caseId));
  return { ...opened, plan: facts.plan, attempts: facts.attempts };
}
