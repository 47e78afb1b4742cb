import { describe, expect, it } from 'vitest';
import { NotificationError, safeErrorMessage, type OutgoingMessage } from '@/lib/notify/adapter';
import { adapterFromEnv } from '@/lib/notify/adapters';
import { govukNotifyAdapter, notifyPersonalisation, notifyTemplateId } from '@/lib/notify/adapters/govuk-notify';
import { smtpAdapter } from '@/lib/notify/adapters/smtp';
import { backoffMs } from '@/lib/notify/deliver';
import * as templates from '@/lib/notify/templates';

const message: OutgoingMessage = {
  id: '00000000-0000-4000-8000-000000000001',
  channel: 'email',
  template: 'referral_to_provider',
  recipient: 'group@example.org',
  subject: 'New referral for Walking Group',
  body: 'Hello',
  payload: { personalisation: { service_name: 'Walking Group', answer_by: '7 December 2026' } },
};

describe('retry backoff', () => {
  const policy = { baseDelayMs: 60_000, maxDelayMs: 6 * 3600_000 };
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, policy))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(20, policy)).toBe(6 * 3600_000);
  });
});

describe('errors kept on the outbox row', () => {
  it('lose e-mail addresses and phone numbers', () => {
    const text = safeErrorMessage(new Error('550 5.1.1 <sam.carter@example.com>: Recipient address rejected; call 07700 900123'));
    expect(text).not.toContain('sam.carter');
    expect(text).not.toContain('900123');
    expect(text).toContain('[address]');
    expect(text).toContain('Recipient address rejected');
  });
  it('are short', () => {
    expect(safeErrorMessage(new Error('x'.repeat(5000))).length).toBeLessThanOrEqual(500);
  });
});

describe('choosing the adapter', () => {
  it('is the development adapter by default', () => {
    expect(adapterFromEnv({}).name).toBe('dev');
    expect(adapterFromEnv({ NOTIFY_ADAPTER: 'dev' }).name).toBe('dev');
  });
  it('needs each adapter’s settings', () => {
    expect(() => adapterFromEnv({ NOTIFY_ADAPTER: 'smtp' })).toThrow(/SMTP_URL/);
    expect(() => adapterFromEnv({ NOTIFY_ADAPTER: 'smtp', SMTP_URL: 'smtp://localhost:25' })).toThrow(/MAIL_FROM/);
    expect(adapterFromEnv({ NOTIFY_ADAPTER: 'smtp', SMTP_URL: 'smtp://localhost:25', MAIL_FROM: 'a@b.example' }).name).toBe(
      'smtp',
    );
    expect(() => adapterFromEnv({ NOTIFY_ADAPTER: 'govuk-notify' })).toThrow(/GOVUK_NOTIFY_API_KEY/);
    expect(adapterFromEnv({ NOTIFY_ADAPTER: 'govuk-notify', GOVUK_NOTIFY_API_KEY: 'k' }).name).toBe('govuk-notify');
    expect(() => adapterFromEnv({ NOTIFY_ADAPTER: 'pigeon' })).toThrow(/NOTIFY_ADAPTER/);
  });
});

