// Messages to the people the service exists for and to those who refer them: that a request or
// referral arrived (with its reference and what happens next), and the details of services a
// worker suggested. Emails to referrers carry the reference, never the person's details.
import { config } from '../../config';
import { formatDate } from '../../format/dates';
import { smsLength } from '../sms';
import { email, lines, sms, type Rendered } from './render';

const emergency =
  'This is not an emergency service. In an emergency, call 999. For urgent health advice, call NHS 111. To talk to someone now, call Samaritans on 116 123.';

function contactUs(reference: string): string {
  const b = config.borough;
  return `If you need to change something, or have not heard from us by then, call ${b.contactPhone} or email ${b.contactEmail} and give your reference, ${reference}.`;
}

export type RequestReceived = {
  reference: string;
  /** Sent by someone who cares for the person, with their agreement. */
  byCarer: boolean;
  /** "by phone", "by text message", "by email". */
  contactHow: string;
  contactWithinDays: number;
  contactBy: Date;
};

/** To a resident who asked for help (or whose carer asked for them), by email. */
export function requestReceived(d: RequestReceived): Rendered {
  const service = config.borough.serviceName;
  const by = formatDate(d.contactBy, { weekday: true });
  return email(
    'request_received',
    `We have your request for help: ${d.reference}`,
    lines(
      'Hello,',
      '',
      d.byCarer
        ? `Someone who cares for you has asked ${service} for help for you, with your agreement. We have received it.`
        : `Thank you for asking ${service} for help. We have received your request.`,
      '',
      `Your reference is ${d.reference}. Keep it: give it if you contact us about this request.`,
      '',
      'What happens next',
      '',
      '1. A coordinator reads the request and passes it to a link worker. A link worker helps people find local groups, activities and support.',
      `2. A link worker will get in touch ${d.contactHow} within ${d.contactWithinDays} working days, by ${by}. If things are urgent, it will be sooner.`,
      '3. You will talk about what matters to you and agree what might help. There is no charge.',
      '',
      contactUs(d.reference),
      '',
      emergency,
      '',
      service,
    ),
    { reference: d.reference, contact_how: d.contactHow, contact_within_days: String(d.contactWithinDays), contact_by: by },
  );
}

/** The same, as one text message. */
export function requestReceivedText(d: RequestReceived): Rendered {
  const by = formatDate(d.contactBy, { short: true });
  return sms(
    'request_received_sms',
    `${config.borough.serviceName}: we have your request for help, ref ${d.reference}. A link worker will contact you by ${by}. In an emergency call 999.`,
    { reference: d.reference, contact_by: by },
  );
}

export type ReferralReceived = Omit<RequestReceived, 'byCarer'>;

/** To a professional who referred someone: the reference and what happens next, nothing about the person. */
export function referralReceived(d: ReferralReceived): Rendered {
  const b = config.borough;
  const by = formatDate(d.contactBy, { weekday: true });
  return email(
    'referral_received',
    `Referral received: ${d.reference}`,
    lines(
      'Hello,',
      '',
      `Thank you for your referral to ${b.serviceName}. Its reference is ${d.reference}. Give it if you contact us about the referral.`,
      '',
      'What happens next',
      '',
      '1. A coordinator reads the referral and passes it to a link worker.',
      `2. A link worker will contact the person ${d.contactHow} within ${d.contactWithinDays} working days, by ${by}. If things are urgent, it will be sooner.`,
      '3. When we close the case, we will tell you how it went.',
      '',
      `To ask about the referral, call ${b.contactPhone} or email ${b.contactEmail}.`,
      '',
      'We have not put the person’s details in this email, to keep them safe.',
      '',
      b.serviceName,
    ),
    { reference: d.reference, contact_how: d.contactHow, contact_within_days: String(d.contactWithinDays), contact_by: by },
  );
}

