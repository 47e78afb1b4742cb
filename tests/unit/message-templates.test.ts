import { describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { messageRoute, messageRoutes } from '@/lib/notify/route';
import { smsLength, smsText } from '@/lib/notify/sms';
import * as templates from '@/lib/notify/templates';
import { templateExamples } from '@/lib/notify/templates/examples';

const ref = 'EB-F9Q6-7JJX';
const service: templates.ServiceDetails = {
  name: 'Walking for Health: Lakeside',
  organisationName: 'Eastbrook Ramblers',
  when: ['Every Tuesday, 10am to 11am', 'Every Friday, 2pm to 3pm'],
  where: ['Lakeside Park café, Lake Road, Eastbrook, EB1 4QT'],
  cost: 'Free',
  phone: '01632 960 402',
  email: 'walks@eastbrookramblers.example.org',
  website: 'https://eastbrookramblers.example.org',
  pageUrl: 'https://connect.example/services/6f1c2e8a-0d4b-4e8f-9a51-3c2b7d9e1f00',
};

describe('counting text messages', () => {
  it('counts the GSM alphabet at 160 for one text and 153 a part after that', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'gsm', characters: 160, segments: 1 });
    expect(smsLength('a'.repeat(161)).segments).toBe(2);
    expect(smsLength('a'.repeat(306)).segments).toBe(2);
    expect(smsLength('a'.repeat(307)).segments).toBe(3);
    expect(smsLength('').segments).toBe(0);
  });

  it('counts the extension characters twice, and anything else as UCS-2 at 70 and 67', () => {
    expect(smsLength('€'.repeat(80))).toEqual({ encoding: 'gsm', characters: 160, segments: 1 });
    expect(smsLength('€'.repeat(81)).segments).toBe(2);
    expect(smsLength('ŵ'.repeat(70))).toEqual({ encoding: 'ucs2', characters: 70, segments: 1 });
    expect(smsLength('ŵ'.repeat(71)).segments).toBe(2);
    expect(smsLength('😀').characters).toBe(2);
  });

  it('makes curly quotes and dashes plain, so a text stays in the cheaper alphabet', () => {
    const text = smsText('St Bartholomew’s “lunch” – 10am…');
    expect(text).toBe('St Bartholomew\'s "lunch" - 10am...');
    expect(smsLength(text).encoding).toBe('gsm');
  });
});

describe('where a message to a person can go', () => {
  it('follows the way they chose: email or text, nothing for a call, a letter or no details', () => {
    const p = { email: 'm@example.com', phone: '07700 900 982' };
    expect(messageRoute({ ...p, preferredContact: 'email' })).toEqual({ channel: 'email', to: 'm@example.com' });
    expect(messageRoute({ ...p, preferredContact: 'text' })).toEqual({ channel: 'sms', to: '07700 900 982' });
    expect(messageRoute({ ...p, preferredContact: 'phone' })).toBeNull();
    expect(messageRoute({ ...p, preferredContact: 'letter' })).toBeNull();
    expect(messageRoute({ email: null, phone: null, preferredContact: 'email' })).toBeNull();
    expect(messageRoute({ email: null, phone: '01632 960 001', preferredContact: 'text' })).toBeNull();
  });

  it('offers a worker every route the record allows, the preferred first; a landline takes no texts', () => {
    expect(
      messageRoutes({ email: 'm@example.com', phone: '07700 900 982', preferredContact: 'text' }).map((r) => r.channel),
    ).toEqual(['sms', 'email']);
    expect(messageRoutes({ email: null, phone: '01632 960 001', preferredContact: 'phone' })).toEqual([]);
  });
});

describe('acknowledgements', () => {
  const d = { reference: ref, contactHow: 'by email', contactWithinDays: 10, contactBy: new Date('2026-12-17T00:00:00Z') };

  it('give a resident their reference and what happens next, with the emergency numbers', () => {
    const m = templates.requestReceived({ ...d, byCarer: false });
    expect(m).toMatchObject({ channel: 'email', template: 'request_received' });
    expect(m.subject).toContain(ref);
    expect(m.body).toContain(`Your reference is ${ref}.`);
    expect(m.body).toContain('What happens next');
    expect(m.body).toContain('A link worker will get in touch by email within 10 working days, by Thursday 17 December 2026.');
    expect(m.body).toContain('call 999');
    expect(m.body).toContain(config.borough.contactPhone);
  });

  it('fit a resident’s text in one message', () => {
    const m = templates.requestReceivedText({ ...d, byCarer: false });
    expect(m).toMatchObject({ channel: 'sms', subject: null, template: 'request_received_sms' });
    expect(m.body).toContain(ref);
    expect(m.body).toContain('by 17 Dec 2026');
    expect(smsLength(m.body).segments).toBe(1);
  });

  it('give a professional the reference and what happens next, and nothing about the person', () => {
    const m = templates.referralReceived({ ...d, contactHow: 'by phone' });
    expect(m.subject).toBe(`Referral received: ${ref}`);
    expect(m.body).toContain('A link worker will contact the person by phone within 10 working days');
    expect(m.body).toContain('When we close the case, we will tell you how it went.');
    expect(m.body).toContain('We have not put the person’s details in this email');
  });
});

