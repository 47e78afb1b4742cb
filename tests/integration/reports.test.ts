// Commissioners' reports on a small borough built by hand. Every expected figure below is worked
// out from the rows this file creates; the working is in the comments next to each assertion.
//
// The period is 1 April to 30 September 2026 (all in British Summer Time, so each London day
// starts at 23:00 UTC the day before). "Now" is 23 November 2026, after the period, so every
// "at the end of the period" figure is taken at 1 October 2026 00:00 London.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { londonMidnight } from '@/lib/format/dates';
import { buildSection } from '@/lib/reports';
import { tableCsv } from '@/lib/reports/csv';
import { factsRefreshedAt, refreshReportFacts } from '@/lib/reports/facts';
import { parseReportQuery, type ReportFilter, type WardOption } from '@/lib/reports/filter';
import { overviewFigures } from '@/lib/reports/sections/overview';
import { withReportTransaction } from '@/lib/reports/session';
import { caseload } from '@/lib/reports/sql/caseload';
import { communityOption } from '@/lib/reports/sql/community-option';
import { contactsPerCase } from '@/lib/reports/sql/contacts-per-case';
import { engagement } from '@/lib/reports/sql/engagement';
import { equityAge } from '@/lib/reports/sql/equity-age';
import { equityDeprivation } from '@/lib/reports/sql/equity-deprivation';
import { freshness } from '@/lib/reports/sql/freshness';
import { funnel } from '@/lib/reports/sql/funnel';
import { referralsIn } from '@/lib/reports/sql/referrals-in';
import { resolvedAtFirstContact } from '@/lib/reports/sql/resolved-first-contact';
import { unmetByThemeReason } from '@/lib/reports/sql/unmet-by-theme-reason';
import { unmetByWard } from '@/lib/reports/sql/unmet-by-ward';
import { waitingLists } from '@/lib/reports/sql/waiting-lists';
import { waitingNow } from '@/lib/reports/sql/waiting-now';
import { waitingTimes } from '@/lib/reports/sql/waiting-times';
import { wellbeingChange } from '@/lib/reports/sql/wellbeing-change';
import { zeroSearchTerms } from '@/lib/reports/sql/zero-search-terms';
import { zeroSearchThemes } from '@/lib/reports/sql/zero-search-themes';
import type { ReportSection, ReportTable } from '@/lib/reports/table';
import { freshDatabase, type FreshDatabase } from '../helpers/db';

const NOW = new Date('2026-11-23T12:00:00Z');
/** An instant on a London calendar day, at a London time (10am unless given). */
const ldn = (key: string, h = 10, m = 0) => new Date(londonMidnight(key).getTime() + (h * 60 + m) * 60_000);

let env: FreshDatabase;
let db: Db;
let wards: WardOption[];
const ids: Record<string, string> = {};

function query(params: Record<string, string>) {
  return parseReportQuery(params, wards, NOW);
}
const PERIOD = { period: 'custom', from: '2026-04-01', to: '2026-09-30' };
const period = (): ReportFilter => query(PERIOD).filter;
const april = (): ReportFilter => query({ period: 'custom', from: '2026-04-01', to: '2026-04-30' }).filter;
const south = (): ReportFilter => query({ ...PERIOD, ward: 'S01' }).filter;
const north = (): ReportFilter => query({ ...PERIOD, ward: 'N01' }).filter;

async function section(slug: Parameters<typeof buildSection>[1], f: ReportFilter): Promise<ReportSection> {
  return withReportTransaction(db, (tx) => buildSection(tx, slug, f));
}
function table(s: ReportSection, id: string): ReportTable {
  const t = s.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}
/** A table as { row label: [cell texts] }. */
function cells(t: ReportTable): Record<string, string[]> {
  return Object.fromEntries(t.rows.map((r) => [r.label, r.values.map((v) => v.text)]));
}
function figure(s: ReportSection | { id: string; value: { text: string } }[], id: string): string {
  const list = Array.isArray(s) ? s : s.figures;
  const f = list.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f.value.text;
}

// ---------------------------------------------------------------- the borough

type Scores = [life: number, worth: number, happy: number, anxiety: number];
type Conv = { at: Date; scores?: Scores; closing?: boolean; correctsEarlier?: Date };
type Event = [status: 'sent' | 'accepted' | 'waitlisted' | 'declined' | 'attending' | 'completed', at: Date];
type CaseSpec = {
  source: 'gp' | 'self' | 'social_care' | 'hospital';
  area: string | null;
  received: Date;
  triaged?: Date;
  assigned?: [worker: string, at: Date];
  closed?: [
    at: Date,
    outcome: 'signposted_first_contact' | 'settled_community_support' | 'declined_support' | 'moved_away' | 'could_not_contact',
  ];
  conversations?: Conv[];
  referral?: { service: string; events: Event[]; declineReason?: 'full' };
  needs?: string[];
  person?: { dateOfBirth?: string; ageBand?: string; ethnicity?: string };
};

// Areas (LSOAs): ward North = A1 (1,000 people, IMD decile 1, quintile 1) + A2 (2,000, decile 4,
// quintile 2); ward South = A3 (3,000, decile 9, quintile 5) + A4 (4,000, decile 10, quintile 5).
// The borough has 10,000 people: North 3,000, South 7,000.
const AREAS = [
  { code: 'A1', ward: 'N01', population: 1000, imdDecile: 1 },
  { code: 'A2', ward: 'N01', population: 2000, imdDecile: 4 },
  { code: 'A3', ward: 'S01', population: 3000, imdDecile: 9 },
  { code: 'A4', ward: 'S01', population: 4000, imdDecile: 10 },
];