/** A service as the person needs it to get there: when, where, what it costs, who to contact. */
export type ServiceDetails = {
  name: string;
  organisationName: string;
  /** "Every Tuesday, 10am to 11am", one a schedule. */
  when: string[];
  /** "Lakeside Community Centre, 1 Lake Road, EB1 2AB", or "Online". */
  where: string[];
  cost: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** Its page in the directory. */
  pageUrl: string;
};

export type ServiceDetailsMessage = { reference: string; services: ServiceDetails[] };

function serviceBlock(s: ServiceDetails): string {
  return lines(
    s.name,
    `Run by ${s.organisationName}`,
    s.when.length ? `When: ${s.when.join('; ')}` : 'When: contact them to ask',
    s.where.length ? `Where: ${s.where.join('; ')}` : null,
    s.cost ? `Cost: ${s.cost}` : null,
    s.phone ? `Phone: ${s.phone}` : null,
    s.email ? `Email: ${s.email}` : null,
    s.website ? `Website: ${s.website}` : null,
    `More details: ${s.pageUrl}`,
  );
}

/** The services a worker suggested, by email: one block each. */
export function serviceDetails(d: ServiceDetailsMessage): Rendered {
  const b = config.borough;
  const one = d.services.length === 1;
  return email(
    'service_details',
    one ? `Details of ${d.services[0].name}` : 'Details of the services we talked about',
    lines(
      'Hello,',
      '',
      one
        ? 'Here are the details of the service we talked about. Times can change, so check with them before you go.'
        : 'Here are the details of the services we talked about. Times can change, so check with them before you go.',
      '',
      ...d.services.flatMap((s) => [serviceBlock(s), '']),
      `If you have questions, call ${b.contactPhone} or email ${b.contactEmail} and give your reference, ${d.reference}.`,
      '',
      b.serviceName,
    ),
    {
      reference: d.reference,
      services: d.services.map(serviceBlock).join('\n\n'),
    },
  );
}

/** The most segments one service's text may take. */
export const SERVICE_TEXT_MAX_SEGMENTS = 2;

/**
 * One service as a text message of at most two segments: the fullest version that fits, dropping
 * the least needed details first (further times and places, the email address when there is a
 * phone number, the link, the cost).
 */
export function serviceDetailsText(d: { reference: string; service: ServiceDetails }): Rendered {
  const s = d.service;
  const from = config.borough.serviceName;
  const contact = (withEmail: boolean) =>
    [s.phone ? `Call ${s.phone}.` : null, withEmail || !s.phone ? (s.email ? `Email ${s.email}.` : null) : null]
      .filter(Boolean)
      .join(' ');
  const build = (o: { allTimes: boolean; email: boolean; link: boolean; cost: boolean; place: boolean }) =>
    [
      `${from}: ${s.name} (${s.organisationName}).`,
      s.when.length
        ? `${o.allTimes ? s.when.join('; ') : s.when[0]}${!o.allTimes && s.when.length > 1 ? ' and other times' : ''}.`
        : null,
      o.place && s.where.length ? `${o.allTimes ? s.where.join('; ') : s.where[0]}.` : null,
      o.cost && s.cost ? `${s.cost}.` : null,
      contact(o.email),
      o.link ? s.pageUrl : null,
      `Ref ${d.reference}`,
    ]
      .filter(Boolean)
      .join(' ');
  const tries = [
    { allTimes: true, email: true, link: true, cost: true, place: true },
    { allTimes: false, email: true, link: true, cost: true, place: true },
    { allTimes: false, email: false, link: true, cost: true, place: true },
    { allTimes: false, email: false, link: false, cost: true, place: true },
    { allTimes: false, email: false, link: false, cost: false, place: true },
    { allTimes: false, email: false, link: false, cost: false, place: false },
  ];
  let body = build(tries[tries.length - 1]);
  for (const t of tries) {
    const candidate = build(t);
    if (smsLength(sms('', candidate, {}).body).segments <= SERVICE_TEXT_MAX_SEGMENTS) {
      body = candidate;
      break;
    }
  }
  return sms('service_details_sms', body, { reference: d.reference, service_name: s.name, text: body });
}
