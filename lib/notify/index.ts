import type { Tx } from '../db/client';
import { enqueueNotification } from './outbox';
import type { Rendered } from './templates';

export { enqueueNotification, type NewNotification } from './outbox';
export { deliverDue, backoffMs, retryFailed, retryPolicyFromEnv, type DeliveryReport, type RetryPolicy } from './deliver';
export { NotificationError, safeErrorMessage, type NotificationAdapter, type OutgoingMessage } from './adapter';
export { adapterFromEnv, devAdapter, smtpAdapter, govukNotifyAdapter } from './adapters';
export * as templates from './templates';
export * as caseloadMessages from './caseload-messages';

/** Queues a rendered template as an e-mail (or text), with its personalisation kept for Notify. */
export function enqueueRendered(
  tx: Tx,
  input: { recipient: string; rendered: Rendered; channel?: 'email' | 'sms'; payload?: Record<string, unknown> },
  now: Date = new Date(),
) {
  const { template, subject, body, personalisation } = input.rendered;
  return enqueueNotification(
    tx,
    {
      channel: input.channel ?? 'email',
      template,
      recipient: input.recipient,
      subject,
      body,
      payload: { ...input.payload, personalisation },
    },
    now,
  );
}
