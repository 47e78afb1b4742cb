import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { referralConfirmation } from '@/lib/intake/confirmation';
import { referralFormOptions } from '@/lib/intake/form-options';
import { parseReferral, type ReferralKind, type ReferralValues } from '@/lib/intake/schema';
import { submitReferral, type SubmitReferralInput } from '@/lib/intake/submit';
import { intakeTeam } from '@/lib/intake/team';
import { useFreshDatabase } from '../helpers/db';

const t = useFreshDatabase();
// Wednesday 18 November 2026, midday in London.
const NOW = new Date('2026-11-18T12:00:00Z');
const ids: Record<string, string> = {};

function form(over: Partial<ReferralValues> = {}): ReferralValues {
  return {
    submissionKey: randomUUID(),
    forWhom: 'self',
    name: 'Margaret Hill',
    ageBand: '75-84',
    preferredContact: 'phone',
    phone: '01632 960 123',
    email: 'margaret@example.com',
    bestTimes: ['morning'],
    contactNotes: 'Please let it ring for a while.',
    postcode: 'eb1 2ab',
    whatMatters: 'Since my husband died I hardly see anyone. I used to love singing.',
    needs: ['loneliness', 'bereavement', 'not-a-theme'],
    consent: ['contact', 'share_with_provider'],
    ...over,
  };
}

function input(
  values: ReferralValues,
  kind: ReferralKind = 'self',
  extra: Partial<SubmitReferralInput> = {},
): SubmitReferralInput {
  const parsed = parseReferral(kind, values, NOW);
  if (!parsed.ok) throw new Error(`form did not parse: ${JSON.stringify(parsed.fieldErrors)}`);
  return { ...parsed.data, clientIp: '203.0.113.10', ...extra };
}

