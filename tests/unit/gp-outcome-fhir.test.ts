import { beforeAll, describe, expect, it } from 'vitest';
import { gpOutcomeBundle, ODS_SYSTEM, taskStatus } from '@/lib/cases/fhir';
import { snomedCodes, type OutcomeFacts } from '@/lib/cases/gp-outcome';
import { fhirR4Errors } from '../helpers/fhir-schema';

const NOW = new Date('2026-11-21T10:00:00Z');

function facts(over: Partial<OutcomeFacts> = {}): OutcomeFacts {
  return {
    caseId: '2f0d3a4e-9b1c-4c5d-8e7f-1a2b3c4d5e6f',
    reference: 'EB-F9Q6-7JJX',
    personId: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d',
    status: 'closed',
    source: 'gp',
    receivedAt: new Date('2026-09-01T09:12:00Z'),
    acceptedAt: new Date('2026-09-02T10:00:00Z'),
    firstContactAt: new Date('2026-09-04T14:30:00Z'),
    closedAt: new Date('2026-11-20T16:00:00Z'),
    outcome: 'settled_community_support',
    referrer: { name: 'Dr A Patel (GP)', organisation: 'The Market Street Practice', email: 'a.patel@nhs.example' },
    person: { name: 'Margaret Hill', dateOfBirth: new Date('1948-03-27T00:00:00Z'), postcode: 'EB1 2AD', anonymised: false },
    practice: { code: 'Y99201', name: 'The Market Street Practice', email: 'gp.y99201@nhs.example' },
    gpAgreed: true,
    connectedTo: ['Walking for Health (Eastbrook Ramblers): attending'],
    ...over,
  };
}

type Entry = { resource: { resourceType: string } & Record<string, unknown> };
const resource = (bundle: unknown, type: string) =>
  (bundle as { entry: Entry[] }).entry.map((e) => e.resource).find((r) => r.resourceType === type)!;

describe('the GP outcome as a FHIR R4 document', () => {
  // Compiling the 3 MB schema takes seconds: once, before the tests.
  beforeAll(() => void fhirR4Errors({ resourceType: 'Basic' }));

  it('is a Bundle of a Task and a Communication that the official FHIR R4 schema accepts', () => {
    const bundle = gpOutcomeBundle(facts(), NOW);
    expect(bundle).not.toBeNull();
    expect(fhirR4Errors(bundle)).toEqual([]);
    expect(bundle!.type).toBe('collection');
    expect(bundle!.entry!.map((e) => e.resource!.resourceType)).toEqual([
      'Task',
      'Communication',
      'Patient',
      'Organization',
      'Organization',
    ]);
  });

  it('the schema check fails a document that breaks FHIR R4, so it can tell', () => {
    const bundle = gpOutcomeBundle(facts(), NOW) as unknown as { entry: Entry[] };
    const task = bundle.entry[0].resource;
    expect(fhirR4Errors({ ...task, status: 'closed' }).length).toBeGreaterThan(0);
    expect(fhirR4Errors({ ...task, colour: 'blue' }).length).toBeGreaterThan(0);
    expect(fhirR4Errors({ resourceType: 'Bundle', type: 'not-a-type' }).length).toBeGreaterThan(0);
  });

  it('codes the referral to social prescribing in SNOMED CT, and the person declining when they did', () => {
    const done = resource(gpOutcomeBundle(facts(), NOW), 'Task');
    expect(done.status).toBe('completed');
    expect(done.code).toMatchObject({ coding: [{ system: 'http://snomed.info/sct', code: '871731000000106' }] });
    expect(JSON.stringify(done)).not.toContain('871711000000103');

    const declined = gpOutcomeBundle(facts({ outcome: 'declined_support', connectedTo: [] }), NOW);
    expect(fhirR4Errors(declined)).toEqual([]);
    const task = resource(declined, 'Task');
    expect(task.status).toBe('cancelled');
    expect(task.statusReason).toMatchObject({ coding: [{ system: 'http://snomed.info/sct', code: '871711000000103' }] });
    expect(snomedCodes('declined_support').map((c) => c.code)).toEqual(['871731000000106', '871711000000103']);
  });

  it('maps the case to Task.status as PRODUCT.md and the ADR say', () => {
    expect(taskStatus('received', null).status).toBe('received');
    expect(taskStatus('triaged', null).status).toBe('accepted');
    expect(taskStatus('active', null).status).toBe('in-progress');
    expect(taskStatus('closed', 'signposted_first_contact').status).toBe('completed');
    expect(taskStatus('closed', 'referred_statutory').status).toBe('completed');
    expect(taskStatus('closed', 'could_not_contact').status).toBe('failed');
    expect(taskStatus('closed', 'moved_away').status).toBe('cancelled');
  });

  it('tells the practice who, to file it, and the outcome; nothing else of the record', () => {
    const bundle = gpOutcomeBundle(facts(), NOW)!;
    const patient = resource(bundle, 'Patient');
    expect(patient).toMatchObject({
      name: [{ text: 'Margaret Hill' }],
      birthDate: '1948-03-27',
      address: [{ postalCode: 'EB1 2AD' }],
    });
    const practice = (bundle.entry ?? [])
      .map((e) => e.resource as unknown as Record<string, unknown>)
      .find((r) => r.name === 'The Market Street Practice');
    expect(practice).toMatchObject({ identifier: [{ system: ODS_SYSTEM, value: 'Y99201' }] });
    const communication = resource(bundle, 'Communication');
    expect(communication.status).toBe('completed');
    const text = JSON.stringify(bundle);
    expect(text).toContain('Walking for Health (Eastbrook Ramblers): attending');
    expect(text).toContain('Settled with community support');
    for (const absent of ['whatMatters', 'ONS4', 'anxiety', 'safeguarding', 'a.patel@nhs.example'])
      expect(text).not.toContain(absent);
  });

  it('is not made without the person’s agreement, for an open case, or for an anonymised record', () => {
    expect(gpOutcomeBundle(facts({ gpAgreed: false }), NOW)).toBeNull();
    expect(gpOutcomeBundle(facts({ status: 'active', closedAt: null, outcome: null }), NOW)).toBeNull();
    expect(gpOutcomeBundle(facts({ practice: null }), NOW)).toBeNull();
    expect(
      gpOutcomeBundle(facts({ person: { name: 'x', dateOfBirth: null, postcode: null, anonymised: true } }), NOW),
    ).toBeNull();
  });

  it('gives the same ids when downloaded twice', () => {
    const a = gpOutcomeBundle(facts(), NOW)!;
    const b = gpOutcomeBundle(facts(), new Date('2026-11-22T10:00:00Z'))!;
    expect(a.entry!.map((e) => e.fullUrl)).toEqual(b.entry!.map((e) => e.fullUrl));
    expect(a.entry![0].fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