describe('GOV.UK Notify adapter', () => {
  it('uses a template written in Notify when one is configured, else the generic one', () => {
    const env = {
      GOVUK_NOTIFY_EMAIL_TEMPLATE_ID: 'generic-email',
      GOVUK_NOTIFY_SMS_TEMPLATE_ID: 'generic-sms',
      GOVUK_NOTIFY_TEMPLATE_REFERRAL_REMINDER: 'reminder-id',
    };
    expect(notifyTemplateId({ channel: 'email', template: 'referral_reminder' }, env)).toBe('reminder-id');
    expect(notifyTemplateId({ channel: 'email', template: 'referral_to_provider' }, env)).toBe('generic-email');
    expect(notifyTemplateId({ channel: 'sms', template: 'anything' }, env)).toBe('generic-sms');
    expect(notifyTemplateId({ channel: 'email', template: 'x' }, {})).toBeNull();
  });

  it('sends subject, body and the template data, with the outbox id as reference', async () => {
    const calls: unknown[][] = [];
    const adapter = govukNotifyAdapter({
      apiKey: 'k',
      env: { GOVUK_NOTIFY_EMAIL_TEMPLATE_ID: 'tpl' },
      client: {
        async sendEmail(...args) {
          calls.push(args);
          return { data: { id: 'notify-123' } };
        },
        async sendSms() {
          throw new Error('not expected');
        },
      },
    });
    await expect(adapter.send(message)).resolves.toEqual({ providerRef: 'notify-123' });
    expect(calls).toEqual([
      ['tpl', 'group@example.org', { personalisation: notifyPersonalisation(message), reference: message.id }],
    ]);
    expect(notifyPersonalisation(message)).toMatchObject({
      subject: message.subject,
      body: 'Hello',
      service_name: 'Walking Group',
    });
  });

  it('treats 400 as permanent and 500 as worth retrying, naming no one', async () => {
    const failing = (status: number) =>
      govukNotifyAdapter({
        apiKey: 'k',
        env: { GOVUK_NOTIFY_EMAIL_TEMPLATE_ID: 'tpl' },
        client: {
          async sendEmail() {
            throw Object.assign(new Error('Request failed'), {
              response: { status, data: { errors: [{ error: 'BadRequestError', message: 'group@example.org is not valid' }] } },
            });
          },
          async sendSms() {
            return {};
          },
        },
      });
    const bad = await failing(400)
      .send(message)
      .catch((e) => e);
    expect(bad).toBeInstanceOf(NotificationError);
    expect(bad.permanent).toBe(true);
    expect(bad.message).not.toContain('example.org');
    const down = await failing(503)
      .send(message)
      .catch((e) => e);
    expect(down.permanent).toBe(false);
  });

  it('fails permanently without a template id', async () => {
    const adapter = govukNotifyAdapter({
      apiKey: 'k',
      env: {},
      client: { sendEmail: async () => ({}), sendSms: async () => ({}) },
    });
    const error = await adapter.send(message).catch((e) => e);
    expect(error).toBeInstanceOf(NotificationError);
    expect(error.permanent).toBe(true);
  });
});