// The cases. Times are 10am London unless said. W1 and W2 are link workers.
const CASES: Record<string, CaseSpec> = {
  // Received 00:30 on 1 April London time (23:30 UTC on 31 March): inside the period. Waited 2 days.
  C1: {
    source: 'self',
    area: 'A1',
    received: ldn('2026-04-01', 0, 30),
    triaged: ldn('2026-04-01', 11),
    assigned: ['W1', ldn('2026-04-01', 12)],
    closed: [ldn('2026-05-10', 15), 'settled_community_support'],
    conversations: [
      { at: ldn('2026-04-03'), scores: [4, 5, 3, 8] },
      { at: ldn('2026-04-20') },
      { at: ldn('2026-05-10'), scores: [7, 6, 3, 5], closing: true },
    ],
    referral: {
      service: 'S1',
      events: [
        ['sent', ldn('2026-04-05')],
        ['accepted', ldn('2026-04-07')],
        ['attending', ldn('2026-04-14')],
        ['completed', ldn('2026-05-01')],
      ],
    },
    needs: ['T1'],
    person: { dateOfBirth: '1950-06-15', ethnicity: 'white_british' },
  },
  C2: {
    source: 'gp',
    area: 'A1',
    received: ldn('2026-04-10'),
    triaged: ldn('2026-04-10', 14),
    assigned: ['W1', ldn('2026-04-10', 15)],
    closed: [ldn('2026-06-01', 15), 'settled_community_support'],
    conversations: [
      { at: ldn('2026-04-15'), scores: [5, 5, 5, 5] },
      { at: ldn('2026-06-01'), scores: [6, 5, 4, 6], closing: true },
    ],
    // Straight from the waiting list to attending: counts as accepted.
    referral: {
      service: 'S1',
      events: [
        ['sent', ldn('2026-04-16')],
        ['waitlisted', ldn('2026-04-18')],
        ['attending', ldn('2026-05-02')],
      ],
    },
    needs: ['T1', 'T2'],
    person: { ageBand: '65-74', ethnicity: 'white_british' },
  },
  // A conversation dated 28 April was corrected to 30 April: first contact is the correction's date.
  C3: {
    source: 'self',
    area: 'A2',
    received: ldn('2026-04-20'),
    triaged: ldn('2026-04-21'),
    assigned: ['W2', ldn('2026-04-21', 11)],
    closed: [ldn('2026-07-15'), 'declined_support'],
    conversations: [
      { at: ldn('2026-04-30'), scores: [3, 3, 3, 9], correctsEarlier: ldn('2026-04-28') },
      { at: ldn('2026-07-15'), scores: [3, 4, 2, 7], closing: true },
    ],
    referral: {
      service: 'S2',
      events: [
        ['sent', ldn('2026-05-01')],
        ['declined', ldn('2026-05-03')],
      ],
      declineReason: 'full',
    },
    needs: ['T2'],
    person: { dateOfBirth: '1991-04-21', ethnicity: 'declined' },
  },
  // Resolved at first contact by the coordinator: one conversation, which is also the closing one.
  C4: {
    source: 'gp',
    area: 'A3',
    received: ldn('2026-05-05'),
    triaged: ldn('2026-05-05', 12),
    closed: [ldn('2026-05-06', 11), 'signposted_first_contact'],
    conversations: [{ at: ldn('2026-05-06'), scores: [6, 6, 6, 4], closing: true }],
    person: { ethnicity: 'asian_indian' },
  },
  C5: {
    source: 'social_care',
    area: 'A3',
    received: ldn('2026-05-20'),
    triaged: ldn('2026-05-21'),
    assigned: ['W2', ldn('2026-05-21', 11)],
    conversations: [{ at: ldn('2026-06-03') }, { at: ldn('2026-07-01') }],
    referral: {
      service: 'S1',
      events: [
        ['sent', ldn('2026-06-05')],
        ['accepted', ldn('2026-06-10')],
      ],
    },
    person: { ethnicity: 'asian_indian' },
  },
  C6: {
    source: 'self',
    area: 'A4',
    received: ldn('2026-06-01'),
    triaged: ldn('2026-06-01', 12),
    assigned: ['W1', ldn('2026-06-01', 13)],
    closed: [ldn('2026-08-20'), 'settled_community_support'],
    conversations: [
      { at: ldn('2026-06-04'), scores: [2, 2, 2, 10] },
      { at: ldn('2026-07-01') },
      { at: ldn('2026-08-20'), scores: [8, 8, 8, 2], closing: true },
    ],
    referral: {
      service: 'S1',
      events: [
        ['sent', ldn('2026-06-05')],
        ['accepted', ldn('2026-06-06')],
        ['attending', ldn('2026-06-12')],
        ['completed', ldn('2026-08-01')],
      ],
    },
    needs: ['T1'],
    person: { ethnicity: 'asian_indian' },
  },
  // Spans the end of the period: received in June, closed on 5 October.
  C7: {
    source: 'hospital',
    area: 'A4',
    received: ldn('2026-06-15'),
    triaged: ldn('2026-06-16'),
    assigned: ['W1', ldn('2026-06-16', 11)],
    closed: [ldn('2026-10-05'), 'settled_community_support'],
    conversations: [{ at: ldn('2026-06-22') }, { at: ldn('2026-10-05'), closing: true }],
    referral: {
      service: 'S1',
      events: [
        ['sent', ldn('2026-06-25')],
        ['accepted', ldn('2026-06-27')],
        ['attending', ldn('2026-07-01')],
      ],
    },
    needs: ['T1'],
    person: { ethnicity: 'asian_indian' },
  },
  C8: {
    source: 'self',
    area: 'A2',
    received: ldn('2026-07-01'),
    triaged: ldn('2026-07-01', 12),
    assigned: ['W2', ldn('2026-07-01', 13)],
    closed: [ldn('2026-09-01'), 'moved_away'],
    conversations: [
      { at: ldn('2026-07-08'), scores: [5, 5, 5, 5] },
      { at: ldn('2026-09-01'), scores: [6, 6, 5, 5], closing: true },
    ],
    referral: {
      service: 'S1',
      events: [
        ['sent', ldn('2026-07-10')],
        ['accepted', ldn('2026-07-12')],
        ['attending', ldn('2026-07-20')],
      ],
    },
    needs: ['T1'],
    person: { ethnicity: 'asian_indian' },
  },
  // No known area.
  C9: {
    source: 'gp',
    area: null,
    received: ldn('2026-08-10'),
    triaged: ldn('2026-08-11'),
    assigned: ['W2', ldn('2026-08-11', 11)],
    conversations: [{ at: ldn('2026-08-30') }],
  },
  // Never triaged, still waiting at the end of the period: 30 September - 20 September = 10 days.
  C10: { source: 'self', area: 'A1', received: ldn('2026-09-20') },
  // Triaged and assigned, first conversation only on 2 October: waiting 5 days at the end of the period.
  C11: {
    source: 'gp',
    area: 'A3',
    received: ldn('2026-09-25'),
    triaged: ldn('2026-09-26'),
    assigned: ['W1', ldn('2026-09-26', 11)],
    conversations: [{ at: ldn('2026-10-02') }],
  },
  // Received 23:30 on 31 March London time (22:30 UTC): before the period. First contact 2 April, in it.
  C12: {
    source: 'self',
    area: 'A1',
    received: ldn('2026-03-31', 23, 30),
    triaged: ldn('2026-04-01', 9),
    assigned: ['W2', ldn('2026-04-01', 9, 30)],
    closed: [ldn('2026-05-15'), 'settled_community_support'],
    conversations: [{ at: ldn('2026-04-02') }, { at: ldn('2026-05-15'), closing: true }],
  },
  // Received in December 2025, closed 15 April 2026: counts in the period's outcomes only.
  C13: {
    source: 'self',
    area: 'A4',
    received: ldn('2025-12-01'),
    triaged: ldn('2025-12-01', 12),
    assigned: ['W1', ldn('2025-12-01', 13)],
    closed: [ldn('2026-04-15'), 'settled_community_support'],
    conversations: [
      { at: ldn('2025-12-05'), scores: [4, 4, 4, 6] },
      { at: ldn('2026-02-01') },
      { at: ldn('2026-04-15'), scores: [6, 6, 6, 4], closing: true },
    ],
    referral: {
      service: 'S1',
      events: [
        ['sent', ldn('2025-12-10')],
        ['accepted', ldn('2025-12-12')],
        ['attending', ldn('2025-12-20')],
        ['completed', ldn('2026-03-01')],
      ],
    },
  },
  // Received after the period: in nothing.
  C14: { source: 'self', area: 'A1', received: ldn('2026-10-10') },
  // Assigned, never reached, closed "could not contact": counted for engagement, not engaged.
  C15: {
    source: 'gp',
    area: 'A2',
    received: ldn('2026-06-10'),
    triaged: ldn('2026-06-10', 12),
    assigned: ['W2', ldn('2026-06-10', 13)],
    closed: [ldn('2026-07-20'), 'could_not_contact'],
  },
};

