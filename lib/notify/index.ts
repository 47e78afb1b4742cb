import type { Tx } from '../db/client';
import { enqueueNotification } from './outbox';
import type { Rendered } from './templates/render';

export { enqueueNotification, type NewNotification } from './outbox';
export { deliverDue, backoffMs, retryFailed, retryPolicyFromEnv, type DeliveryReport, type RetryPolicy } from './deliver';
export { NotificationError, safeErrorMessage, type NotificationAdapter, type OutgoingMessage } from './adapter';
export { adapterFromEnv, devAdapter, smtpAdapter, govukNotifyAdapter } from './adapters';
export { notifyTemplateSetting } from './adapters/govuk-notify';
export * as templates from './templates';
export type { Rendered } from './templates/render';
export { smsLength, type SmsLength } from './sms';
export { messageRoute, messageRoutes, type MessageRoute } from './route';

/** Queues a rendered template (an email or a text), with its personalisation kept for Notify. */
export function enqueueRendered(
  tx: Tx,
  input: { recipient: string; rendered: Rendered; payload?: Record<string, unknown> },
  now: Date = new Date(),
) {
  const { template, channel, subject, body, personalisation } = input.rendered;
  return enqueueNotification(
    tx,
    {
      channel,
      template,
      recipient: input.recipient,
      subject,
      body,
      payload: { ...input.payload, personalisation },
    },
    now,
  );
}
