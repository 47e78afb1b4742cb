// What every template returns, and the two ways of making one: an email (subject and body) or a
// text message (body only, kept to characters every phone shows). The personalisation is what a
// template written in GOV.UK Notify would use instead of the body.
import { smsText } from '../sms';

export type Rendered = {
  template: string;
  channel: 'email' | 'sms';
  /** Null for a text message. */
  subject: string | null;
  body: string;
  personalisation: Record<string, string>;
};

/** Lines of a message; false, null and undefined leave no line (an empty string is a blank line). */
export const lines = (...parts: (string | false | null | undefined)[]) =>
  parts.filter((p) => p !== false && p != null).join('\n');

export function email(template: string, subject: string, body: string, personalisation: Record<string, string>): Rendered {
  return { template, channel: 'email', subject, body, personalisation };
}

/** A text message: curly quotes and dashes become plain ones, so it is sent in the cheaper GSM alphabet. */
export function sms(template: string, body: string, personalisation: Record<string, string>): Rendered {
  return { template, channel: 'sms', subject: null, body: smsText(body), personalisation };
}
