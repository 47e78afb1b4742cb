// Messages to the people the service exists for, against a real database: acknowledgements when
// a referral arrives, details of services from triage and from the case, and the outcome to the
// referrer and (with the person's agreement) the GP practice, with the FHIR document.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeCase, type CloseCaseInput } from '@/lib/cases/close';
import { gpOutcomeDocument } from '@/lib/cases/fhir';
import { sendDetailsFromCase } from '@/lib/cases/service-details';
import { referralConfirmation } from '@/lib/intake/confirmation';
import { parseReferral, type ReferralKind, type ReferralValues } from '@/lib/intake/schema';
import { submitReferral } from '@/lib/intake/submit';
import { signpostReferral } from '@/lib/triage/decisions';
import { fhirR4Errors } from '../helpers/fhir-schema';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, type CaseworkWorld } from './casework-fixture';

const t = useFreshDatabase();
// Wednesday 18 November 2026, midday in London.
const NOW = new Date('2026-11-18T12:00:00Z');
let w: CaseworkWorld;

beforeAll(async () => {
  w = await caseworkWorld(t.db);
  // The intake team is the oldest: make the fixture's team it.
  await t.db.team.update({ where: { id: w.teamA.id }, data: { createdAt: new Date('2020-01-01T00:00:00Z') } });
  await t.db.service.update({
    where: { id: w.service1.id },
    data: { phone: '01632 960 402', isFree: true, url: 'https://lunch.example.org' },
  });
  await t.db.schedule.create({
    data: { serviceId: w.service1.id, freq: 'WEEKLY', byDay: ['TU'], opensAt: '10:00', closesAt: '11:30' },
  });
});

function referralForm(kind: ReferralKind, over: Partial<ReferralValues> = {}): ReferralValues {
  return {
    submissionKey: randomUUID(),
    forWhom: 'self',
    name: 'Margaret Hill',
    ageBand: '75-84',
    preferredContact: 'email',
    phone: '07700 900 123',
    email: `margaret-${randomUUID().slice(0, 8)}@example.com`,
    whatMatters: 'I would like some company.',
    consent: ['contact'],
    ...(kind === 'professional'
      ? {
          referrerName: 'Dr Anita Patel',
          referrerRole: 'GP',
          referrerOrganisation: 'Brook Street Surgery',
          referrerEmail: 'anita.patel@nhs.example',
          source: 'gp',
        }
      : {}),
    ...over,
  };
}

async function refer(kind: ReferralKind, over: Partial<ReferralValues> = {}) {
  const parsed = parseReferral(kind, referralForm(kind, over), NOW);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  const result = await submitReferral(t.db, { ...parsed.data, clientIp: `203.0.113.${Math.floor(Math.random() * 200)}` }, NOW);
  if (!result.ok) throw new Error(result.reason);
  const messages = await t.db.notification.findMany({
    where: { payload: { path: ['caseId'], equals: result.caseId } },
    orderBy: { createdAt: 'asc' },
  });
  return { ...result, values: parsed.data, messages };
}

