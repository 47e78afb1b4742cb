// Messages about caseload management: closing as could not contact, and cases moved between link
// workers. Like every message here they carry the case reference, never the person's name or what
// was written about them.
import { formatDate } from '../../format/dates';
import { lines, sms, type Rendered } from './render';

/** " 3 times", " twice", " once"; nothing when the tries were not counted. */
const tries = (n: number) => (n < 1 ? '' : n === 1 ? ' once' : n === 2 ? ' twice' : ` ${n} times`);

/** How to get back in touch: the service's phone and e-mail, as configured. */
export type ServiceContact = { serviceName: string; phone: string; email: string };

export type CouldNotContactToPerson = ServiceContact & { reference: string; attempts: number };

/** To the person, by e-mail: we tried, we could not reach you, here is how to come back. */
export function couldNotContactToPerson(d: CouldNotContactToPerson): Rendered {
  return {
    template: 'could_not_contact_to_person',
    channel: 'email',
    subject: `We could not reach you (reference ${d.reference})`,
    body: lines(
      'Hello,',
      '',
      `You, or someone on your behalf, asked ${d.serviceName} for help. A link worker (someone who helps people find local groups and activities) tried to contact you${tries(d.attempts)} but could not reach you.`,
      '',
      'We have closed your request for now.',
      '',
      `Your reference is ${d.reference}.`,
      '',
      `If you would still like help, call us on ${d.phone} or email ${d.email} and give your reference. We will pick it up again.`,
      '',
      'This is not an emergency service. In an emergency, call 999. For urgent health advice, call NHS 111. To talk to someone now, call Samaritans on 116 123.',
      '',
      d.serviceName,
    ),
    personalisation: {
      reference: d.reference,
      attempts: tries(d.attempts).trim(),
      service_name: d.serviceName,
      service_phone: d.phone,
      service_email: d.email,
    },
  };
}

/** To the person, by text message: the same, short. */
export function couldNotContactToPersonSms(d: CouldNotContactToPerson): Rendered {
  return sms(
    'could_not_contact_to_person_sms',
    `${d.serviceName}: we tried to contact you${tries(d.attempts)} about your request for help but could not reach you, so we have closed it for now. If you would still like help, call ${d.phone} and give your reference ${d.reference}.`,
    {
      reference: d.reference,
      attempts: tries(d.attempts).trim(),
      service_name: d.serviceName,
      service_phone: d.phone,
    },
  );
}

export type CouldNotContactToReferrer = ServiceContact & {
  referrerName: string | null;
  reference: string;
  receivedAt: Date;
  attempts: number;
};

/** To whoever referred the person: we could not reach them, so the referral is closed. */
export function couldNotContactToReferrer(d: CouldNotContactToReferrer): Rendered {
  const received = formatDate(d.receivedAt);
  return {
    template: 'could_not_contact_to_referrer',
    channel: 'email',
    subject: `We could not contact the person you referred (reference ${d.reference})`,
    body: lines(
      d.referrerName ? `Hello ${d.referrerName},` : 'Hello,',
      '',
      `On ${received} you referred someone to ${d.serviceName} (reference ${d.reference}).`,
      '',
      `A link worker tried to contact them${tries(d.attempts)} but could not reach them, so we have closed the referral.`,
      '',
      `If you are in touch with them, please let them know they can still call us on ${d.phone} or email ${d.email}. You can also refer them again at any time.`,
      '',
      'We have not put the person’s details in this email, to keep them safe.',
      '',
      d.serviceName,
    ),
    personalisation: {
      referrer_name: d.referrerName ?? '',
      reference: d.reference,
      received_on: received,
      attempts: tries(d.attempts).trim(),
      service_name: d.serviceName,
      service_phone: d.phone,
      service_email: d.email,
    },
  };
}

export type CasesMovedToWorker = {
  workerName: string;
  /** Who moved them. */
  byName: string;
  /** Who had them. */
  fromName: string;
  /** The cases now theirs: reference and address. */
  cases: ReadonlyArray<{ reference: string; url: string }>;
  caseloadUrl: string;
  signOff: string;
};

/** To the worker who takes one case or many. */
export function casesMovedToWorker(d: CasesMovedToWorker): Rendered {
  const one = d.cases.length === 1;
  const references = d.cases.map((c) => c.reference).join(', ');
  return {
    template: 'cases_moved_to_worker',
    channel: 'email',
    subject: one ? `Case ${d.cases[0].reference} is now yours` : `${d.cases.length} cases are now yours`,
    body: lines(
      `Hello ${d.workerName},`,
      '',
      one
        ? `${d.byName} has moved case ${d.cases[0].reference} to you from ${d.fromName}. Its follow-ups and open referrals came with it.`
        : `${d.byName} has moved ${d.cases.length} cases to you from ${d.fromName}. Their follow-ups and open referrals came with them.`,
      '',
      one ? 'See the case and why it moved:' : `The cases are: ${references}.`,
      one ? d.cases[0].url : '',
      one ? '' : 'See them on your caseload:',
      one ? null : d.caseloadUrl,
      one ? null : '',
      d.signOff,
    ),
    personalisation: {
      worker_name: d.workerName,
      by_name: d.byName,
      from_name: d.fromName,
      count: String(d.cases.length),
      references,
      url: one ? d.cases[0].url : d.caseloadUrl,
    },
  };
}

export type CasesMovedFromWorker = {
  workerName: string;
  byName: string;
  /** Who has them now, by name, with how many each. */
  to: ReadonlyArray<{ name: string; count: number }>;
  references: readonly string[];
  signOff: string;
};

/** To the worker whose case, or caseload, moved to someone else. */
export function casesMovedFromWorker(d: CasesMovedFromWorker): Rendered {
  const count = d.references.length;
  const one = count === 1;
  const toText = d.to.map((t) => (d.to.length === 1 ? t.name : `${t.name} (${t.count})`)).join(', ');
  return {
    template: 'cases_moved_from_worker',
    channel: 'email',
    subject: one ? `Case ${d.references[0]} has moved to ${toText}` : `${count} of your cases have moved`,
    body: lines(
      `Hello ${d.workerName},`,
      '',
      one
        ? `${d.byName} has moved case ${d.references[0]} from your caseload to ${toText}.`
        : `${d.byName} has moved ${count} cases from your caseload to ${toText}.`,
      one ? null : `The cases are: ${d.references.join(', ')}.`,
      '',
      'You do not need to do anything. If you think this is a mistake, speak to your coordinator.',
      '',
      d.signOff,
    ),
    personalisation: {
      worker_name: d.workerName,
      by_name: d.byName,
      to: toText,
      count: String(count),
      references: d.references.join(', '),
    },
  };
}