beforeAll(async () => {
  env = await freshDatabase();
  db = env.db;

  const taxonomy = await db.taxonomy.create({ data: { name: 'Local needs', description: 'Test' } });
  ids.T1 = (await db.taxonomyTerm.create({ data: { taxonomyId: taxonomy.id, code: 't1', name: 'Loneliness', sortOrder: 1 } })).id;
  ids.T2 = (await db.taxonomyTerm.create({ data: { taxonomyId: taxonomy.id, code: 't2', name: 'Money', sortOrder: 2 } })).id;

  ids.N01 = (await db.ward.create({ data: { code: 'N01', name: 'North' } })).id;
  ids.S01 = (await db.ward.create({ data: { code: 'S01', name: 'South' } })).id;
  for (const a of AREAS) {
    ids[a.code] = (
      await db.area.create({
        data: { code: a.code, name: a.code, wardId: ids[a.ward], population: a.population, imdDecile: a.imdDecile },
      })
    ).id;
  }
  wards = [
    { id: ids.N01, code: 'N01', name: 'North' },
    { id: ids.S01, code: 'S01', name: 'South' },
  ];

  const team = await db.team.create({ data: { name: 'Connectors' } });
  for (const [key, role] of [
    ['W1', 'link_worker'],
    ['W2', 'link_worker'],
    ['CO', 'coordinator'],
  ] as const) {
    ids[key] = (
      await db.user.create({ data: { email: `${key}@example.test`, name: key, passwordHash: 'x', role, teamId: team.id } })
    ).id;
  }

  // Services. S1: loneliness, has space, meets in A1 (North), checked 2 months ago. S2: money,
  // waiting list, meets in A3 (South), checked 8 months ago. S3: both themes, full, online only,
  // never checked. S4 is unpublished and S5 not running: neither is listed.
  const org = await db.organisation.create({ data: { name: 'Good Neighbours', status: 'approved' } });
  const service = async (
    key: string,
    data: {
      themes: string[];
      capacity: 'open' | 'waiting_list' | 'full';
      area?: string;
      assured?: Date;
      published?: boolean;
      status?: 'active' | 'inactive';
    },
  ) => {
    const s = await db.service.create({
      data: {
        organisationId: org.id,
        name: key,
        published: data.published ?? true,
        status: data.status ?? 'active',
        capacityStatus: data.capacity,
        assuredAt: data.assured ?? null,
        taxonomyTerms: { create: data.themes.map((t) => ({ termId: ids[t] })) },
      },
    });
    if (data.area) {
      const loc = await db.location.create({
        data: { address1: '1 High Street', city: 'Town', postcode: 'AB1 2CD', areaId: ids[data.area] },
      });
      await db.serviceAtLocation.create({ data: { serviceId: s.id, locationId: loc.id } });
    }
    ids[key] = s.id;
  };
  await service('S1', { themes: ['T1'], capacity: 'open', area: 'A1', assured: ldn('2026-09-23') });
  await service('S2', { themes: ['T2'], capacity: 'waiting_list', area: 'A3', assured: ldn('2026-03-23') });
  await service('S3', { themes: ['T1', 'T2'], capacity: 'full' });
  await service('S4', { themes: ['T1'], capacity: 'open', area: 'A1', published: false, assured: ldn('2026-11-01') });
  await service('S5', { themes: ['T2'], capacity: 'open', area: 'A3', status: 'inactive', assured: ldn('2026-11-01') });

  let n = 0;
  for (const [ref, c] of Object.entries(CASES)) {
    n += 1;
    const person = await db.person.create({
      data: {
        name: `Person ${n}`,
        areaId: c.area ? ids[c.area] : null,
        dateOfBirth: c.person?.dateOfBirth ? new Date(`${c.person.dateOfBirth}T00:00:00Z`) : null,
        ageBand: c.person?.ageBand ?? null,
        ethnicity: c.person?.ethnicity ?? null,
      },
    });
    const k = await db.case.create({
      data: {
        reference: ref,
        personId: person.id,
        teamId: team.id,
        source: c.source,
        receivedAt: c.received,
        triagedAt: c.triaged ?? null,
        rag: c.triaged ? 'green' : null,
        assignedWorkerId: c.assigned ? ids[c.assigned[0]] : null,
        assignedAt: c.assigned?.[1] ?? null,
        firstContactAt: c.conversations?.[0]?.at ?? null,
        status: c.closed ? 'closed' : c.conversations?.length ? 'active' : c.triaged ? 'triaged' : 'received',
        closedAt: c.closed?.[0] ?? null,
        outcome: c.closed?.[1] ?? null,
        needs: { create: (c.needs ?? []).map((t) => ({ termId: ids[t] })) },
      },
    });
    ids[ref] = k.id;
    const worker = c.assigned ? ids[c.assigned[0]] : ids.CO;
    for (const conv of c.conversations ?? []) {
      const [life, worth, happy, anxiety] = conv.scores ?? [null, null, null, null];
      let supersedesId: string | null = null;
      if (conv.correctsEarlier) {
        const wrong = await db.conversation.create({
          data: {
            caseId: k.id,
            workerId: worker,
            occurredAt: conv.correctsEarlier,
            type: 'listen_connect',
            lifeSatisfaction: 1,
            worthwhile: 1,
            happiness: 1,
            anxiety: 1,
          },
        });
        supersedesId = wrong.id;
      }
      await db.conversation.create({
        data: {
          caseId: k.id,
          workerId: worker,
          occurredAt: conv.at,
          type: 'listen_connect',
          isClosing: conv.closing ?? false,
          supersedesId,
          lifeSatisfaction: life,
          worthwhile: worth,
          happiness: happy,
          anxiety,
        },
      });
    }
    if (c.referral) {
      const last = c.referral.events[c.referral.events.length - 1];
      const r = await db.referral.create({
        data: {
          caseId: k.id,
          serviceId: ids[c.referral.service],
          createdById: worker,
          status: last[0],
          sentAt: c.referral.events[0][1],
          declineReason: c.referral.declineReason ?? null,
        },
      });
      let from: Event[0] | 'draft' = 'draft';
      await db.referralEvent.create({
        data: {
          referralId: r.id,
          toStatus: 'draft',
          actorKind: 'worker',
          actorId: worker,
          createdAt: new Date(c.referral.events[0][1].getTime() - 60_000),
        },
      });
      for (const [to, at] of c.referral.events) {
        await db.referralEvent.create({
          data: {
            referralId: r.id,
            fromStatus: from,
            toStatus: to,
            actorKind: to === 'sent' ? 'worker' : 'provider',
            createdAt: at,
            reason: to === 'declined' ? 'full' : null,
          },
        });
        from = to;
      }
    }
  }

  // Unmet need. In the period, by theme and reason:
  //                 no service  full  too far | total
  //   Loneliness         3        6       0   |   9
  //   Money              8        0       7   |  15
  //   total             11        6       7   |  24
  // Places: loneliness/no service in A1 (North); loneliness/full 4 in A2 (North) and 2 with no
  // place; money/no service in A3 (South); money/too far 5 in A4 (South, one of them at
  // 23:59:59 on 30 September) and 2 recorded against ward North with no area.
  const unmet = async (
    count: number,
    term: string,
    reason: 'no_service' | 'full' | 'too_far',
    at: Date,
    place: { area?: string; ward?: string },
  ) => {
    for (let i = 0; i < count; i++) {
      await db.unmetNeed.create({
        data: {
          termId: ids[term],
          reason,
          recordedAt: at,
          areaId: place.area ? ids[place.area] : null,
          wardId: place.ward ? ids[place.ward] : null,
        },
      });
    }
  };
  await unmet(3, 'T1', 'no_service', ldn('2026-05-10'), { area: 'A1' });
  await unmet(4, 'T1', 'full', ldn('2026-06-10'), { area: 'A2' });
  await unmet(2, 'T1', 'full', ldn('2026-06-11'), {});
  await unmet(8, 'T2', 'no_service', ldn('2026-07-10'), { area: 'A3' });
  await unmet(4, 'T2', 'too_far', ldn('2026-08-10'), { area: 'A4' });
  await unmet(1, 'T2', 'too_far', new Date('2026-09-30T22:59:59Z'), { area: 'A4' });
  await unmet(2, 'T2', 'too_far', ldn('2026-09-15'), { ward: 'N01' });
  // Outside the period: 23:59 on 31 March, and midnight starting 1 October (London).
  await unmet(1, 'T1', 'no_service', new Date('2026-03-31T22:59:00Z'), { area: 'A1' });
  await unmet(1, 'T1', 'no_service', new Date('2026-09-30T23:00:00Z'), { area: 'A1' });

  // Searches that found nothing, in the period: "lonely evenings" 6 times from North (3 of them
  // also choosing both themes) and once more spelt "Lonely  Evenings"; "debt advice polish" twice
  // from South; a theme-only search (loneliness) 5 times with no place. Not counted: a search
  // that found something, and one before the period.
  const search = async (
    count: number,
    terms: string,
    at: Date,
    opts: { ward?: string; needs?: string[]; results?: number } = {},
  ) => {
    for (let i = 0; i < count; i++) {
      await db.searchLog.create({
        data: {
          terms,
          createdAt: at,
          wardId: opts.ward ? ids[opts.ward] : null,
          resultCount: opts.results ?? 0,
          filters: opts.needs ? { needs: opts.needs } : {},
        },
      });
    }
  };
  await search(3, 'lonely evenings', ldn('2026-05-01'), { ward: 'N01', needs: ['t1', 't2'] });
  await search(3, 'lonely evenings', ldn('2026-05-02'), { ward: 'N01' });
  await search(1, 'Lonely  Evenings', ldn('2026-05-03'), { ward: 'N01' });
  await search(2, 'debt advice polish', ldn('2026-06-01'), { ward: 'S01' });
  await search(5, '', ldn('2026-07-01'), { needs: ['t1'] });
  await search(3, 'walking', ldn('2026-07-01'), { results: 4 });
  await search(1, 'lonely evenings', new Date('2026-03-31T22:00:00Z'), { ward: 'N01' });

  await refreshReportFacts(db);
});