describe('acknowledging a referral', () => {
  it('emails a resident who chose email their reference and what happens next', async () => {
    const r = await refer('self');
    expect(r.messages).toHaveLength(1);
    const [m] = r.messages;
    expect(m).toMatchObject({
      channel: 'email',
      template: 'request_received',
      recipient: r.values.person.email,
      status: 'queued',
    });
    expect(m.subject).toContain(r.reference);
    expect(m.body).toContain(`Your reference is ${r.reference}.`);
    // Received on a Wednesday: 10 working days later is Wednesday 2 December.
    expect(m.body).toContain('by email within 10 working days, by Wednesday 2 December 2026');
    const confirmation = await referralConfirmation(t.db, r.reference, r.values.submissionKey);
    expect(confirmation?.acknowledgedBy).toBe('email');
  });

  it('texts a resident who chose text', async () => {
    const r = await refer('self', { preferredContact: 'text' });
    expect(r.messages.map((m) => [m.channel, m.template, m.recipient])).toEqual([
      ['sms', 'request_received_sms', '07700 900 123'],
    ]);
    expect(r.messages[0].body).toContain(r.reference);
    expect(r.messages[0].subject).toBeNull();
  });

  it('sends nothing to a resident who asked for a phone call', async () => {
    const r = await refer('self', { preferredContact: 'phone' });
    expect(r.messages).toEqual([]);
    expect((await referralConfirmation(t.db, r.reference, r.values.submissionKey))?.acknowledgedBy).toBeNull();
  });

  it('emails a professional referrer, and not the person', async () => {
    const r = await refer('professional', { preferredContact: 'text' });
    expect(r.messages.map((m) => [m.channel, m.template, m.recipient])).toEqual([
      ['email', 'referral_received', 'anita.patel@nhs.example'],
    ]);
    expect(r.messages[0].body).toContain(r.reference);
    expect(r.messages[0].body).toContain('contact the person by text message');
    expect(r.messages[0].body).not.toContain('Margaret');
  });

  it('sends nothing to a professional who gave only a phone number', async () => {
    const r = await refer('professional', { referrerEmail: '', referrerPhone: '01632 960 555' });
    expect(r.messages).toEqual([]);
  });

  it('sends one acknowledgement when the same form arrives twice', async () => {
    const values = referralForm('self');
    const parsed = parseReferral('self', values, NOW);
    if (!parsed.ok) throw new Error('did not parse');
    const first = await submitReferral(t.db, { ...parsed.data, clientIp: '198.51.100.7' }, NOW);
    const second = await submitReferral(t.db, { ...parsed.data, clientIp: '198.51.100.7' }, NOW);
    expect(first.ok && second.ok && second.duplicate).toBe(true);
    if (!first.ok) return;
    expect(
      await t.db.notification.count({
        where: { template: 'request_received', payload: { path: ['caseId'], equals: first.caseId } },
      }),
    ).toBe(1);
  });
});

async function newCase(over: { preferredContact?: 'email' | 'text' | 'phone'; email?: string | null; consent?: boolean } = {}) {
  const person = await t.db.person.create({
    data: {
      name: 'Ruth Evans',
      email: over.email === undefined ? `ruth-${randomUUID().slice(0, 8)}@example.com` : over.email,
      phone: '07700 900 777',
      preferredContact: over.preferredContact ?? 'email',
      gpPracticeId: (await practice()).id,
    },
  });
  if (over.consent !== false) await t.db.consent.create({ data: { personId: person.id, scope: 'contact', givenAt: NOW } });
  return t.db.case.create({
    data: {
      reference: `EB-T${randomUUID().slice(0, 7).toUpperCase()}`,
      personId: person.id,
      teamId: w.teamA.id,
      source: 'gp',
      referrerName: 'Dr Anita Patel (GP)',
      referrerOrganisation: 'Brook Street Surgery',
      referrerEmail: 'anita.patel@nhs.example',
      receivedAt: new Date('2026-11-10T09:00:00Z'),
      status: 'received',
    },
  });
}

let practiceRow: { id: string } | undefined;
async function practice() {
  practiceRow ??= await t.db.gpPractice.create({
    data: { code: 'Y99001', name: 'Brook Street Surgery', email: 'gp.y99001@nhs.example' },
  });
  return practiceRow;
}

const messagesFor = (caseId: string) =>
  t.db.notification.findMany({
    where: { payload: { path: ['caseId'], equals: caseId } },
    orderBy: [{ createdAt: 'asc' }, { template: 'asc' }],
  });

