import type { Transporter } from 'nodemailer';
import { NotificationError, type NotificationAdapter } from '../adapter';

export type SmtpOptions = { url: string; from: string; transport?: Pick<Transporter, 'sendMail'> };

/** E-mail through any SMTP relay (SMTP_URL such as smtps://user:pass@smtp.example.org:465). */
export function smtpAdapter(options: SmtpOptions): NotificationAdapter {
  let transport = options.transport;
  return {
    name: 'smtp',
    async send(message) {
      if (message.channel !== 'email') throw new NotificationError(`smtp cannot send ${message.channel}`, { permanent: true });
      if (!transport) {
        // Left to Node at run time rather than bundled: only deployments using SMTP load it.
        const mod = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'nodemailer');
        const nodemailer = mod.default ?? mod;
        transport = nodemailer.createTransport(options.url);
      }
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.recipient,
          subject: message.subject ?? '',
          text: message.body,
          headers: { 'X-Outbox-Id': message.id },
        });
        return { providerRef: typeof info?.messageId === 'string' ? info.messageId : null };
      } catch (error) {
        const responseCode = (error as { responseCode?: unknown }).responseCode;
        // 5xx SMTP replies are permanent (unknown mailbox, rejected); others may pass on a retry.
        const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
        throw new NotificationError(`SMTP ${typeof responseCode === 'number' ? responseCode : 'error'}`, {
          permanent,
          cause: error,
        });
      }
    },
  };
}
