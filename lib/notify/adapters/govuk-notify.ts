import { NotificationError, type NotificationAdapter, type OutgoingMessage } from '../adapter';

type NotifyResponse = { data?: { id?: string } };
export type NotifyClientLike = {
  sendEmail(
    templateId: string,
    emailAddress: string,
    options: { personalisation?: object; reference?: string },
  ): Promise<NotifyResponse>;
  sendSms(
    templateId: string,
    phoneNumber: string,
    options: { personalisation?: object; reference?: string },
  ): Promise<NotifyResponse>;
};

export type NotifyOptions = {
  apiKey: string;
  /** Environment to read template ids from (tests pass their own). */
  env?: Record<string, string | undefined>;
  client?: NotifyClientLike;
};

/**
 * The Notify template for a message: GOVUK_NOTIFY_TEMPLATE_<TEMPLATE> for one written in Notify
 * (referral_to_provider -> GOVUK_NOTIFY_TEMPLATE_REFERRAL_TO_PROVIDER), otherwise the generic
 * GOVUK_NOTIFY_EMAIL_TEMPLATE_ID / GOVUK_NOTIFY_SMS_TEMPLATE_ID whose content is ((subject)) and ((body)).
 */
/** The setting that holds the id of a template written in Notify: GOVUK_NOTIFY_TEMPLATE_REFERRAL_TO_PROVIDER. */
export function notifyTemplateSetting(template: string): string {
  return `GOVUK_NOTIFY_TEMPLATE_${template.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function notifyTemplateId(
  message: Pick<OutgoingMessage, 'channel' | 'template'>,
  env: Record<string, string | undefined>,
): string | null {
  const specific = env[notifyTemplateSetting(message.template)];
  if (specific) return specific;
  const generic = message.channel === 'email' ? env.GOVUK_NOTIFY_EMAIL_TEMPLATE_ID : env.GOVUK_NOTIFY_SMS_TEMPLATE_ID;
  return generic || null;
}

export function notifyPersonalisation(message: OutgoingMessage): Record<string, string> {
  const extra = message.payload.personalisation;
  const values: Record<string, string> = {};
  if (extra && typeof extra === 'object') {
    for (const [key, value] of Object.entries(extra)) values[key] = value == null ? '' : String(value);
  }
  return { ...values, subject: message.subject ?? '', body: message.body };
}

export function govukNotifyAdapter(options: NotifyOptions): NotificationAdapter {
  const env = options.env ?? process.env;
  let client = options.client;
  return {
    name: 'govuk-notify',
    async send(message) {
      const templateId = notifyTemplateId(message, env);
      if (!templateId)
        throw new NotificationError(`no GOV.UK Notify template id for ${message.template} (${message.channel})`, {
          permanent: true,
        });
      if (!client) {
        // Left to Node at run time rather than bundled (its JWT library needs Node's crypto).
        const mod = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'notifications-node-client');
        const NotifyClient = mod.NotifyClient ?? mod.default.NotifyClient;
        client = new NotifyClient(options.apiKey) as unknown as NotifyClientLike;
      }
      // The outbox id as reference lets Notify's delivery receipts be matched later; it is not personal.
      const request = { personalisation: notifyPersonalisation(message), reference: message.id };
      try {
        const response =
          message.channel === 'email'
            ? await client.sendEmail(templateId, message.recipient, request)
            : await client.sendSms(templateId, message.recipient, request);
        return { providerRef: response?.data?.id ?? null };
      } catch (error) {
        const status = (error as { response?: { status?: number } }).response?.status;
        const errors = (error as { response?: { data?: { errors?: { error?: string }[] } } }).response?.data?.errors;
        const kinds = Array.isArray(errors)
          ? errors
              .map((e) => e.error)
              .filter(Boolean)
              .join(', ')
          : '';
        // Notify: 400 and 403 are our fault and will not pass on a retry; 429 and 5xx may.
        const permanent = status === 400 || status === 403;
        throw new NotificationError(`GOV.UK Notify ${status ?? 'network error'}${kinds ? ` (${kinds})` : ''}`, {
          permanent,
          cause: error,
        });
      }
    },
  };
}