describe('SMTP adapter', () => {
  it('sends plain text from MAIL_FROM and returns the message id', async () => {
    const sent: Record<string, unknown>[] = [];
    const adapter = smtpAdapter({
      url: 'smtp://unused',
      from: 'Connect <connect@example.gov.uk>',
      transport: {
        sendMail: (async (options: Record<string, unknown>) => (sent.push(options), { messageId: '<m1@example>' })) as never,
      },
    });
    await expect(adapter.send(message)).resolves.toEqual({ providerRef: '<m1@example>' });
    expect(sent[0]).toMatchObject({
      from: 'Connect <connect@example.gov.uk>',
      to: 'group@example.org',
      subject: message.subject,
      text: 'Hello',
    });
  });

  it('treats a 5xx reply as permanent and a dropped connection as worth retrying', async () => {
    const failing = (error: Error) =>
      smtpAdapter({
        url: 'smtp://unused',
        from: 'a@b.example',
        transport: {
          sendMail: (async () => {
            throw error;
          }) as never,
        },
      });
    const rejected = await failing(Object.assign(new Error('550 <group@example.org> unknown'), { responseCode: 550 }))
      .send(message)
      .catch((e) => e);
    expect(rejected.permanent).toBe(true);
    expect(rejected.message).not.toContain('example.org');
    const dropped = await failing(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' }))
      .send(message)
      .catch((e) => e);
    expect(dropped.permanent).toBe(false);
  });

  it('cannot send a text message', async () => {
    const adapter = smtpAdapter({
      url: 'smtp://unused',
      from: 'a@b.example',
      transport: { sendMail: (async () => ({})) as never },
    });
    const error = await adapter.send({ ...message, channel: 'sms' }).catch((e) => e);
    expect(error.permanent).toBe(true);
  });
});

describe('templates', () => {
  const signOff = 'Eastbrook Community Connect';
  const provider = templates.referralToProvider({
    serviceName: 'Tuesday Walking Group',
    teamName: 'North PCN social prescribing team',
    acceptUrl: 'https://connect.example/r/AAA',
    declineUrl: 'https://connect.example/r/BBB',
    answerBy: new Date('2026-12-07T10:00:00Z'),
    inboxUrl: 'https://connect.example/provider/referrals',
    signOff,
  });

  it('gives the provider both links and a date, in GOV.UK style', () => {
    expect(provider.template).toBe('referral_to_provider');
    expect(provider.subject).toBe('New referral for Tuesday Walking Group');
    expect(provider.body).toContain('https://connect.example/r/AAA');
    expect(provider.body).toContain('https://connect.example/r/BBB');
    expect(provider.body).toContain('7 December 2026');
    expect(provider.body).toContain('email');
    expect(provider.body).not.toContain('e-mail');
    expect(provider.personalisation).toMatchObject({ accept_url: 'https://connect.example/r/AAA', answer_by: '7 December 2026' });
  });

  it('reminds with the date the referral was sent', () => {
    const reminder = templates.referralReminder({
      serviceName: 'Tuesday Walking Group',
      teamName: 'North PCN',
      acceptUrl: 'https://connect.example/r/CCC',
      declineUrl: 'https://connect.example/r/DDD',
      answerBy: new Date('2026-12-07T10:00:00Z'),
      sentAt: new Date('2026-11-23T10:00:00Z'),
      inboxUrl: 'https://connect.example/provider/referrals',
      signOff,
    });
    expect(reminder.subject).toMatch(/^Reminder:/);
    expect(reminder.body).toContain('On 23 November 2026');
    expect(reminder.body).toContain('https://connect.example/r/CCC');
  });

  it('tells the worker about an expired referral by case reference', () => {
    const m = templates.referralExpiredToWorker({
      workerName: 'Priya',
      serviceName: 'Tuesday Walking Group',
      caseReference: 'EB-4K7P-9QX3',
      sentAt: new Date('2026-11-23T10:00:00Z'),
      caseUrl: 'https://connect.example/cases/1',
      signOff,
    });
    expect(m.subject).toContain('EB-4K7P-9QX3');
    expect(m.body).toContain('Hello Priya,');
    expect(m.body).toContain('https://connect.example/cases/1');
  });

  it('tells a coordinator about a new referral without naming the person', () => {
    const m = templates.coordinatorNewReferral({
      reference: 'EB-4K7P-9QX3',
      sourceLabel: 'GP practice',
      receivedAt: new Date('2026-11-23T10:00:00Z'),
      queueUrl: 'https://connect.example/triage',
      signOff,
    });
    expect(m.subject).toBe('New referral EB-4K7P-9QX3');
    expect(m.body).toContain('23 November 2026');
  });

  it('nudges a group to confirm its listing with one click', () => {
    const m = templates.listingStillRight({
      serviceName: 'Carers Café',
      lastCheckedAt: new Date('2026-05-01T10:00:00Z'),
      confirmUrl: 'https://connect.example/confirm/X',
      editUrl: 'https://connect.example/provider/services/1',
      signOff,
    });
    expect(m.subject).toBe('Is your listing for Carers Café still right?');
    expect(m.body).toContain('last checked on 1 May 2026');
    expect(m.body).toContain('https://connect.example/confirm/X');
    expect(
      templates.listingStillRight({
        ...m.personalisation,
        serviceName: 'X',
        lastCheckedAt: null,
        confirmUrl: 'c',
        editUrl: 'e',
        signOff,
      }).body,
    ).toContain('has not been checked yet');
  });

  it('names the reason when a provider declines', () => {
    const m = templates.referralAnsweredToWorker({
      workerName: 'Priya',
      serviceName: 'Walking Group',
      caseReference: 'EB-3AC9-PQRT',
      outcome: 'said it cannot take the referral',
      reason: 'We are full',
      caseUrl: 'https://connect.example/cases/1',
      signOff,
    });
    expect(m.body).toContain('Walking Group has said it cannot take the referral for case EB-3AC9-PQRT.');
    expect(m.body).toContain('The reason they gave: We are full.');
  });
});
