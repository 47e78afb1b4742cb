// Keeping listings fresh. A listing not confirmed for the nudge months (an admin's setting) gets an
// "Is this still right?" e-mail with a signed, single-use link that confirms it; the e-mail repeats
// every few weeks until someone confirms or edits the listing. Past the warning age the public page
// says so, and past hideAfterMonths search leaves it out (lib/directory reads assuredAt for both).
import { subMonths } from 'date-fns';
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/types';
import { assertCan } from '@/lib/auth/permissions';
import { config, envFrom, type EnvSource } from '@/lib/config';
import type { Db, Tx } from '@/lib/db/client';
import { enqueueRendered, templates } from '@/lib/notify';
import { listingContacts } from '@/lib/listings/messages';
import { listingUrls } from '@/lib/listings/urls';
import { readSettings } from '@/lib/settings';
import { consumeToken, createToken, peekToken, revokeTokens } from '@/lib/tokens';

export const CHECK_PURPOSE = 'listing.check';
const NUDGE_ACTION = 'listing.check_sent';
const DAY = 86_400_000;

/** Days between reminders while a listing stays unconfirmed (STALE_REMINDER_DAYS, default 28). */
export function reminderIntervalDays(source: EnvSource = process.env): number {
  return envFrom(source).STALE_REMINDER_DAYS;
}

/** How long a confirm link works: until the next reminder brings a fresh one, and a little more. */
export function linkLifetimeDays(): number {
  return reminderIntervalDays() + 14;
}

export type NudgeResult = { sent: number; recipients: number };

/**
 * Sends the "Is this still right?" e-mail for one listing to its group (one link per person, so the
 * confirmation records who confirmed), and records when, so reminders keep their interval.
 */
export async function sendStillRight(
  tx: Tx,
  serviceId: string,
  now: Date = new Date(),
  by: SessionUser | null = null,
): Promise<NudgeResult> {
  const s = await tx.service.findUnique({
    where: { id: serviceId },
    select: { id: true, name: true, assuredAt: true, createdAt: true },
  });
  if (!s) return { sent: 0, recipients: 0 };
  const recipients = await listingContacts(tx, serviceId, null);
  const expiresAt = new Date(now.getTime() + linkLifetimeDays() * DAY);
  for (const email of recipients) {
    const token = await createToken(tx, { purpose: CHECK_PURPOSE, subjectId: serviceId, payload: { email }, expiresAt });
    const rendered = templates.listingStillRight({
      serviceName: s.name,
      lastCheckedAt: s.assuredAt,
      confirmUrl: listingUrls.check(token.raw),
      editUrl: listingUrls.editor(serviceId),
      signOff: config.borough.serviceName,
    });
    await enqueueRendered(tx, { recipient: email, rendered, payload: { serviceId } }, now);
  }
  // Shown to the group and to coordinators, and read by the daily job to keep its interval.
  await tx.service.update({ where: { id: serviceId }, data: { checkRemindedAt: now } });
  await recordAudit(tx, {
    actor: by,
    action: NUDGE_ACTION,
    entityType: 'service',
    entityId: serviceId,
    detail: { recipients: recipients.length, manual: by !== null },
    at: now,
  });
  return { sent: recipients.length ? 1 : 0, recipients: recipients.length };
}

/** A coordinator's one-click nudge from the freshness list. */
export async function nudgeListing(tx: Tx, user: SessionUser, serviceId: string, now: Date = new Date()): Promise<NudgeResult> {
  assertCan(user, 'moderation.review');
  return sendStillRight(tx, serviceId, now, user);
}

/**
 * Published listings past the warning age whose last e-mail (if any) is older than the reminder
 * interval, longest unchecked first.
 */
