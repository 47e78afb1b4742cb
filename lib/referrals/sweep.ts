// No referral is left in silence: unanswered after the reminder days (an admin's setting) the
// provider gets a reminder; after the expiry days the referral expires and the link worker is told.
import type { Tx } from '../db/client';
import { readSettings } from '../settings';
import { enqueueRendered, templates } from '../notify';
import { moveReferral } from './lifecycle';
import { notifyProviderOfReferral, workerContact, workerContactSelect } from './answer-links';
import { urls } from './urls';

const DAY = 86_400_000;

/** `more`: a list hit the limit, so another pass may find more. */
export type SweepReport = { reminded: number; expired: number; unreachable: number; more: boolean };

/**
 * One pass over at most `limit` referrals of each kind, in the caller's transaction; the caller
 * repeats while a pass is full. Safe to run twice at once: each change is guarded by the state it
 * read, so a second run finds nothing left to do.
 */
export async function sweepReferrals(tx: Tx, now: Date = new Date(), options: { limit?: number } = {}): Promise<SweepReport> {
  const limit = options.limit ?? 200;
  // Read now, not from the cache: a job must follow a change made on another instance too.
  const settings = (await readSettings(tx)).values;
  const { referralReminderDays: reminderAfterDays, referralExpiryDays: expireAfterDays } = settings.timings;
  const expireBefore = new Date(now.getTime() - expireAfterDays * DAY);
  const remindBefore = new Date(now.getTime() - reminderAfterDays * DAY);
  const report: SweepReport = { reminded: 0, expired: 0, unreachable: 0, more: false };

  const toExpire = await tx.referral.findMany({
    where: { status: 'sent', sentAt: { lte: expireBefore } },
    orderBy: { sentAt: 'asc' },
    take: limit,
    include: workerContactSelect,
  });
  if (toExpire.length === limit) report.more = true;
  for (const r of toExpire) {
    const moved = await moveReferral(
      tx,
      { referralId: r.id, expectedStatus: 'sent', to: 'expired', actor: { kind: 'system' }, reason: 'no_answer' },
      now,
    );
    if (!moved.ok) continue;
    report.expired++;
    const to = workerContact(r);
    if (!to) {
      report.unreachable++;
      continue;
    }
    const rendered = templates.referralExpiredToWorker({
      workerName: to.name,
      serviceName: r.service.name,
      caseReference: r.case.reference,
      sentAt: r.sentAt ?? now,
      caseUrl: urls.case(r.case.id),
      signOff: settings.service.name,
    });
    await enqueueRendered(tx, { recipient: to.email, rendered, payload: { referralId: r.id } }, now);
  }

  const toRemind = await tx.referral.findMany({
    where: { status: 'sent', reminderSentAt: null, sentAt: { lte: remindBefore, gt: expireBefore } },
    orderBy: { sentAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  if (toRemind.length === limit) report.more = true;
  for (const { id } of toRemind) {
    // Claim the reminder first, so two sweeps at once send it once.
    const { count } = await tx.referral.updateMany({
      where: { id, status: 'sent', reminderSentAt: null },
      data: { reminderSentAt: now },
    });
    if (count === 0) continue;
    const { notified } = await notifyProviderOfReferral(tx, id, 'reminder', now);
    if (notified) report.reminded++;
    else report.unreachable++;
  }
  return report;
}
