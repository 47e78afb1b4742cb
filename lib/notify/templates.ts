// Message wording, in plain English (GOV.UK style). Each returns what the outbox stores; the
// personalisation is what a template written in GOV.UK Notify would use instead of the body.
// E-mails carry no details of the person referred: the provider reads those on the page the link
// opens, so a forwarded or misdirected e-mail gives nothing away.
import { formatDate } from '../format/dates';
import type { CaseloadTemplateName } from './caseload-messages';

export type Rendered = {
  template: TemplateName;
  subject: string;
  body: string;
  personalisation: Record<string, string>;
};

export type TemplateName =
  | CaseloadTemplateName
  | 'referral_to_provider'
  | 'referral_reminder'
  | 'referral_expired_to_worker'
  | 'referral_answered_to_worker'
  | 'coordinator_new_referral'
  | 'listing_still_right';

const lines = (...parts: (string | false | null | undefined)[]) => parts.filter((p) => p !== false && p != null).join('\n');

function render(template: TemplateName, subject: string, body: string, personalisation: Record<string, string>): Rendered {
  return { template, subject, body, personalisation };
}

export type ReferralToProvider = {
  serviceName: string;
  /** Who is referring: the link worker's team. */
  teamName: string;
  acceptUrl: string;
  declineUrl: string;
  answerBy: Date;
  inboxUrl: string;
  signOff: string;
};

export function referralToProvider(d: ReferralToProvider): Rendered {
  const answerBy = formatDate(d.answerBy);
  return render(
    'referral_to_provider',
    `New referral for ${d.serviceName}`,
    lines(
      'Hello,',
      '',
      `${d.teamName} would like to refer someone to ${d.serviceName}.`,
      '',
      'To see their details and accept the referral, use this link:',
      d.acceptUrl,
      '',
      'If you cannot take them, use this link to tell us why:',
      d.declineUrl,
      '',
      `Please answer by ${answerBy}. If we have not heard from you by then, we will let their link worker know, so they can help the person find something else. (A link worker helps people find local groups and activities.)`,
      '',
      `The links work once and stop working on ${answerBy}. You can also answer by signing in: ${d.inboxUrl}`,
      '',
      'We have not put the person’s details in this email, to keep them safe.',
      '',
      d.signOff,
    ),
    {
      service_name: d.serviceName,
      team_name: d.teamName,
      accept_url: d.acceptUrl,
      decline_url: d.declineUrl,
      answer_by: answerBy,
      inbox_url: d.inboxUrl,
    },
  );
}

export type ReferralReminder = ReferralToProvider & { sentAt: Date };

export function referralReminder(d: ReferralReminder): Rendered {
  const sentOn = formatDate(d.sentAt);
  const answerBy = formatDate(d.answerBy);
  return render(
    'referral_reminder',
    `Reminder: a referral for ${d.serviceName} is waiting for your answer`,
    lines(
      'Hello,',
      '',
      `On ${sentOn}, ${d.teamName} referred someone to ${d.serviceName}. We have not had an answer yet.`,
      '',
      'To see their details and accept the referral, use this link:',
      d.acceptUrl,
      '',
      'If you cannot take them, use this link to tell us why:',
      d.declineUrl,
      '',
      `Please answer by ${answerBy}. After that the referral will close and we will let their link worker know.`,
      '',
      `You can also answer by signing in: ${d.inboxUrl}`,
      '',
      d.signOff,
    ),
    {
      service_name: d.serviceName,
      team_name: d.teamName,
      sent_on: sentOn,
      accept_url: d.acceptUrl,
      decline_url: d.declineUrl,
      answer_by: answerBy,
      inbox_url: d.inboxUrl,
    },
  );
}

export type ReferralExpiredToWorker = {
  workerName: string;
  serviceName: string;
  caseReference: string;
  sentAt: Date;
  caseUrl: string;
  signOff: string;
};

export function referralExpiredToWorker(d: ReferralExpiredToWorker): Rendered {
  const sentOn = formatDate(d.sentAt);
  return render(
    'referral_expired_to_worker',
    `No answer from ${d.serviceName} (case ${d.caseReference})`,
    lines(
      `Hello ${d.workerName},`,
      '',
      `${d.serviceName} has not answered the referral you sent on ${sentOn} for case ${d.caseReference}. We have closed the referral as "no answer in time".`,
      '',
      'You can send it again, or refer the person somewhere else:',
      d.caseUrl,
      '',
      d.signOff,
    ),
    {
      worker_name: d.workerName,
      service_name: d.serviceName,
      case_reference: d.caseReference,
      sent_on: sentOn,
      case_url: d.caseUrl,
    },
  );
}

export type ReferralAnsweredToWorker = {
  workerName: string;
  serviceName: string;
  caseReference: string;
  /** "accepted the referral", "put the person on their waiting list", "cannot take the referral". */
  outcome: string;
  reason?: string | null;
  caseUrl: string;
  signOff: string;
};

export function referralAnsweredToWorker(d: ReferralAnsweredToWorker): Rendered {
  return render(
    'referral_answered_to_worker',
    `${d.serviceName} has answered your referral (case ${d.caseReference})`,
    lines(
      `Hello ${d.workerName},`,
      '',
      `${d.serviceName} has ${d.outcome} for case ${d.caseReference}.`,
      d.reason ? `The reason they gave: ${d.reason}.` : null,
      '',
      'See the case:',
      d.caseUrl,
      '',
      d.signOff,
    ),
    {
      worker_name: d.workerName,
      service_name: d.serviceName,
      case_reference: d.caseReference,
      outcome: d.outcome,
      reason: d.reason ?? '',
      case_url: d.caseUrl,
    },
  );
}

export type CoordinatorNewReferral = {
  reference: string;
  /** "GP practice", "Self-referral"... */
  sourceLabel: string;
  receivedAt: Date;
  queueUrl: string;
  signOff: string;
};

export function coordinatorNewReferral(d: CoordinatorNewReferral): Rendered {
  const received = formatDate(d.receivedAt);
  return render(
    'coordinator_new_referral',
    `New referral ${d.reference}`,
    lines(
      'Hello,',
      '',
      `A new referral (${d.reference}) came in on ${received}. Source: ${d.sourceLabel}.`,
      '',
      'It is waiting in the triage queue:',
      d.queueUrl,
      '',
      d.signOff,
    ),
    { reference: d.reference, source: d.sourceLabel, received_on: received, queue_url: d.queueUrl },
  );
}

export type ListingStillRight = {
  serviceName: string;
  lastCheckedAt: Date | null;
  confirmUrl: string;
  editUrl: string;
  signOff: string;
};

export function listingStillRight(d: ListingStillRight): Rendered {
  const checked = d.lastCheckedAt ? formatDate(d.lastCheckedAt) : null;
  return render(
    'listing_still_right',
    `Is your listing for ${d.serviceName} still right?`,
    lines(
      'Hello,',
      '',
      checked
        ? `Your listing for ${d.serviceName} was last checked on ${checked}.`
        : `Your listing for ${d.serviceName} has not been checked yet.`,
      'People use it to decide whether to come along, so please check the days, times, place and contact details.',
      '',
      'If everything is still right, confirm it with one click:',
      d.confirmUrl,
      '',
      'If something has changed, update it here:',
      d.editUrl,
      '',
      'Listings that are not checked for a long time stop showing in search results.',
      '',
      d.signOff,
    ),
    { service_name: d.serviceName, last_checked: checked ?? 'never', confirm_url: d.confirmUrl, edit_url: d.editUrl },
  );
}