export async function listingsDueForNudge(tx: Tx, now: Date, limit = 100): Promise<string[]> {
  // Read now, not from the cache: the daily job must follow a change made on another instance too.
  const { freshnessNudgeMonths } = (await readSettings(tx)).values.timings;
  const warnBefore = subMonths(now, freshnessNudgeMonths);
  const remindBefore = new Date(now.getTime() - reminderIntervalDays() * DAY);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT s.id
    FROM "Service" s
    JOIN "Organisation" o ON o.id = s."organisationId"
    WHERE s."published"
      AND s."status" IN ('active', 'temporarily_closed')
      AND o."status" <> 'rejected'
      -- A feed's listings are checked by the feed (its assured_date), not by asking the group here.
      AND (s."sourceFeedId" IS NULL OR s."adoptedAt" IS NOT NULL)
      AND coalesce(s."assuredAt", s."createdAt") <= ${warnBefore}
      AND (s."checkRemindedAt" IS NULL OR s."checkRemindedAt" <= ${remindBefore})
    ORDER BY coalesce(s."assuredAt", s."createdAt") ASC, s.id
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** One pass of the daily job: nudges up to `limit` listings; `more` says another pass has work. */
export async function sweepFreshness(tx: Tx, now: Date = new Date(), limit = 100): Promise<{ nudged: number; more: boolean }> {
  const due = await listingsDueForNudge(tx, now, limit);
  for (const id of due) await sendStillRight(tx, id, now);
  return { nudged: due.length, more: due.length === limit };
}

/** The daily job: passes of one transaction each, so a long backlog never makes one huge transaction. */
export async function runFreshness(db: Db, options: { rounds?: number; now?: () => Date } = {}): Promise<{ nudged: number }> {
  let nudged = 0;
  for (let round = 0; round < (options.rounds ?? 20); round++) {
    const now = options.now?.() ?? new Date();
    const report = await db.$transaction((tx) => sweepFreshness(tx, now), { timeout: 120_000, maxWait: 10_000 });
    nudged += report.nudged;
    if (!report.more) break;
  }
  return { nudged };
}

// ---------- confirming ----------

async function markChecked(tx: Tx, serviceId: string, by: { userId: string | null; email: string | null }, now: Date) {
  await tx.service.update({ where: { id: serviceId }, data: { assuredAt: now, assuredById: by.userId, assurerEmail: by.email } });
  // The other links for this listing (other people's, older reminders') have nothing left to do.
  await revokeTokens(tx, { purpose: CHECK_PURPOSE, subjectId: serviceId }, now);
}

/** "Yes, it is still right" from a signed-in member of the group (or a coordinator). */
export async function confirmListing(tx: Tx, user: SessionUser, serviceId: string, now: Date = new Date()): Promise<boolean> {
  const s = await tx.service.findUnique({ where: { id: serviceId }, select: { organisationId: true } });
  if (!s) return false;
  assertCan(user, 'service.edit', { kind: 'service', organisationId: s.organisationId });
  await markChecked(tx, serviceId, { userId: user.id, email: user.email }, now);
  await recordAudit(tx, {
    actor: user,
    action: 'listing.confirmed',
    entityType: 'service',
    entityId: serviceId,
    detail: { via: 'signed_in' },
    at: now,
  });
  return true;
}

export type CheckPage =
  | {
      ok: true;
      serviceId: string;
      serviceName: string;
      organisationName: string;
      lastCheckedAt: Date | null;
      expiresAt: Date;
    }
  | { ok: false };

/** What the link's page shows, without using the link (mail scanners open links; only the button confirms). */
export async function loadCheckPage(tx: Tx, raw: string, now: Date = new Date()): Promise<CheckPage> {
  const token = await peekToken(tx, raw, CHECK_PURPOSE, now);
  if (!token) return { ok: false };
  const s = await tx.service.findUnique({
    where: { id: token.subjectId },
    select: { id: true, name: true, assuredAt: true, organisation: { select: { name: true } } },
  });
  if (!s) return { ok: false };
  return {
    ok: true,
    serviceId: s.id,
    serviceName: s.name,
    organisationName: s.organisation.name,
    lastCheckedAt: s.assuredAt,
    expiresAt: token.expiresAt,
  };
}

export type ConfirmResult = { ok: true; serviceId: string; serviceName: string } | { ok: false };

/** Uses the link: the listing is checked as of now, by the person the link was sent to. */
export async function confirmByLink(tx: Tx, raw: string, now: Date = new Date()): Promise<ConfirmResult> {
  const token = await consumeToken(tx, raw, CHECK_PURPOSE, now);
  if (!token) return { ok: false };
  const email = typeof token.payload.email === 'string' ? token.payload.email : null;
  const user = email ? await tx.user.findUnique({ where: { email }, select: { id: true } }) : null;
  const s = await tx.service.findUnique({ where: { id: token.subjectId }, select: { id: true, name: true } });
  if (!s) return { ok: false };
  await markChecked(tx, s.id, { userId: user?.id ?? null, email }, now);
  await recordAudit(tx, {
    actor: null,
    action: 'listing.confirmed',
    entityType: 'service',
    entityId: s.id,
    detail: { via: 'check_link', linkId: token.id },
    at: now,
  });
  return { ok: true, serviceId: s.id, serviceName: s.name };
}

// ---------- the coordinator's list ----------

export type FreshnessBand = 'hidden' | 'stale' | 'soon';

export type FreshnessRow = {
  id: string;
  name: string;
  organisationName: string;
  lastCheckedAt: Date;
  neverChecked: boolean;
  band: FreshnessBand;
  lastNudgedAt: Date | null;
};

export const BAND_LABELS: Record<FreshnessBand, string> = {
  hidden: 'Left search',
  stale: 'Needs checking',
  soon: 'Due soon',
};

/**
 * Published listings that are stale or will be within `soonMonths`, longest unchecked first, with
 * when each was last sent a reminder.
 */
export async function freshnessList(
  tx: Tx,
  now: Date = new Date(),
  options: { soonMonths?: number; limit?: number } = {},
): Promise<FreshnessRow[]> {
  const { warnAfterMonths, hideAfterMonths } = config.freshness;
  const soonBefore = subMonths(now, Math.max(0, warnAfterMonths - (options.soonMonths ?? 1)));
  const warnBefore = subMonths(now, warnAfterMonths);
  const hideBefore = subMonths(now, hideAfterMonths);
  const rows = await tx.$queryRaw<
    Array<{ id: string; name: string; organisationName: string; checked: Date; never: boolean; nudged: Date | null }>
  >`
    SELECT s.id, s.name, o.name AS "organisationName",
           coalesce(s."assuredAt", s."createdAt") AS checked,
           (s."assuredAt" IS NULL) AS never,
           s."checkRemindedAt" AS nudged
    FROM "Service" s
    JOIN "Organisation" o ON o.id = s."organisationId"
    WHERE s."published"
      AND s."status" IN ('active', 'temporarily_closed')
      AND o."status" <> 'rejected'
      AND coalesce(s."assuredAt", s."createdAt") <= ${soonBefore}
    ORDER BY coalesce(s."assuredAt", s."createdAt") ASC, s.id
    LIMIT ${options.limit ?? 500}`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organisationName: r.organisationName,
    lastCheckedAt: r.checked,
    neverChecked: r.never,
    band: r.checked <= hideBefore ? 'hidden' : r.checked <= warnBefore ? 'stale' : 'soon',
    lastNudgedAt: r.nudged,
  }));
}