const env = { ...process.env };
afterEach(() => {
  for (const key of ['REFERRAL_RATE_PER_HOUR', 'INTAKE_TEAM']) {
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
});

beforeAll(async () => {
  const db = t.db;
  // The oldest team takes public referrals unless INTAKE_TEAM says otherwise.
  const intake = await db.team.create({
    data: { name: 'Connectors', email: 'connectors@example.gov.uk', createdAt: new Date('2024-01-01T00:00:00Z') },
  });
  const other = await db.team.create({ data: { name: 'PCN link workers', createdAt: new Date('2025-01-01T00:00:00Z') } });
  ids.intake = intake.id;
  ids.other = other.id;
  await db.user.createMany({
    data: [
      { email: 'coord1@example.gov.uk', name: 'Sam', passwordHash: 'x', role: 'coordinator', teamId: intake.id },
      { email: 'coord2@example.gov.uk', name: 'Kim', passwordHash: 'x', role: 'coordinator', teamId: intake.id },
      { email: 'gone@example.gov.uk', name: 'Gone', passwordHash: 'x', role: 'coordinator', teamId: intake.id, active: false },
      { email: 'lw@example.gov.uk', name: 'Priya', passwordHash: 'x', role: 'link_worker', teamId: intake.id },
      { email: 'pcn-coord@example.org', name: 'Lee', passwordHash: 'x', role: 'coordinator', teamId: other.id },
    ],
  });
  const ward = await db.ward.create({ data: { code: 'E05990001', name: 'Northfield' } });
  const area = await db.area.create({
    data: { code: 'E01990001', name: 'Eastbrook 001A', wardId: ward.id, population: 1500, imdDecile: 3 },
  });
  ids.area = area.id;
  await db.postcode.create({ data: { postcode: 'EB1 2AB', district: 'EB1', latitude: 51.4, longitude: -0.75, areaId: area.id } });
  const taxonomy = await db.taxonomy.create({ data: { name: 'Local needs', description: 'Test' } });
  const lonely = await db.taxonomyTerm.create({
    data: { taxonomyId: taxonomy.id, code: 'loneliness', name: 'Loneliness and isolation', sortOrder: 1 },
  });
  const bereavement = await db.taxonomyTerm.create({
    data: { taxonomyId: taxonomy.id, code: 'bereavement', name: 'Bereavement', sortOrder: 2 },
  });
  await db.taxonomyTerm.create({ data: { taxonomyId: taxonomy.id, code: 'singing', name: 'Singing', parentId: lonely.id } });
  ids.lonely = lonely.id;
  ids.bereavement = bereavement.id;
  const practice = await db.gpPractice.create({ data: { code: 'Y99001', name: 'Brook Street Surgery' } });
  ids.practice = practice.id;
});

describe('submitReferral', () => {
  it('creates the person, their consents and a case in the intake team’s queue', async () => {
    const db = t.db;
    const values = form({ gpPracticeId: ids.practice, consent: ['contact', 'share_with_provider', 'tell_gp'] });
    const result = await submitReferral(db, input(values), NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.duplicate).toBe(false);
    expect(result.reference).toMatch(/^EB-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const kase = await db.case.findUniqueOrThrow({
      where: { id: result.caseId },
      include: { person: { include: { consents: true } }, needs: true },
    });
    expect(kase.reference).toBe(result.reference);
    expect(kase.teamId).toBe(ids.intake);
    expect(kase.status).toBe('received');
    expect(kase.source).toBe('self');
    expect(kase.receivedAt.toISOString()).toBe(NOW.toISOString());
    expect(kase.rag).toBeNull();
    expect(kase.assignedWorkerId).toBeNull();
    expect(kase.submissionKey).toBe(values.submissionKey);
    expect(kase.whatMatters).toBe(values.whatMatters);
    expect(kase.referrerName).toBeNull();
    // Unknown codes are ignored; the others become the case's needs.
    expect(kase.needs.map((n) => n.termId).sort()).toEqual([ids.lonely, ids.bereavement].sort());

    const p = kase.person;
    expect(p).toMatchObject({
      name: 'Margaret Hill',
      phone: '01632 960 123',
      email: 'margaret@example.com',
      preferredContact: 'phone',
      ageBand: '75-84',
      postcode: 'EB1 2AB',
      areaId: ids.area,
      gpPracticeId: ids.practice,
      contactNotes: 'Best times: weekday mornings. Please let it ring for a while.',
    });
    const scopes = p.consents.map((c) => c.scope).sort();
    expect(scopes).toEqual(['contact', 'share_with_provider', 'tell_gp']);
    for (const c of p.consents) {
      expect(c.givenAt.toISOString()).toBe(NOW.toISOString());
      expect(c.withdrawnAt).toBeNull();
      expect(c.recordedById).toBeNull();
    }
    expect(p.consents.find((c) => c.scope === 'share_with_provider')?.fields).toEqual(
      expect.arrayContaining(['name', 'phone', 'email', 'whatMatters', 'needs']),
    );

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: kase.id, action: 'case.received' } });
    expect(audit.personId).toBe(p.id);
    expect(JSON.stringify(audit.detail)).not.toContain('Margaret');
  });

  it('tells each active coordinator of the team, with no personal details in the message', async () => {
    const db = t.db;
    const result = await submitReferral(db, input(form({ name: 'Zebedee Quartermain', phone: '01632 960 777' })), NOW);
    if (!result.ok) throw new Error('expected a case');
    const messages = await db.notification.findMany({
      where: { payload: { path: ['reference'], equals: result.reference } },
      orderBy: { recipient: 'asc' },
    });
    expect(messages.map((m) => m.recipient)).toEqual(['coord1@example.gov.uk', 'coord2@example.gov.uk']);
    for (const m of messages) {
      expect(m.template).toBe('coordinator_new_referral');
      expect(m.status).toBe('queued');
      expect(m.body).toContain(result.reference);
      expect(m.body).toContain('/triage');
      const all = `${m.subject} ${m.body} ${JSON.stringify(m.payload)}`;
      for (const secret of ['Zebedee', 'Quartermain', '960 777', 'EB1 2AB', 'singing', 'margaret@example.com'])
        expect(all).not.toContain(secret);
    }
  });

  it('creates one case when the same form is sent twice', async () => {
    const db = t.db;
    const values = form();
    const first = await submitReferral(db, input(values), NOW);
    const second = await submitReferral(db, input(values), new Date(NOW.getTime() + 1500));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.reference).toBe(first.reference);
    expect(second.caseId).toBe(first.caseId);
    expect(second.duplicate).toBe(true);
    expect(await db.case.count({ where: { submissionKey: values.submissionKey } })).toBe(1);
    expect(await db.notification.count({ where: { payload: { path: ['reference'], equals: first.reference } } })).toBe(2);
  });

  it('creates one case when the same form arrives twice at the same moment', async () => {
    const db = t.db;
    const values = form({ name: 'Concurrent Person' });
    const results = await Promise.all([submitReferral(db, input(values), NOW), submitReferral(db, input(values), NOW)]);
    expect(results.every((r) => r.ok)).toBe(true);
    const refs = new Set(results.map((r) => (r.ok ? r.reference : null)));
    expect(refs.size).toBe(1);
    expect(await db.case.count({ where: { submissionKey: values.submissionKey } })).toBe(1);
    expect(await db.person.count({ where: { name: 'Concurrent Person' } })).toBe(1);
  });

  it('limits how many referrals one address can send in an hour', async () => {
    const db = t.db;
    process.env.REFERRAL_RATE_PER_HOUR = '3';
    const ip = '198.51.100.77';
    const later = new Date('2026-11-18T15:10:00Z');
    for (let i = 0; i < 3; i++) {
      const r = await submitReferral(db, input(form(), 'self', { clientIp: ip }), later);
      expect(r.ok).toBe(true);
    }
    const before = await db.case.count();
    const refused = await submitReferral(db, input(form({ name: 'Fourth Try' }), 'self', { clientIp: ip }), later);
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
    if (!refused.ok && refused.reason === 'rate_limited') expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.case.count()).toBe(before);
    expect(await db.person.count({ where: { name: 'Fourth Try' } })).toBe(0);
    // Another address is unaffected, and the same address can send again in the next hour.
    expect((await submitReferral(db, input(form(), 'self', { clientIp: '198.51.100.78' }), later)).ok).toBe(true);
    expect((await submitReferral(db, input(form(), 'self', { clientIp: ip }), new Date('2026-11-18T16:01:00Z'))).ok).toBe(true);
  });

  it('drops a form whose hidden honeypot field was filled in', async () => {
    const db = t.db;
    const values = form({ name: 'Spam Bot' });
    const before = await db.notification.count();
    const r = await submitReferral(db, input(values, 'self', { honeypot: 'http://spam.example' }), NOW);
    expect(r).toEqual({ ok: false, reason: 'spam' });
    expect(await db.case.count({ where: { submissionKey: values.submissionKey } })).toBe(0);
    expect(await db.person.count({ where: { name: 'Spam Bot' } })).toBe(0);
    expect(await db.notification.count()).toBe(before);
  });

  it('accepts a postcode that is not in the postcode table, and says so on the confirmation', async () => {
    const db = t.db;
    const values = form({ postcode: 'SW1A 1AA' });
    const r = await submitReferral(db, input(values), NOW);
    if (!r.ok) throw new Error('expected a case');
    const kase = await db.case.findUniqueOrThrow({ where: { id: r.caseId }, include: { person: true } });
    expect(kase.person.postcode).toBe('SW1A 1AA');
    expect(kase.person.areaId).toBeNull();
    const confirmation = await referralConfirmation(db, r.reference, values.submissionKey!, {
      targets: { red: 2, amber: 5, green: 10 },
      holidays: [],
    });
    expect(confirmation).toMatchObject({
      reference: r.reference,
      preferredContact: 'phone',
      contactWithinDays: 10,
      postcodeUnknown: true,
      sentByProfessional: false,
    });
    expect(confirmation?.contactBy.toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });

  it('shows the confirmation only to the browser that sent the form', async () => {
    const db = t.db;
    const values = form();
    const r = await submitReferral(db, input(values), NOW);
    if (!r.ok) throw new Error('expected a case');
    expect(await referralConfirmation(db, r.reference, values.submissionKey!)).not.toBeNull();
    expect(await referralConfirmation(db, r.reference.toLowerCase().replace(/-/g, ' '), values.submissionKey!)).not.toBeNull();
    expect(await referralConfirmation(db, r.reference, randomUUID())).toBeNull();
    expect(await referralConfirmation(db, 'EB-AAAA-AAAA', values.submissionKey!)).toBeNull();
  });

  it('records a professional referral with the referrer and their source', async () => {
    const db = t.db;
    const values = form({
      forWhom: undefined,
      referrerName: 'Dr Asha Patel',
      referrerRole: 'GP',
      referrerOrganisation: 'Brook Street Surgery',
      referrerEmail: 'reception@brook.example.org',
      referrerPhone: '01632 960 500',
      source: 'gp',
      consent: ['contact'],
    });
    const r = await submitReferral(db, input(values, 'professional'), NOW);
    if (!r.ok) throw new Error('expected a case');
    const kase = await db.case.findUniqueOrThrow({
      where: { id: r.caseId },
      include: { person: { include: { consents: true } } },
    });
    expect(kase).toMatchObject({
      source: 'gp',
      referrerName: 'Dr Asha Patel (GP)',
      referrerOrganisation: 'Brook Street Surgery',
      referrerEmail: 'reception@brook.example.org',
      referrerPhone: '01632 960 500',
    });
    expect(kase.person.consents.map((c) => c.scope)).toEqual(['contact']);
    expect(kase.person.consents[0].note).toMatch(/referrer/);
    const confirmation = await referralConfirmation(db, r.reference, values.submissionKey!);
    expect(confirmation?.sentByProfessional).toBe(true);
  });

  it('records a carer referring someone with their agreement as a self-referral', async () => {
    const db = t.db;
    const values = form({
      forWhom: 'someone_i_care_for',
      carerName: 'Ann Hill',
      carerRelationship: 'daughter',
      carerEmail: 'ann@example.com',
    });
    const r = await submitReferral(db, input(values), NOW);
    if (!r.ok) throw new Error('expected a case');
    const kase = await db.case.findUniqueOrThrow({ where: { id: r.caseId } });
    expect(kase.source).toBe('self');
    expect(kase.referrerName).toBe('Ann Hill (daughter, with the person’s agreement)');
    expect(kase.referrerEmail).toBe('ann@example.com');
  });

  it('sends referrals to the team INTAKE_TEAM names', async () => {
    const db = t.db;
    process.env.INTAKE_TEAM = 'PCN link workers';
    expect((await intakeTeam(db))?.id).toBe(ids.other);
    const r = await submitReferral(db, input(form()), NOW);
    if (!r.ok) throw new Error('expected a case');
    expect((await db.case.findUniqueOrThrow({ where: { id: r.caseId } })).teamId).toBe(ids.other);
    const messages = await db.notification.findMany({ where: { payload: { path: ['reference'], equals: r.reference } } });
    expect(messages.map((m) => m.recipient)).toEqual(['pcn-coord@example.org']);
    // A name that matches no team falls back to the default rather than losing the referral.
    process.env.INTAKE_TEAM = 'No such team';
    expect((await intakeTeam(db))?.id).toBe(ids.intake);
  });
});

describe('referral form options', () => {
  it('offers the top level of the needs taxonomy in order, and the GP practices', async () => {
    const options = await referralFormOptions(t.db);
    expect(options.needs).toEqual([
      { value: 'loneliness', label: 'Loneliness and isolation' },
      { value: 'bereavement', label: 'Bereavement' },
    ]);
    expect(options.gpPractices).toEqual([{ value: ids.practice, label: 'Brook Street Surgery' }]);
  });
});
