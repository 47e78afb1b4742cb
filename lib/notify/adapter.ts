// The one interface every delivery channel implements. Adapters know nothing about the outbox:
// deliverDue claims a message, hands it over, and records what happened.
export type OutgoingMessage = {
  id: string;
  channel: 'email' | 'sms';
  template: string;
  recipient: string;
  subject: string | null;
  body: string;
  payload: Record<string, unknown>;
};

export interface NotificationAdapter {
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ providerRef: string | null }>;
}

/**
 * A failure an adapter understands. `permanent` means retrying cannot help (an address the
 * provider rejects, a missing template): the message is marked failed at once.
 * The message must not contain personal data; it is stored on the outbox row.
 */
export class NotificationError extends Error {
  readonly permanent: boolean;
  constructor(message: string, options: { permanent?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'NotificationError';
    this.permanent = options.permanent ?? false;
  }
}

const email = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+/g;
const phone = /\+?\d[\d\s()-]{7,}\d/g;

/** An error as text safe to keep on the row: addresses and numbers removed, kept short. */
export function safeErrorMessage(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    text = `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` ${code}` : ''}: ${error.message}`;
  } else {
    text = String(error);
  }
  return text.replace(email, '[address]').replace(phone, '[number]').replace(/\s+/g, ' ').trim().slice(0, 500);
}
