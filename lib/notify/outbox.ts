import type { Tx } from '../db/client';
import { pageOf } from '../paging/pages';

export type NewNotification = {
  channel: 'email' | 'sms';
  template: string;
  recipient: string;
  subject?: string | null;
  body: string;
  /** Template data (Notify personalisation), references; no more personal data than the body holds. */
  payload?: Record<string, unknown>;
  /** Not before this time (default: as soon as the next delivery run). */
  notBefore?: Date;
};

/**
 * Writes the message in the caller's transaction: it is sent if and only if the change that
 * caused it commits, and a crash after commit cannot lose it (deliverDue picks it up).
 */
export async function enqueueNotification(tx: Tx, message: NewNotification, now: Date = new Date()): Promise<{ id: string }> {
  const recipient = message.recipient.trim();
  if (!recipient) throw new Error('A notification needs a recipient');
  return tx.notification.create({
    data: {
      channel: message.channel,
      template: message.template,
      recipient,
      subject: message.subject ?? null,
      body: message.body,
      payload: (message.payload ?? {}) as object,
      status: 'queued',
      nextAttemptAt: message.notBefore ?? now,
      createdAt: now,
    },
    select: { id: true },
  });
}

/**
 * One page of the demo outbox, newest first, optionally only messages to a recipient containing
 * `to` (any case).
 */
export async function outboxPage(tx: Tx, to: string | undefined, requested: number) {
  const where = to ? { recipient: { contains: to, mode: 'insensitive' as const } } : {};
  const page = pageOf(await tx.notification.count({ where }), requested);
  const messages = await tx.notification.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: page.offset,
    take: page.size,
  });
  return { page, messages };
}
