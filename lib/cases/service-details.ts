// Sending a person the details of services a worker suggested (times, place, cost, contact), by
// email or text: from triage when a referral is signposted, or from the case. The address or
// number is always the one on the person's record, and only while they agree to be contacted.
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/types';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import { addressLines, getPublicServices, type PublicService } from '@/lib/directory/service';
import { enqueueRendered, messageRoutes, templates, type MessageRoute } from '@/lib/notify';
import { z } from 'zod';
import { uuid } from '@/lib/forms';
import { caseAccess } from './access';
import { hasActiveConsent } from './consent';

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

export const sendDetailsInput = z.object({
  serviceIds: z
    .array(uuid('Select the services to send'), { error: 'Select at least one service to send' })
    .min(1, 'Select at least one service to send')
    .max(10, 'Select 10 services or fewer'),
  sendTo: z.enum(['email', 'sms'], { error: 'Select how to send the details' }),
});
export type SendDetailsInput = z.infer<typeof sendDetailsInput>;

export type SendDetailsResult =
  | { ok: true; queued: number; channel: MessageRoute['channel'] }
  | { ok: false; reason: 'no_consent' | 'no_route' | 'unknown_service' };

export const sendDetailsRefusalMessage: Record<Extract<SendDetailsResult, { ok: false }>['reason'] | 'closed', string> = {
  closed: 'This case is closed. Reopen it to send the person anything',
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

/** Whether a message can go to the person by this channel now: they agree to be contacted, and the record has the address. */
export async function routeFor(
  tx: Tx,
  personId: string,
  channel: MessageRoute['channel'],
  now: Date = new Date(),
): Promise<{ ok: true; route: MessageRoute } | { ok: false; reason: 'no_consent' | 'no_route' }> {
  const consents = await tx.consent.findMany({ where: { personId, scope: 'contact' } });
  if (!hasActiveConsent(consents, 'contact', now)) return { ok: false, reason: 'no_consent' };
  const route = (await sendRoutes(tx, personId)).find((r) => r.channel === channel);
  return route ? { ok: true, route } : { ok: false, reason: 'no_route' };
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
  const route = await routeFor(tx, d.personId, d.channel, now);
  if (!route.ok) return route;
  const ids = [...new Set(d.serviceIds)];
  const services = await getPublicServices(tx, ids, now);
  if (services.length !== ids.length || ids.length === 0) return { ok: false, reason: 'unknown_service' };

  const details = services.map(serviceDetailsOf);
  const payload = { caseId: d.caseId, reference: d.reference, serviceIds: ids };
  const rendered =
    d.channel === 'email'
      ? [templates.serviceDetails({ reference: d.reference, services: details })]
      : details.map((service) => templates.serviceDetailsText({ reference: d.reference, service }));
  for (const r of rendered) await enqueueRendered(tx, { recipient: route.route.to, rendered: r, payload }, now);
  await recordAudit(tx, {
    actor: user,
    action: 'case.service_details_sent',
    entityType: 'case',
    entityId: d.caseId,
    personId: d.personId,
    detail: { serviceIds: ids, channel: d.channel, messages: rendered.length },
    at: now,
  });
  return { ok: true, queued: rendered.length, channel: d.channel };
}

/** From the case: the worker chose services and a way to send them. */
export async function sendDetailsFromCase(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  input: SendDetailsInput,
  now: Date = new Date(),
): Promise<SendDetailsResult | { ok: false; reason: 'not_found' | 'forbidden' | 'closed' }> {
  const access = await caseAccess(tx, user, caseId, 'case.write');
  if (!access.ok) return access;
  if (access.facts.status === 'closed') return { ok: false, reason: 'closed' };
  const { reference, personId } = access.facts;
  return sendServiceDetails(tx, user, { caseId, reference, personId, serviceIds: input.serviceIds, channel: input.sendTo }, now);
}
