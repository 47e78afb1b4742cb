// Closing as "could not contact" tells the person (by the route they chose, if we can use it and
// they agreed to be contacted) and whoever referred them (by e-mail), through the outbox, in the
// same transaction as the closing. The plan is pure so the page can show it before anyone confirms.
import type { CaseSource, ContactMethod } from '@/lib/db/generated/enums';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import { isMobileNumber } from '@/lib/forms/phone';
import { enqueueRendered, templates } from '@/lib/notify';
import { hasActiveConsent } from './consent';
import { attemptsInARow } from './contact-attempts';

export type PlannedMessage = { to: 'person' | 'referrer'; channel: 'email' | 'sms'; recipient: string };
export type UnsentMessage = { to: 'person' | 'referrer'; why: string };
export type MessagePlan = { messages: PlannedMessage[]; unsent: UnsentMessage[] };

export type PlanFacts = {
  person: { preferredContact: ContactMethod; email: string | null; phone: string | null };
  /** An agreement to be contacted is in force. */
  mayContact: boolean;
  source: CaseSource;
  referrerEmail: string | null;
};

/** The person's route: what they chose where we can use it, else the other way we hold. */
function personRoute(p: PlanFacts['person']): PlannedMessage | UnsentMessage {
  const email = p.email?.trim() || null;
  const mobile = p.phone && isMobileNumber(p.phone) ? p.phone.trim() : null;
  const byEmail = email ? ({ to: 'person', channel: 'email', recipient: email } as const) : null;
  const byText = mobile ? ({ to: 'person', channel: 'sms', recipient: mobile } as const) : null;
  switch (p.preferredContact) {
    case 'letter':
      return { to: 'person', why: 'They asked for letters, and we do not hold a postal address. Write to them if you can.' };
    case 'email':
      return byEmail ?? byText ?? { to: 'person', why: 'We have no email address or mobile number for them.' };
    case 'text':
    case 'phone':
      return byText ?? byEmail ?? { to: 'person', why: 'We have no mobile number or email address for them.' };
  }
}

/** Who will be written to, and why anyone will not. */
export function couldNotContactPlan(f: PlanFacts): MessagePlan {
  const plan: MessagePlan = { messages: [], unsent: [] };
  const person: PlannedMessage | UnsentMessage = f.mayContact
    ? personRoute(f.person)
    : { to: 'person', why: 'They have no agreement in force to be contacted.' };
  if ('channel' in person) plan.messages.push(person);
  else plan.unsent.push(person);
  if (f.source !== 'self') {
    const email = f.referrerEmail?.trim();
    if (email) plan.messages.push({ to: 'referrer', channel: 'email', recipient: email });
    else plan.unsent.push({ to: 'referrer', why: 'We have no email address for whoever referred them.' });
  }
  return plan;
}

/** The facts the plan needs, read from the case. */
export async function couldNotContactFacts(tx: Tx, caseId: string, now: Date = new Date()) {
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      reference: true,
      receivedAt: true,
      source: true,
      referrerName: true,
      referrerEmail: true,
      person: {
        select: {
          preferredContact: true,
          email: true,
          phone: true,
          consents: { select: { scope: true, givenAt: true, withdrawnAt: true, organisationId: true, fields: true } },
        },
      },
    },
  });
  const plan = couldNotContactPlan({
    person: c.person,
    mayContact: hasActiveConsent(c.person.consents, 'contact', now),
    source: c.source,
    referrerEmail: c.referrerEmail,
  });
  return { case: c, plan, attempts: await attemptsInARow(tx, caseId) };
}

/** Queues the messages of the plan; called by closeCase when the outcome is "could not contact". */
export async function queueCouldNotContact(tx: Tx, caseId: string, now: Date = new Date()): Promise<MessagePlan> {
  const { case: c, plan, attempts } = await couldNotContactFacts(tx, caseId, now);
  const contact = {
    serviceName: config.borough.serviceName,
    phone: config.borough.contactPhone,
    email: config.borough.contactEmail,
  };
  for (const m of plan.messages) {
    const rendered =
      m.to === 'referrer'
        ? templates.couldNotContactToReferrer({
            ...contact,
            referrerName: c.referrerName,
            reference: c.reference,
            receivedAt: c.receivedAt,
            attempts,
          })
        : m.channel === 'sms'
          ? templates.couldNotContactToPersonSms({ ...contact, reference: c.reference, attempts })
          : templates.couldNotContactToPerson({ ...contact, reference: c.reference, attempts });
    await enqueueRendered(tx, { recipient: m.recipient, rendered, payload: { caseId, reference: c.reference } }, now);
  }
  return plan;
}
