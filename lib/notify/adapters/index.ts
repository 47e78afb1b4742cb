import type { NotificationAdapter } from '../adapter';
import { devAdapter } from './dev';
import { govukNotifyAdapter } from './govuk-notify';
import { smtpAdapter } from './smtp';

export { devAdapter, govukNotifyAdapter, smtpAdapter };

export type AdapterName = 'dev' | 'smtp' | 'govuk-notify';

/** NOTIFY_ADAPTER chooses (default dev); each adapter's settings must be present or start-up fails. */
export function adapterFromEnv(env: Record<string, string | undefined> = process.env): NotificationAdapter {
  const name = (env.NOTIFY_ADAPTER || 'dev') as AdapterName;
  switch (name) {
    case 'dev':
      return devAdapter();
    case 'smtp': {
      if (!env.SMTP_URL) throw new Error('NOTIFY_ADAPTER=smtp needs SMTP_URL');
      if (!env.MAIL_FROM) throw new Error('NOTIFY_ADAPTER=smtp needs MAIL_FROM');
      return smtpAdapter({ url: env.SMTP_URL, from: env.MAIL_FROM });
    }
    case 'govuk-notify': {
      if (!env.GOVUK_NOTIFY_API_KEY) throw new Error('NOTIFY_ADAPTER=govuk-notify needs GOVUK_NOTIFY_API_KEY');
      return govukNotifyAdapter({ apiKey: env.GOVUK_NOTIFY_API_KEY, env });
    }
    default:
      throw new Error(`NOTIFY_ADAPTER must be dev, smtp or govuk-notify (got ${String(name)})`);
  }
}