describe('details of services', () => {
  it('list each service’s times, place, cost and contacts in one email', () => {
    const m = templates.serviceDetails({
      reference: ref,
      services: [service, { ...service, name: 'Second group', email: null }],
    });
    expect(m.subject).toBe('Details of the services we talked about');
    for (const line of [
      'Walking for Health: Lakeside',
      'Run by Eastbrook Ramblers',
      'When: Every Tuesday, 10am to 11am; Every Friday, 2pm to 3pm',
      'Where: Lakeside Park café, Lake Road, Eastbrook, EB1 4QT',
      'Cost: Free',
      'Phone: 01632 960 402',
      'Email: walks@eastbrookramblers.example.org',
      `More details: ${service.pageUrl}`,
      'Second group',
    ])
      expect(m.body).toContain(line);
    expect(m.body).toContain(ref);
  });

  it('send one text a service, never more than two messages long, dropping the least needed details first', () => {
    const full = templates.serviceDetailsText({ reference: ref, service });
    expect(smsLength(full.body).segments).toBeLessThanOrEqual(templates.SERVICE_TEXT_MAX_SEGMENTS);
    expect(full.body).toContain('Walking for Health: Lakeside (Eastbrook Ramblers).');
    expect(full.body).toContain('Every Tuesday, 10am to 11am');
    expect(full.body).toContain('Call 01632 960 402.');
    expect(full.body).toContain(`Ref ${ref}`);

    const busy = {
      ...service,
      when: Array.from(
        { length: 6 },
        (_, i) => `Every ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][i]}, 10am to midday`,
      ),
      where: ['The Old Pavilion, Recreation Ground, Long Meadow Lane, Carrow Vale, Eastbrook, EB7 1AD', 'Online'],
    };
    const cut = templates.serviceDetailsText({ reference: ref, service: busy });
    expect(smsLength(cut.body).segments).toBeLessThanOrEqual(2);
    expect(cut.body).toContain('Every Monday, 10am to midday and other times.');
    expect(cut.body).toContain('Call 01632 960 402.');
    expect(cut.body).not.toContain('Every Saturday');
  });
});

describe('outcomes', () => {
  const summary: templates.OutcomeSummary = {
    reference: ref,
    receivedAt: new Date('2026-09-01T09:12:00Z'),
    acceptedAt: new Date('2026-09-02T10:00:00Z'),
    firstContactAt: new Date('2026-09-04T14:30:00Z'),
    closedAt: new Date('2026-11-20T16:00:00Z'),
    outcome: 'Declined support',
    connectedTo: ['Walking for Health (Eastbrook Ramblers): attending'],
    codes: [
      { code: '871731000000106', display: 'Referral to social prescribing service' },
      { code: '871711000000103', display: 'Social prescribing declined' },
    ],
  };

  it('tell the referrer how it went by reference, with the SNOMED CT codes and no service or person named', () => {
    const m = templates.outcomeToReferrer(summary);
    expect(m.subject).toBe(`Referral ${ref}: closed`);
    expect(m.body).toContain('Accepted: 2 September 2026');
    expect(m.body).toContain('First contact: 4 September 2026');
    expect(m.body).toContain('Connected to: 1 service');
    expect(m.body).toContain('Closed: 20 November 2026, declined support');
    expect(m.body).toContain('871731000000106 Referral to social prescribing service');
    expect(m.body).toContain('871711000000103 Social prescribing declined');
    expect(m.body).not.toContain('Walking for Health');
  });

  it('tell the GP practice who and how it went, to file in their record', () => {
    const m = templates.outcomeToGp({
      ...summary,
      practiceName: 'The Market Street Practice',
      person: { name: 'Margaret Hill', dateOfBirth: new Date('1948-03-27T00:00:00Z'), postcode: 'EB1 2AD' },
    });
    expect(m.body).toContain('Patient: Margaret Hill');
    expect(m.body).toContain('Date of birth: 27 March 1948');
    expect(m.body).toContain('- Walking for Health (Eastbrook Ramblers): attending');
    expect(m.body).toContain('871711000000103 Social prescribing declined');
  });
});

describe('every template', () => {
  const all = templateExamples().flatMap((e) => e.messages);

  it('is shown on the preview page, each with a name of its own', () => {
    const names = new Set(all.map((m) => m.template));
    for (const name of [
      'request_received',
      'request_received_sms',
      'referral_received',
      'service_details',
      'service_details_sms',
      'case_outcome_to_referrer',
      'case_outcome_to_gp',
      'referral_to_provider',
      'password_reset',
      'staff_invitation',
      'group_approved',
    ])
      expect(names).toContain(name);
  });

  it('reads in GOV.UK style: "email", not "e-mail"; texts within two messages; emails signed and with a subject', () => {
    for (const m of all) {
      expect(m.body).not.toMatch(/e-mail/i);
      expect(m.body).not.toMatch(/\bclick here\b/i);
      if (m.channel === 'sms') {
        expect(m.subject).toBeNull();
        expect(smsLength(m.body).segments).toBeLessThanOrEqual(2);
        expect(smsLength(m.body).encoding).toBe('gsm');
      } else {
        expect(m.subject).toBeTruthy();
        expect(m.body.trimEnd().endsWith(config.borough.serviceName)).toBe(true);
      }
    }
  });
});