describe('signposting at triage', () => {
  it('sends the person the details by the way chosen, and the referrer the outcome', async () => {
    const c = await newCase();
    const r = await signpostReferral(
      t.db,
      w.coordinator,
      { caseId: c.id, version: 1, serviceIds: [w.service1.id, w.service2.id], sendTo: 'email' },
      NOW,
    );
    expect(r).toMatchObject({ ok: true });
    const messages = await messagesFor(c.id);
    expect(messages.map((m) => m.template).sort()).toEqual(['case_outcome_to_referrer', 'service_details']);
    const details = messages.find((m) => m.template === 'service_details')!;
    expect(details.channel).toBe('email');
    expect(details.body).toContain(w.service1.name);
    expect(details.body).toContain('When: Every Tuesday, 10am to 11:30am');
    expect(details.body).toContain('Phone: 01632 960 402');
    expect(details.body).toContain('Cost: Free');
    expect(details.body).toContain(w.service2.name);
    const outcome = messages.find((m) => m.template === 'case_outcome_to_referrer')!;
    expect(outcome.recipient).toBe('anita.patel@nhs.example');
    expect(outcome.body).toContain('Closed: 18 November 2026, signposted at first contact');
    expect(outcome.body).toContain('871731000000106');
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: c.id, action: 'case.service_details_sent' } });
    expect(audit.detail).toMatchObject({ channel: 'email', messages: 1 });
    expect(JSON.stringify(audit.detail)).not.toContain('@');
  });

  it('texts one message a service', async () => {
    const c = await newCase({ preferredContact: 'text' });
    const r = await signpostReferral(
      t.db,
      w.coordinator,
      { caseId: c.id, version: 1, serviceIds: [w.service1.id, w.service2.id], sendTo: 'sms' },
      NOW,
    );
    expect(r.ok).toBe(true);
    const texts = (await messagesFor(c.id)).filter((m) => m.channel === 'sms');
    expect(texts).toHaveLength(2);
    expect(texts.every((m) => m.recipient === '07700 900 777' && m.template === 'service_details_sms')).toBe(true);
  });

  it('refuses to send without an agreement to be contacted, and closes nothing', async () => {
    const c = await newCase({ consent: false });
    const r = await signpostReferral(
      t.db,
      w.coordinator,
      { caseId: c.id, version: 1, serviceIds: [w.service1.id], sendTo: 'email' },
      NOW,
    );
    expect(r).toMatchObject({ ok: false, reason: 'invalid', field: 'sendTo' });
    expect((await t.db.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('received');
    expect(await messagesFor(c.id)).toEqual([]);
  });

  it('refuses a way their record has no address for', async () => {
    const c = await newCase({ email: null });
    const r = await signpostReferral(
      t.db,
      w.coordinator,
      { caseId: c.id, version: 1, serviceIds: [w.service1.id], sendTo: 'email' },
      NOW,
    );
    expect(r).toMatchObject({ ok: false, field: 'sendTo' });
  });
});

describe('sending details from the case', () => {
  it('lets the team’s worker send services from the directory, and nobody else', async () => {
    const c = await newCase();
    const input = { serviceIds: [w.service1.id], sendTo: 'email' as const };
    expect(await sendDetailsFromCase(t.db, w.otherWorker, c.id, input, NOW)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await sendDetailsFromCase(t.db, w.worker, c.id, input, NOW)).toEqual({ ok: true, queued: 1, channel: 'email' });
    const [m] = await messagesFor(c.id);
    expect(m).toMatchObject({ template: 'service_details', subject: `Details of ${w.service1.name}` });
  });

  it('refuses a service that is not listed', async () => {
    const c = await newCase();
    const hidden = await t.db.service.create({ data: { organisationId: w.org1.id, name: 'Draft group', published: false } });
    expect(await sendDetailsFromCase(t.db, w.worker, c.id, { serviceIds: [hidden.id], sendTo: 'email' }, NOW)).toEqual({
      ok: false,
      reason: 'unknown_service',
    });
  });
});

function closeInput(over: Partial<CloseCaseInput>): CloseCaseInput {
  return {
    expectedVersion: 1,
    outcome: 'settled_community_support',
    closedOn: '2026-11-18',
    type: 'good_life',
    ...over,
  } as CloseCaseInput;
}

