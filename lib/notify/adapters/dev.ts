import type { NotificationAdapter } from '../adapter';

/** Sends nothing: the message stays in the outbox table, readable at /dev/outbox in demo mode. */
export function devAdapter(): NotificationAdapter {
  return {
    name: 'dev',
    async send(message) {
      return { providerRef: `dev:${message.id}` };
    },
  };
}
