import { envFrom, type EnvSource } from '../../config';
import type { NotificationAdapter } from '../adapter';
import { devAdapter } from './dev';
import { govukNotifyAdapter } from './govuk-notify';
import { smtpAdapter } from './smtp';

export { devAdapter, govukNotifyAdapter, smtpAdapter };

export type AdapterName = 'dev' | 'smtp' | 'govuk-notify';

/**
 * NOTIFY_ADAPTER chooses (default dev); the environment check (lib/config/env.ts) refuses to start
 * without each adapter's settings.
 */
export function adapterFromEnv(source: EnvSource = process.env): NotificationAdapter {
  const settings = envFrom(source);
  switch (settings.NOTIFY_ADAPTER satisfies AdapterName) {
    case 'dev':
      return devAdapter();
    case 'smtp':
      return smtpAdapter({ url: settings.SMTP_URL!, from: settings.MAIL_FROM! });
    case 'govuk-notify':
      // Template ids are read from `source` by name when a message is sent.
      return govukNotifyAdapter({ apiKey: settings.GOVUK_NOTIFY_API_KEY!, env: source });
  }
}