describe('the outcome when a case closes', () => {
  async function activeCase(tellGp: boolean) {
    const c = await newCase();
    await t.db.case.update({
      where: { id: c.id },
      data: {
        status: 'active',
        triagedAt: new Date('2026-11-11T09:00:00Z'),
        assignedWorkerId: w.worker.id,
        firstContactAt: new Date('2026-11-12T10:00:00Z'),
      },
    });
    if (tellGp)
      await t.db.consent.create({ data: { personId: c.personId, scope: 'tell_gp', fields: ['outcome'], givenAt: NOW } });
    const referral = await t.db.referral.create({
      data: { caseId: c.id, serviceId: w.service1.id, createdById: w.worker.id, status: 'attending', sentAt: NOW },
    });
    await t.db.referral.create({
      data: { caseId: c.id, serviceId: w.service2.id, createdById: w.worker.id, status: 'declined' },
    });
    return { c, referral };
  }

  it('tells the referrer and, where the person agreed, the GP practice, with the SNOMED CT code', async () => {
    const { c } = await activeCase(true);
    const r = await t.db.$transaction((tx) => closeCase(tx, w.worker, c.id, closeInput({}), NOW));
    expect(r.ok).toBe(true);
    const messages = await messagesFor(c.id);
    expect(messages.map((m) => [m.template, m.recipient])).toEqual([
      ['case_outcome_to_gp', 'gp.y99001@nhs.example'],
      ['case_outcome_to_referrer', 'anita.patel@nhs.example'],
    ]);
    const gp = messages[0];
    expect(gp.body).toContain('Patient: Ruth Evans');
    expect(gp.body).toContain(`- ${w.service1.name} (${w.org1.name}): attending`);
    expect(gp.body).not.toContain(w.service2.name);
    expect(gp.body).toContain('871731000000106 Referral to social prescribing service');
    const referrer = messages[1];
    expect(referrer.body).toContain('Connected to: 1 service');
    expect(referrer.body).not.toContain('Ruth');
    expect(await t.db.auditEvent.count({ where: { entityId: c.id, action: 'case.outcome_sent' } })).toBe(1);
  });

  it('does not tell the GP practice without the person’s agreement', async () => {
    const { c } = await activeCase(false);
    await t.db.$transaction((tx) => closeCase(tx, w.worker, c.id, closeInput({ outcome: 'declined_support' }), NOW));
    const messages = await messagesFor(c.id);
    expect(messages.map((m) => m.template)).toEqual(['case_outcome_to_referrer']);
    expect(messages[0].body).toContain('871711000000103 Social prescribing declined');
  });

  it('gives the team the FHIR R4 document, audited, once the case is closed and only with agreement', async () => {
    const { c } = await activeCase(true);
    expect(await gpOutcomeDocument(t.db, w.worker, c.id, NOW)).toEqual({ ok: false, reason: 'open' });
    await t.db.$transaction((tx) => closeCase(tx, w.worker, c.id, closeInput({}), NOW));

    expect(await gpOutcomeDocument(t.db, w.otherWorker, c.id, NOW)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await gpOutcomeDocument(t.db, w.commissioner, c.id, NOW)).toEqual({ ok: false, reason: 'forbidden' });
    const doc = await gpOutcomeDocument(t.db, w.coordinator, c.id, NOW);
    if (!doc.ok) throw new Error(doc.reason);
    expect(fhirR4Errors(doc.bundle)).toEqual([]);
    const task = doc.bundle.entry!.find((e) => e.resource?.resourceType === 'Task')!.resource!;
    expect(task).toMatchObject({ status: 'completed', code: { coding: [{ code: '871731000000106' }] } });
    expect(
      await t.db.auditEvent.count({ where: { entityId: c.id, action: 'case.gp_outcome_downloaded', actorId: w.coordinator.id } }),
    ).toBe(1);

    await t.db.consent.updateMany({ where: { personId: c.personId, scope: 'tell_gp' }, data: { withdrawnAt: NOW } });
    expect(await gpOutcomeDocument(t.db, w.coordinator, c.id, new Date(NOW.getTime() + 1000))).toEqual({
      ok: false,
      reason: 'not_agreed',
    });
  });
});