afterAll(async () => {
  await env?.drop();
});

describe('summary data', () => {
  it('says when it was rebuilt', async () => {
    const at = await factsRefreshedAt(db);
    expect(at).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - at!.getTime())).toBeLessThan(120_000);
  });
});

describe('period', () => {
  it('runs from London midnight to London midnight, in summer time', () => {
    const f = period();
    expect(f.from.toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(f.to.toISOString()).toBe('2026-09-30T23:00:00.000Z');
  });
});

describe('demand and flow', () => {
  it('counts referrals in by month and source', async () => {
    // Received 1 April to 30 September: C1-C11 and C15 = 12. Not C12 (23:30 on 31 March London),
    // C13 (December) or C14 (October). Self: C1, C3, C6, C8, C10 = 5; GP: C2, C4, C9, C11, C15 = 5;
    // social care C5; hospital C7.
    const rows = await referralsIn(db, period());
    const by = (source: string) => rows.filter((r) => r.source === source).reduce((s, r) => s + r.n, 0);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(12);
    expect([by('self'), by('gp'), by('social_care'), by('hospital')]).toEqual([5, 5, 1, 1]);
    expect(rows.filter((r) => r.month === '2026-04')).toEqual([
      { month: '2026-04', source: 'gp', n: 1 },
      { month: '2026-04', source: 'self', n: 2 },
    ]);

    const s = await section('demand', period());
    expect(figure(s, 'referrals-received')).toBe('12');
    // 5 / 12 = 41.67%.
    expect(figure(s, 'self-referral-share')).toBe('41.7%');
    // Every month's count here is 1 to 3, so each shows as "<5"; the source totals 5 and 5 and the
    // grand total 12 stay (each line already has two or more hidden cells, so nothing more is hidden).
    const t = cells(table(s, 'by-source'));
    expect(t['April 2026']).toEqual(['<5', '<5', '0', '0', '0', '0', '<5']);
    expect(t.Total).toEqual(['5', '5', '<5', '<5', '0', '0', '12']);
  });

  it('follows the cases received in the period through the funnel, up to the end of the period', async () => {
    // Received 12. Triaged: all but C10 = 11. First contact before 1 October: C1-C9 = 9 (C11's is
    // on 2 October; C10 and C15 never had one). Referred out: C1, C2, C3, C5, C6, C7, C8 = 7.
    // Accepted: C1, C5, C6, C7, C8 accepted, C2 went from the waiting list to attending = 6 (C3 was
    // declined). Attending: C1, C2, C6, C7, C8 = 5. Completed: C1, C6 = 2. Closed before
    // 1 October: C1, C2, C3, C4, C6, C8, C15 = 7 (C7 closed on 5 October).
    expect(await funnel(db, period())).toEqual({
      received: 12,
      triaged: 11,
      firstContact: 9,
      referredOut: 7,
      accepted: 6,
      attending: 5,
      completed: 2,
      closed: 7,
    });
    const t = cells(table(await section('demand', period()), 'funnel'));
    // Shares of 12: 11 = 91.7%, 9 = 75.0%, 7 = 58.3%, 6 = 50.0%, 5 = 41.7%; 2 is hidden and so is its share.
    expect(t).toEqual({
      Received: ['12', '100%'],
      Triaged: ['11', '91.7%'],
      'First contact': ['9', '75%'],
      'Referred out to a service': ['7', '58.3%'],
      'Accepted by a service': ['6', '50%'],
      Attending: ['5', '41.7%'],
      Completed: ['<5', 'Not shown'],
      'Case closed': ['7', '58.3%'],
    });
  });

  it('counts resolved at first contact against cases triaged in the period', async () => {
    // Triaged 1 April to 30 September: C1-C9, C11, C15 and C12 (triaged 1 April) = 12. Closed as
    // "signposted at first contact": C4 = 1, so the share is built on a count under 5: not shown.
    expect(await resolvedAtFirstContact(db, period())).toEqual({ triaged: 12, resolved: 1 });
    expect(figure(await section('demand', period()), 'resolved-first-contact')).toBe('Not shown');
  });

  it('counts engagement when a case closes or reaches 90 days', async () => {
    // Assigned cases and the day each is counted (closing, or 90 days after assignment):
    // C1 10 May, C2 1 June, C3 15 July (90 days would be 20 July), C5 19 August (open), C6 20 August,
    // C7 14 September (closed only in October), C8 1 September, C12 15 May, C15 20 July: 9 in the period.
    // Not counted: C9 and C11 (90 days fall after September), C13 (1 March 2026, before).
    // All had a conversation after triage except C15: 8 of 9 = 88.9%.
    expect(await engagement(db, period())).toEqual({ counted: 9, engaged: 8 });
    expect(figure(await section('demand', period()), 'engagement')).toBe('88.9%');
  });
});

describe('waiting', () => {
  it('works out the median and 90th percentile in London calendar days', async () => {
    // First contact in the period, days waited (London dates):
    //   C1 1 Apr -> 3 Apr = 2 (in UTC it would be 31 March -> 3 April = 3)
    //   C12 31 Mar -> 2 Apr = 2, C2 5, C3 10 (the corrected date), C4 1, C5 14, C6 3, C7 7, C8 7, C9 20.
    // Sorted: 1, 2, 2, 3, 5, 7, 7, 10, 14, 20 (n = 10).
    // Median: position 0.5 x 9 = 4.5, halfway between 5 and 7 = 6.
    // 90th percentile: position 0.9 x 9 = 8.1, 14 + 0.1 x (20 - 14) = 14.6.
    const all = (await waitingTimes(db, period())).find((w) => w.month === null)!;
    expect(all.n).toBe(10);
    expect(all.median).toBeCloseTo(6, 10);
    expect(all.p90).toBeCloseTo(14.6, 10);
    const s = await section('waiting', period());
    expect(figure(s, 'wait-median')).toBe('6 days');
    expect(figure(s, 'wait-p90')).toBe('14.6 days');
    expect(figure(s, 'wait-first-contacts')).toBe('10');
    // Each month has fewer than 5 first contacts: its median and percentile are not shown.
    expect(cells(table(s, 'by-month'))['April 2026']).toEqual(['<5', 'Not shown', 'Not shown']);
    expect(cells(table(s, 'by-month'))['September 2026']).toEqual(['0', 'None', 'None']);
  });

  it('counts who is waiting at the end of the period', async () => {
    // At 1 October 00:00 London: C10 (received 20 September, 10 days: 1 to 2 weeks) and C11
    // (received 25 September, first conversation 2 October, 5 days: under a week). Both "<5".
    const rows = await waitingNow(db, period());
    expect(rows.sort((a, b) => a.band.localeCompare(b.band))).toEqual([
      { band: '0-6', n: 1 },
      { band: '7-13', n: 1 },
    ]);
    expect(figure(await section('waiting', period()), 'waiting-now')).toBe('<5');
  });

  it('changes with the period: April only', async () => {
    // First contacts in April: C1 2, C12 2, C2 5, C3 10 (n = 4). Median: position 1.5, halfway
    // between 2 and 5 = 3.5. 90th percentile: position 2.7, 5 + 0.7 x 5 = 8.5.
    const all = (await waitingTimes(db, april())).find((w) => w.month === null)!;
    expect(all).toMatchObject({ n: 4 });
    expect(all.median).toBeCloseTo(3.5, 10);
    expect(all.p90).toBeCloseTo(8.5, 10);
    // Built on 4 people: not shown.
    expect(figure(await section('waiting', april()), 'wait-median')).toBe('Not shown');
    // Funnel for April: received C1, C2, C3; all triaged and contacted in April; referred out before
    // 1 May: C1 (5 April), C2 (16 April) - C3's was sent on 1 May; accepted: C1 (C2 reached
    // attending only on 2 May); attending C1; completed none (C1 completed 1 May); closed none.
    expect(await funnel(db, april())).toEqual({
      received: 3,
      triaged: 3,
      firstContact: 3,
      referredOut: 2,
      accepted: 1,
      attending: 1,
      completed: 0,
      closed: 0,
    });
  });
});

describe('outcomes', () => {
  it('works out ONS4 change between first and closing answers', async () => {
    // Closed in the period with a first and a closing answer on different conversations:
    // C1, C2, C3, C6, C8, C13 (C4's only answers are on its one conversation; C12 and C15 have none;
    // C7 closed in October). First -> closing:
    //   life:    C1 4->7, C2 5->6, C3 3->3, C6 2->8, C8 5->6, C13 4->6
    //   worth:   C1 5->6, C2 5->5, C3 3->4, C6 2->8, C8 5->6, C13 4->6
    //   happy:   C1 3->3, C2 5->4, C3 3->2, C6 2->8, C8 5->5, C13 4->6
    //   anxiety: C1 8->5, C2 5->6, C3 9->7, C6 10->2, C8 5->5, C13 6->4  (lower is better)
    // (C3's superseded conversation scored 1s; it must not count.)
    const rows = await wellbeingChange(db, period());
    const life = rows.find((r) => r.question === 'life_satisfaction')!;
    // Life: 23/6 = 3.833 -> 36/6 = 6.0, change +13/6 = 2.167; improved 5, same 1 (C3), worse 0.
    expect(life).toMatchObject({ n: 6, improved: 5, same: 1, worse: 0 });
    expect(life.meanFirst).toBeCloseTo(23 / 6, 10);
    expect(life.meanClosing).toBeCloseTo(6, 10);
    expect(life.meanChange).toBeCloseTo(13 / 6, 10);
    // Anxiety: 43/6 -> 29/6, change -14/6; improved C1, C3, C6, C13 = 4; worse C2; same C8.
    const anxiety = rows.find((r) => r.question === 'anxiety')!;
    expect(anxiety).toMatchObject({ n: 6, improved: 4, same: 1, worse: 1 });
    expect(anxiety.meanChange).toBeCloseTo(-14 / 6, 10);
    // Happiness: improved C6, C13; same C1, C8; worse C2, C3.
    expect(rows.find((r) => r.question === 'happiness')).toMatchObject({ n: 6, improved: 2, same: 2, worse: 2 });

    const s = await section('outcomes', period());
    const t = cells(table(s, 'wellbeing'));
    // Life: improved 5, no change 1, worse 0, total 6. "1" is hidden; the row's total 6 would give it
    // away (6 - 5 - 0), so the smallest other non-zero cell, 5, is hidden too (secondary), and with
    // it the share improved. The means are built on 6 cases, so they show.
    expect(t['Life satisfaction']).toEqual(['Not shown', '<5', '0', '6', 'Not shown', '3.83', '6', '+2.17']);
    // Anxiety: 4, 1, 1 all hidden; share built on 4: hidden. Mean change -14/6 = -2.33.
    expect(t['Anxiety yesterday (lower is better)']).toEqual(['<5', '<5', '<5', '6', 'Not shown', '7.17', '4.83', '\u22122.33']);
    // The headline is the table's own cell, so it is hidden too (5 of 6 would reveal the 1).
    expect(figure(s, 'wellbeing-improved')).toBe('Not shown');
  });

  it('counts closing outcomes, community options and contacts', async () => {
    // Closed in the period: C1, C2, C3, C4, C6, C8, C12, C13, C15 = 9.
    // Settled: C1, C2, C6, C12, C13 = 5; declined C3, signposted C4, moved away C8, could not contact C15.
    const s = await section('outcomes', period());
    const t = cells(table(s, 'closing-outcomes'));
    expect(t['Settled with community support']).toEqual(['5', '55.6%']);
    expect(t['Signposted at first contact']).toEqual(['<5', 'Not shown']);
    expect(t.Total).toEqual(['9', '100%']);
    // A referral that reached attending or completed: C1, C2, C6, C8, C13 = 5 of 9 = 55.6%.
    expect(await communityOption(db, period())).toEqual({ closed: 9, taken: 5 });
    expect(figure(s, 'community-option')).toBe('55.6%');
    // Conversations in force per closed case: C15 0, C4 1, C2 2, C3 2 (not the corrected one),
    // C8 2, C12 2, C1 3, C6 3, C13 3. Sorted 0,1,2,2,2,2,3,3,3: median 2.
    expect(await contactsPerCase(db, period())).toMatchObject({
      n: 9,
      median: 2,
      bands: { '0': 1, '1': 1, '2-5': 7, '6-12': 0, '13+': 0 },
    });
    expect(figure(s, 'contacts-per-case')).toBe('2');
  });

  it('counts caseloads at the end of the period without naming anyone', async () => {
    // Open and assigned at 1 October: W1 has C7 (closes 5 October) and C11; W2 has C5 and C9.
    expect(await caseload(db, period())).toMatchObject({ workers: 2, median: 2, lowest: 2, highest: 2, openCases: 4 });
    // Two workers: too few to show a median.
    expect(figure(await section('outcomes', period()), 'caseload')).toBe('Not shown');
  });
});

describe('unmet need', () => {
  it('suppresses the theme by reason table, including the secondary case', async () => {
    const rows = await unmetByThemeReason(db, period());
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(24);
    const s = await section('unmet-need', period());
    const t = table(s, 'by-theme');
    expect(t.columns.map((c) => c.label)).toEqual(['No service exists', 'Service full', 'Too far', 'Total']);
    //                 no service  full  too far | total
    //   Loneliness         3        6       0   |   9
    //   Money              8        0       7   |  15
    //   total             11        6       7   |  24
    // 3 is small. Its row would give it away (9 - 6 - 0): 6 goes. Its column (11 - 8): 8 goes.
    // The full column is then a hidden 6 and a 0 with a total of 6: nothing non-zero is left, so
    // the 0 is hidden (a reader cannot tell a hidden cell is 0). Every line now has 0 or 2+ hidden.
    expect(cells(t)).toEqual({
      Loneliness: ['<5', 'Not shown', '0', '9'],
      Money: ['Not shown', 'Not shown', '7', '15'],
      Total: ['11', '6', '7', '24'],
    });
    expect(figure(s, 'unmet-recorded')).toBe('24');
  });

  it('rates unmet need per 1,000 people by ward, hiding a ward the total would give away', async () => {
    // North: 3 (A1) + 4 (A2) + 2 (recorded against the ward) = 9. South: 8 + 5 = 13 (the item at
    // 23:59:59 on 30 September London counts). No place: 2. Total 24.
    const rows = await unmetByWard(db, period());
    expect(rows.map((r) => [r.ward, r.population, r.n])).toEqual([
      ['North', 3000, 9],
      ['South', 7000, 13],
      [null, 0, 2],
    ]);
    // "No place" 2 is hidden; the total 24 would give it away, so the smallest other, North's 9, is
    // hidden too, and its rate. South: 13 / 7,000 x 1,000 = 1.857 -> 1.9. All: 24 / 10,000 -> 2.4.
    expect(cells(table(await section('unmet-need', period()), 'by-ward'))).toEqual({
      North: ['Not shown', '3,000', 'Not shown'],
      South: ['13', '7,000', '1.9'],
      'Place not known': ['<5', '', ''],
      'All wards': ['24', '10,000', '2.4'],
    });
  });

  it('filters by ward', async () => {
    // North only: loneliness 3 + 4, money 2 (recorded against North with no area) = 9.
    const rows = await unmetByThemeReason(db, north());
    expect(rows.map((r) => [r.theme, r.reason, r.n]).sort()).toEqual([
      ['Loneliness', 'full', 4],
      ['Loneliness', 'no_service', 3],
      ['Money', 'too_far', 2],
    ]);
  });

  it('lists zero-result searches by words and theme, publishing only words searched 5 times or more', async () => {
    // "lonely evenings" 6 + "Lonely  Evenings" 1 = 7 (same words once tidied). "debt advice polish" 2:
    // fewer than 5, so not listed by name. 9 searches had words.
    expect(await zeroSearchTerms(db, period())).toEqual({ top: [{ terms: 'lonely evenings', n: 7 }], withWords: 9 });
    // Themes: loneliness 3 (with words) + 5 (theme only) = 8; money 3.
    expect(await zeroSearchThemes(db, period())).toEqual([
      { theme: 'Loneliness', n: 8 },
      { theme: 'Money', n: 3 },
    ]);
    const s = await section('unmet-need', period());
    // 7 + 2 + 5 = 14 searches found nothing.
    expect(figure(s, 'zero-searches')).toBe('14');
    expect(cells(table(s, 'search-words'))).toEqual({
      'lonely evenings': ['7'],
      'Other words (each searched for fewer than 5 times, not listed)': ['<5'],
    });
    // By ward: North 7, South 2, no place 5, total 14. South is hidden; the total would give it
    // away, so the smallest other, 5, is hidden too.
    expect(cells(table(s, 'search-wards'))).toEqual({
      North: ['7'],
      South: ['<5'],
      'No place given, or outside the borough': ['Not shown'],
      Total: ['14'],
    });
  });

  it('shows declines and waiting lists beside recorded need, never added to it', async () => {
    const s = await section('unmet-need', period());
    // C3's referral was declined (full) on 3 May; C2's went onto a waiting list on 18 April and
    // off it (attending) on 2 May, so none is still waiting at the end of the period.
    expect(cells(table(s, 'evidence'))).toEqual({
      'Unmet need recorded by link workers': ['24'],
      'Searches that found nothing': ['14'],
      'Referrals declined by providers': ['<5'],
      'Referrals put on a waiting list': ['<5'],
      'Referrals still on a waiting list at the end of the period': ['0'],
    });
    expect(table(s, 'evidence').rows.some((r) => r.total)).toBe(false);
    expect(await waitingLists(db, period())).toEqual([
      { theme: '', added: 1, stillWaiting: 0 },
      { theme: 'Loneliness', added: 1, stillWaiting: 0 },
    ]);
    // At the end of April C2 was still on the list.
    expect((await waitingLists(db, april()))[0]).toEqual({ theme: '', added: 1, stillWaiting: 1 });
  });
});

describe('supply', () => {
  it('counts listed services, capacity against demand, and freshness', async () => {
    // Listed (published, running): S1, S2, S3. Checked within 6 months of 23 November: S1 (23 Sept);
    // within 12: S1, S2 (23 March); never: S3.
    expect(await freshness(db, period())).toEqual({ listed: 3, within6: 1, within12: 2, never: 1 });
    const s = await section('supply', { ...period(), now: NOW });
    expect(figure(s, 'freshness-6')).toBe('33.3%');
    expect(figure(s, 'freshness-12')).toBe('66.7%');
    // Loneliness: S1 open, S3 full; demand C1, C2, C6, C7, C8 = 5 cases; 5 per service with space.
    // Money: S2 waiting list, S3 full; demand C2, C3 = 2 (hidden), so no ratio.
    expect(cells(table(s, 'by-theme'))).toEqual({
      Loneliness: ['1', '0', '1', '2', '5', '5'],
      Money: ['0', '1', '1', '2', '<5', 'Not shown'],
    });
    // North: S1 (3,000 people, 3.3 per 10,000); South: S2 (7,000 people, 1.4); S3 has no place.
    expect(cells(table(s, 'by-ward'))).toEqual({
      North: ['1', '3,000', '3.3'],
      South: ['1', '7,000', '1.4'],
      'No fixed place (online or phone only)': ['1', '', ''],
    });
  });
});

describe('equity', () => {
  it('rates referrals per 1,000 by deprivation quintile against the population', async () => {
    // Received in the period by quintile: 1 (A1): C1, C2, C10 = 3; 2 (A2): C3, C8, C15 = 3;
    // 5 (A3, A4): C4, C5, C11, C6, C7 = 5; no area: C9. Populations: q1 1,000, q2 2,000, q5 7,000.
    const rows = await equityDeprivation(db, period());
    expect(rows.map((r) => [r.quintile, r.population, r.received])).toEqual([
      [1, 1000, 3],
      [2, 2000, 3],
      [5, 7000, 5],
      [null, 0, 1],
    ]);
    const s = await section('equity', period());
    const t = cells(table(s, 'deprivation'));
    // q5: 5 / 7,000 x 1,000 = 0.714 -> 0.7; 5 of the 11 with a known area = 45.5%; 70% of people.
    expect(t['5 (least deprived 20%)']).toEqual(['5', '45.5%', '7,000', '70%', '0.7']);
    // q1: 3 is hidden, and so are the share and the rate built on it.
    expect(t['1 (most deprived 20%)']).toEqual(['<5', 'Not shown', '1,000', '10%', 'Not shown']);
    expect(t['3']).toEqual(['0', '0%', '0', '0%', 'No population']);
    // Total: 12 cases; the rate uses the 11 with a known area over 10,000 people = 1.1.
    expect(t.Total).toEqual(['12', '', '10,000', '', '1.1']);
    expect(figure(s, 'equity-q1')).toBe('Not shown');
    expect(figure(s, 'equity-q5')).toBe('0.7');
    // Outcomes: closed in the period q1 C1, C2, C12 (taken C1, C2); q2 C3, C8, C15 (taken C8);
    // q5 C4, C6, C13 (taken C6, C13).
    expect(rows.map((r) => [r.quintile, r.closed, r.communityOption])).toEqual([
      [1, 3, 2],
      [2, 3, 1],
      [5, 3, 2],
      [null, 0, 0],
    ]);
  });

  it('uses age when referred, from the date of birth, and ethnicity where recorded', async () => {
    // C1 born 15 June 1950, received 1 April 2026: 75. C3 born 21 April 1991, received 20 April 2026:
    // 34 (the birthday is the next day). C2 has only an age band, 65-74.
    const ages = await equityAge(db, period());
    expect(ages.filter((a) => a.band !== '').sort((a, b) => a.band.localeCompare(b.band))).toEqual([
      { band: '25-34', n: 1 },
      { band: '65-74', n: 1 },
      { band: '75-84', n: 1 },
    ]);
    // Ethnicity: Indian C4-C8 = 5, White British C1, C2 = 2, prefers not to say C3, not recorded
    // C9, C10, C11, C15 = 4. Shares of the 7 recorded: 5 / 7 = 71.4%.
    const t = cells(table(await section('equity', period()), 'ethnicity'));
    expect(t['Asian or Asian British: Indian']).toEqual(['5', '71.4%']);
    expect(t['White: English, Welsh, Scottish, Northern Irish or British']).toEqual(['<5', 'Not shown']);
    expect(t['Prefers not to say']).toEqual(['<5', '']);
    expect(t['Not recorded']).toEqual(['<5', '']);
    expect(t.Total).toEqual(['12', '']);
  });
});

describe('ward filter', () => {
  it('keeps only people living in the ward', async () => {
    // South (A3, A4): received C4, C5, C11, C6, C7 = 5; self-referred C6.
    const rows = await referralsIn(db, south());
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(5);
    // Funnel: triaged 5; first contact C4, C5, C6, C7 = 4; referred out C5, C6, C7 = 3, all
    // accepted; attending C6, C7; completed C6; closed C4, C6.
    expect(await funnel(db, south())).toEqual({
      received: 5,
      triaged: 5,
      firstContact: 4,
      referredOut: 3,
      accepted: 3,
      attending: 2,
      completed: 1,
      closed: 2,
    });
    // Waits: C4 1, C6 3, C7 7, C5 14 (n = 4): median 5, built on 4 so not shown.
    const all = (await waitingTimes(db, south())).find((w) => w.month === null)!;
    expect(all.n).toBe(4);
    expect(all.median).toBeCloseTo(5, 10);
    // Equity for South: the population is South's 7,000 only.
    expect((await equityDeprivation(db, south())).map((r) => [r.quintile, r.population, r.received])).toEqual([[5, 7000, 5]]);
  });
});

describe('what leaves the reports', () => {
  it('holds no names, references or dates of birth, in any table or download', async () => {
    const texts: string[] = [];
    for (const slug of ['unmet-need', 'demand', 'waiting', 'outcomes', 'supply', 'equity'] as const) {
      const s = await section(slug, period());
      for (const t of s.tables) texts.push(tableCsv(t, 'p', 'a'));
      texts.push(JSON.stringify(s.figures));
    }
    texts.push(JSON.stringify(await withReportTransaction(db, (tx) => overviewFigures(tx, period()))));
    const all = texts.join('\n');
    for (const forbidden of ['Person 1', 'C13', '1950-06-15', '1991', ids.C1, ids.W1]) expect(all).not.toContain(forbidden);
  });

  it('gives the overview the same figures as the sections', async () => {
    const overview = await withReportTransaction(db, (tx) => overviewFigures(tx, period()));
    expect(figure(overview, 'referrals-received')).toBe('12');
    expect(figure(overview, 'self-referral-share')).toBe('41.7%');
    expect(figure(overview, 'wait-median')).toBe('6 days');
    expect(figure(overview, 'unmet-recorded')).toBe('24');
    expect(figure(overview, 'wellbeing-improved')).toBe('Not shown');
    expect(figure(overview, 'community-option')).toBe('55.6%');
  });
});
