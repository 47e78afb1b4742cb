import { env } from '../config';
import type { Db } from '../db/client';
import { NotificationError, safeErrorMessage, type NotificationAdapter, type OutgoingMessage } from './adapter';

export type RetryPolicy = {
  /** After this many failed attempts the message is marked failed (and stays visible). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A claimed message not finished within this time (a worker died mid-send) is claimed again. */
  leaseMs: number;
};

export function retryPolicyFromEnv(): RetryPolicy {
  const e = env();
  return {
    maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    baseDelayMs: e.NOTIFY_RETRY_BASE_SECONDS * 1000,
    maxDelayMs: e.NOTIFY_RETRY_MAX_SECONDS * 1000,
    leaseMs: 5 * 60 * 1000,
  };
}

/** Wait before attempt n+1 after n failures: base, 2 x base, 4 x base ... capped. */
export function backoffMs(attempts: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

type Claimed = OutgoingMessage & { attempts: number };

/**
 * Claims up to `limit` due messages in one statement. FOR UPDATE SKIP LOCKED makes concurrent
 * workers take disjoint rows; pushing nextAttemptAt out by the lease keeps the claim after commit.
 */
async function claim(db: Db, now: Date, limit: number, leaseMs: number): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRaw<
    {
      id: string;
      channel: 'email' | 'sms';
      template: string;
      recipient: string;
      subject: string | null;
      body: string;
      payload: unknown;
      attempts: number;
    }[]
  >`
    UPDATE "Notification" AS n
    SET status = 'sending', attempts = n.attempts + 1, "nextAttemptAt" = ${leaseUntil}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
    FROM (
      SELECT id FROM "Notification"
      WHERE status IN ('queued', 'sending') AND "nextAttemptAt" <= ${now}::timestamp(3)
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE n.id = due.id
    RETURNING n.id, n.channel::text AS channel, n.template, n.recipient, n.subject, n.body, n.payload, n.attempts`;
  return rows.map((r) => ({
    ...r,
    payload:
      r.payload && typeof r.payload === 'object' && !Array.isArray(r.payload) ? (r.payload as Record<string, unknown>) : {},
  }));
}

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number };

/**
 * Sends what is due. Each message is claimed, handed to the adapter outside any transaction, and
 * its outcome recorded; a failure is retried with exponential backoff until maxAttempts, then
 * marked failed. The result write is guarded by the claim, so a late answer from a lapsed claim
 * cannot overwrite a newer one.
 */
export async function deliverDue(
  db: Db,
  adapter: NotificationAdapter,
  now: Date = new Date(),
  options: { limit?: number; policy?: Partial<RetryPolicy> } = {},
): Promise<DeliveryReport> {
  const policy = { ...retryPolicyFromEnv(), ...options.policy };
  const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  const messages = await claim(db, now, options.limit ?? 50, policy.leaseMs);
  report.claimed = messages.length;
  for (const { attempts, ...message } of messages) {
    const guard = { id: message.id, status: 'sending' as const, attempts };
    try {
      const { providerRef } = await adapter.send(message);
      await db.notification.updateMany({
        where: guard,
        data: { status: 'sent', sentAt: now, providerRef, lastError: null },
      });
      report.sent++;
    } catch (error) {
      const permanent = error instanceof NotificationError && error.permanent;
      const giveUp = permanent || attempts >= policy.maxAttempts;
      await db.notification.updateMany({
        where: guard,
        data: giveUp
          ? { status: 'failed', lastError: safeErrorMessage(error) }
          : {
              status: 'queued',
              lastError: safeErrorMessage(error),
              nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, policy)),
            },
      });
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

/** Puts a failed message back in the queue (an admin's "try again"). */
export async function retryFailed(db: Db, id: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await db.notification.updateMany({
    where: { id, status: 'failed' },
    data: { status: 'queued', attempts: 0, nextAttemptAt: now },
  });
  return count === 1;
}
