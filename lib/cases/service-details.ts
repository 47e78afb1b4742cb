// Sending a person the details of services a worker suggested (times, place, cost, contact), by
// email or text: from triage when a referral is signposted, or from the case. The address or
// number is always the one on the person's record, and only while they agree to be contacted.
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/types';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import { addressLines, getPublicServices, type PublicService } from '@/lib/directory/service';
import { enqueueRendered, messageRoutes, templates, type MessageRoute } from '@/lib/notify';
import { hasActiveConsent } from './consent';

/** How the details go: the channel chosen on the form; the address comes from the record. */
export const SEND_CHOICES = ['email', 'sms', 'none'] as const;
export type SendChoice = (typeof SEND_CHOICES)[number];

export function serviceDetailsOf(s: PublicService): templates.ServiceDetails {
  const base = config.baseUrl.replace(/\/+$/, '');
  const where = s.locations.map((l) => addressLines(l).join(', '));
  if (s.deliveryModes.includes('online')) where.push('Online');
  if (s.deliveryModes.includes('phone')) where.push('By phone');
  return {
    name: s.name,
    organisationName: s.organisation.name,
    when: s.when.map((w) => w.text),
    where,
    cost: s.isFree ? 'Free' : s.costDescription,
    phone: s.phone ?? s.organisation.phone,
    email: s.email ?? s.organisation.email,
    website: s.url ?? s.organisation.website,
    pageUrl: `${base}/services/${s.id}`,
  };
}

export type SendDetailsResult =
  | { ok: true; queued: number; channel: MessageRoute['channel'] }
  | { ok: false; reason: 'no_consent' | 'no_route' | 'unknown_service' };

export const sendDetailsRefusalMessage: Record<Extract<SendDetailsResult, { ok: false }>['reason'], string> = {
  no_consent: 'There is no agreement in force for this person to be contacted, so the details cannot be sent',
  no_route: 'There is no email address or mobile number for that on their record. Choose another way, or update their details',
  unknown_service: 'One of the services is no longer listed. Choose again',
};

/** Where the person's details let a message go, their preferred way first. */
export async function sendRoutes(tx: Tx, personId: string): Promise<MessageRoute[]> {
  const p = await tx.person.findUniqueOrThrow({
    where: { id: personId },
    select: { email: true, phone: true, preferredContact: true, anonymisedAt: true },
  });
  return p.anonymisedAt ? [] : messageRoutes(p);
}

/**
 * Queues the details of the services (in the order given) to the person: one email with them
 * all, or one text each (two segments at most). Audited with the services and the channel, not
 * the address. The caller has checked the user may write to the case.
 */
export async function sendServiceDetails(
  tx: Tx,
  user: Pick<SessionUser, 'id' | 'role'>,
  d: { caseId: string; reference: string; personId: string; serviceIds: readonly string[]; channel: MessageRoute['channel'] },
  now: Date = new Date(),
): Promise<SendDetailsResult> {
  const consents = await tx.consent.findMany({ where: { personId: d.personId, scope: 'contact' } });
  if (!hasActiveConsent(consents, 'contact', now)) return { ok: false, reason: 'no_consent' };
  const route = (await sendRoutes(tx, d.personId)).find((r) => r.channel === d.channel);
  if (!route) return { ok: false, reason: 'no_route' };
  const ids = [...new Set(d.serviceIds)];
  const services = await getPublicServices(tx, ids, now);
  if (services.length !== ids.length || ids.length === 0) return { ok: false, reason: 'unknown_service' };

  const details = services.map(serviceDetailsOf);
  const payload = { caseId: d.caseId, reference: d.reference, serviceIds: ids };
  const rendered =
    route.channel === 'email'
      ? [templates.serviceDetails({ reference: d.reference, services: details })]
      : details.map((service) => templates.serviceDetailsText({ reference: d.reference, service }));
  for (const r of rendered) await enqueueRendered(tx, { recipient: route.to, rendered: r, payload }, now);
  await recordAudit(tx, {
    actor: user,
    action: 'case.service_details_sent',
    entityType: 'case',
    entityId: d.caseId,
    personId: d.personId,
    detail: { serviceIds: ids, channel: route.channel, messages: rendered.length },
    at: now,
  });
  return { ok: true, queued: rendered.length, channel: route.channel };
}
