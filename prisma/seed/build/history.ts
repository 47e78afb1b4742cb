import type { Prisma } from '../../../lib/db/generated/client';
import { nameGroups } from '../data/names';
import { themes } from '../data/taxonomy';
import * as T from '../data/texts';
import type { Directory, ServiceInfo } from './directory';
import type { AreaInfo, Geography } from './geography';
import type { Staff, StaffUser } from './staff';
import { type Clock, Rng, fill, sid, workHours } from '../util';
import { canMove } from '../../../lib/referrals/lifecycle';
import { generateReference } from '../../../lib/intake/reference';

type Status = Prisma.ReferralCreateManyInput['status'] & string;
type ActorKind = Prisma.ReferralEventCreateManyInput['actorKind'];

export interface History {
  people: Prisma.PersonCreateManyInput[];
  consents: Prisma.ConsentCreateManyInput[];
  cases: Prisma.CaseCreateManyInput[];
  caseNeeds: Prisma.CaseNeedCreateManyInput[];
  conversations: Prisma.ConversationCreateManyInput[];
  conversationNeeds: Prisma.ConversationNeedCreateManyInput[];
  referrals: Prisma.ReferralCreateManyInput[];
  referralEvents: Prisma.ReferralEventCreateManyInput[];
  unmetNeeds: Prisma.UnmetNeedCreateManyInput[];
  safeguarding: Prisma.SafeguardingConcernCreateManyInput[];
  signposts: Prisma.SignpostCreateManyInput[];
  contactAttempts: Prisma.ContactAttemptCreateManyInput[];
  searchLogs: Prisma.SearchLogCreateManyInput[];
  notifications: Prisma.NotificationCreateManyInput[];
}

export const HISTORY_DAYS = 548;
const CASES = 3600;

interface PersonSim {
  row: Prisma.PersonCreateManyInput;
  area: AreaInfo;
  first: string;
  age: number;
  lastClosed: number;
  open: boolean;
  base: { ls: number; worth: number; happy: number; anx: number };
}

interface Interval {
  start: number;
  end: number;
}

const clamp = (x: number) => Math.max(0, Math.min(10, Math.round(x)));
const ageBand = (age: number) =>
  age < 25
    ? '18-24'
    : age < 35
      ? '25-34'
      : age < 45
        ? '35-44'
        : age < 55
          ? '45-54'
          : age < 65
            ? '55-64'
            : age < 75
              ? '65-74'
              : age < 85
                ? '75-84'
                : '85+';
const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

export function buildHistory(
  geo: Geography,
  themeIdByCode: Map<string, string>,
  staff: Staff,
  dir: Directory,
  clock: Clock,
): History {
  const out: History = {
    people: [],
    consents: [],
    cases: [],
    caseNeeds: [],
    conversations: [],
    conversationNeeds: [],
    referrals: [],
    referralEvents: [],
    unmetNeeds: [],
    safeguarding: [],
    signposts: [],
    contactAttempts: [],
    searchLogs: [],
    notifications: [],
  };
  const rng = new Rng('history');
  const now = clock.nowT;
  const themeCode = new Map([...themeIdByCode].map(([code, id]) => [id, code]));
  const usable = dir.serviceInfo.filter((s) => s.usable);
  const servicesByTheme = new Map<string, ServiceInfo[]>();
  for (const s of usable) for (const t of s.themeIds) servicesByTheme.set(t, [...(servicesByTheme.get(t) ?? []), s]);
  const providerIdsByOrg = new Map([...staff.providersByOrg].map(([k, us]) => [k, us.map((u) => u.id)]));
  const [coordCouncil, coordCouncil2, coordPcn] = staff.coordinators;
  const workersByTeam = new Map<string, StaffUser[]>([
    [staff.councilTeamId, staff.linkWorkers.filter((w) => w.teamId === staff.councilTeamId)],
    [staff.pcnTeamId, staff.linkWorkers.filter((w) => w.teamId === staff.pcnTeamId)],
  ]);
  const pcnTeamPcnId = geo.pcns.find((p) => p.code === 'U99001')!.id!;
  const load = new Map<string, Interval[]>(staff.linkWorkers.map((w) => [w.id, []]));
  const openAt = (w: StaffUser, t: number) => load.get(w.id)!.filter((iv) => iv.start <= t && t < iv.end).length;
  const available = (teamId: string, t: number) =>
    workersByTeam.get(teamId)!.filter((w) => w.from <= t && (w.to === null || t < w.to - 100));
  const leastLoaded = (teamId: string, t: number, r: Rng) => {
    const pool = available(teamId, t);
    let best = pool[0];
    let bestScore = Infinity;
    for (const w of pool) {
      const score = openAt(w, t) + r.float(0, 6);
      if (score < bestScore) {
        bestScore = score;
        best = w;
      }
    }
    return best;
  };

  // ---------- people ----------
  const areaWeights = geo.areaInfo.map((a) => [a, a.population * (2.5 - 0.19 * a.imdDecile)] as const);
  const groupWeights = nameGroups.map((g) => [g, g.weight] as const);
  const people: PersonSim[] = [];
  let emailN = 0;
  const newPerson = (r: Rng, t: number, source: string): PersonSim => {
    const idx = people.length;
    const group = r.weighted(groupWeights);
    const g = r.next();
    const gender = g < 0.58 ? 'female' : g < 0.985 ? 'male' : 'non_binary';
    const first = r.pick(gender === 'female' ? group.female : gender === 'male' ? group.male : [...group.female, ...group.male]);
    let last = r.pick(group.surnames);
    if (gender === 'female' && group.femaleSurname) last = group.femaleSurname(last);
    const ageBase =
      source === 'hospital'
        ? r.int(55, 94)
        : r.weighted([
            [r.int(18, 39), 22],
            [r.int(40, 64), 36],
            [r.int(65, 95), 42],
          ] as const);
    const age = Math.min(97, ageBase);
    const area = r.weighted(areaWeights);
    const pc = r.pick(area.postcodes);
    const practices = geo.practiceIdsByPcn.get(area.pcnId) ?? [];
    const gp = r.chance(0.92) && practices.length ? r.pick(practices) : r.pick(geo.practices).id!;
    const hasEmail = r.chance(age < 65 ? 0.62 : 0.3);
    const email = hasEmail ? `${ascii(first)}.${ascii(last)}${++emailN}@example.com` : null;
    const phone = r.chance(0.93) ? `07700 900${String(r.int(0, 999)).padStart(3, '0')}` : null;
    const preferred = !phone
      ? email
        ? 'email'
        : 'letter'
      : r.weighted([
          ['phone', 68],
          ['text', 17],
          [email ? 'email' : 'phone', 10],
          ['letter', 5],
        ] as const);
    const dobDay = -Math.round(age * 365.25) - r.int(0, 364);
    const recorded = r.chance(0.8);
    const row: Prisma.PersonCreateManyInput = {
      id: sid('person', idx),
      name: `${first} ${last}`,
      email,
      phone,
      preferredContact: preferred,
      contactNotes: r.chance(0.08) ? r.pick(T.contactNotes) : null,
      dateOfBirth: r.chance(0.88) ? clock.date(dobDay) : null,
      ageBand: ageBand(age + Math.trunc(t / 365.25)),
      postcode: pc.postcode,
      areaId: area.id,
      gender: recorded ? (r.chance(0.05) ? 'declined' : gender) : null,
      ethnicity: r.chance(0.78) ? (r.chance(0.06) ? 'declined' : group.ethnicity) : null,
      disability: r.chance(0.72)
        ? r.weighted([
            ['yes', 36],
            ['no', 58],
            ['declined', 6],
          ] as const)
        : null,
      gpPracticeId: gp,
      createdAt: clock.at(t),
      updatedAt: clock.at(t),
    };
    const p: PersonSim = {
      row,
      area,
      first,
      age: age + Math.trunc(t / 365.25),
      lastClosed: -Infinity,
      open: true,
      base: {
        ls: clamp(r.normal(4.3, 1.7)),
        worth: clamp(r.normal(5.0, 1.8)),
        happy: clamp(r.normal(4.4, 1.9)),
        anx: clamp(r.normal(6.0, 2.0)),
      },
    };
    people.push(p);
    out.people.push(row);
    return p;
  };

  // ---------- arrivals: growing demand over eighteen months ----------
  const arrivals: number[] = [];
  for (let i = 0; i < CASES; i++) {
    const u = rng.next();
    const x = (-1 + Math.sqrt(1 + 3.84 * u)) / 1.2;
    arrivals.push(-HISTORY_DAYS * (1 - x));
  }
  arrivals.sort((a, b) => a - b);

  const openActive: {
    caseIndex: number;
    caseId: string;
    person: PersonSim;
    workerId: string;
    lastT: number;
    hasShare: boolean;
    next: number;
  }[] = [];
  // References in the shape the service gives out (lib/intake/reference.ts), from a generator of their own.
  const references = new Rng('case-references');
  const usedReferences = new Set<string>();
  const nextReference = () => {
    let ref: string;
    do ref = generateReference('EB', (max) => references.int(0, max - 1));
    while (usedReferences.has(ref));
    usedReferences.add(ref);
    return ref;
  };
  let eventN = 0;
  let conversationN = 0;
  let unmetN = 0;

  arrivals.forEach((arrival, caseIndex) => {
    const r = new Rng(`case:${caseIndex}`);
    const source = r.weighted([
      ['self', 40],
      ['gp', 35],
      ['social_care', 9],
      ['hospital', 6],
      ['voluntary_sector', 7],
      ['other', 3],
    ] as const);
    let day = Math.floor(arrival);
    if (source !== 'self' || r.chance(0.6)) day = clock.toWorkingDay(day);
    let received = day + (source === 'self' ? r.int(7 * 60, 22 * 60) / 1440 : workHours(r, 8, 18));
    if (received > now) received = Math.max(day, now - r.float(0.01, 0.2));
    if (received > now) received = now - 0.01;

    // Person: mostly new, some returning after an earlier case closed.
    let person: PersonSim | undefined;
    if (r.chance(0.07)) {
      const candidates = people.filter((p) => !p.open && p.lastClosed < received - 30);
      if (candidates.length) person = r.pick(candidates);
    }
    person ??= newPerson(r, received, source);
    person.open = true;

    const practiceId = person.row.gpPracticeId as string;
    const inPcn = (geo.practiceIdsByPcn.get(pcnTeamPcnId) ?? []).includes(practiceId);
    const teamId =
      inPcn &&
      (source === 'gp' ||
        source === 'hospital' ||
        (source === 'self' && r.chance(0.75)) ||
        (source === 'voluntary_sector' && r.chance(0.5)))
        ? staff.pcnTeamId
        : staff.councilTeamId;
    const coordinator = teamId === staff.pcnTeamId ? coordPcn : r.chance(0.7) ? coordCouncil : coordCouncil2;

    const caseId = sid('case', caseIndex);
    const practiceName = geo.practiceNameById.get(practiceId) ?? 'GP surgery';
    const referrer = referrerFor(source, practiceName, r);
    const rag = r.weighted([
      ['red', 8],
      ['amber', 30],
      ['green', 62],
    ] as const);
    const caseRow: Prisma.CaseCreateManyInput = {
      id: caseId,
      reference: nextReference(),
      personId: person.row.id!,
      teamId,
      source,
      ...referrer,
      whatMatters: r.pick(T.whatMatters),
      receivedAt: clock.at(received),
      status: 'received',
      createdAt: clock.at(received),
      updatedAt: clock.at(received),
    };
    out.cases.push(caseRow);
    let lastActivity = received;
    const touch = (t: number) => {
      if (t > lastActivity) lastActivity = t;
    };

    // Needs.
    const needIds = chooseNeeds(r, person.age, rag, themeIdByCode);
    for (const termId of needIds) out.caseNeeds.push({ caseId, termId });

    // Consent to be contacted.
    out.consents.push({
      id: sid('consent', `${caseIndex}:contact`),
      personId: person.row.id!,
      scope: 'contact',
      fields: [],
      givenAt: clock.at(received),
      recordedById: source === 'self' ? null : coordinator.id,
      note: source === 'self' ? 'Given on the self-referral form.' : 'Confirmed by the referrer.',
    });

    const finishPerson = (closedT: number | null) => {
      if (closedT === null) person!.open = true;
      else {
        person!.open = false;
        person!.lastClosed = closedT;
      }
    };

    // ---------- triage ----------
    const stuck = received > -20 && r.chance(0.035);
    const triaged = workMoment(clock, received + r.logNormal(0.5, 0.9), r);
    if (stuck || triaged > now) {
      finishPerson(null);
      caseRow.updatedAt = clock.at(lastActivity);
      return;
    }
    caseRow.rag = rag;
    caseRow.ragReason = r.pick(T.ragReasons[rag]);
    caseRow.triagedAt = clock.at(triaged);
    caseRow.triagedById = coordinator.id;
    caseRow.status = 'triaged';
    touch(triaged);

    if (rag === 'red' && r.chance(0.12)) {
      out.safeguarding.push(safeguarding(caseId, coordinator.id, triaged + 0.02, r, clock));
    }

    // Resolved at first contact by the coordinator: a conversation and signposts, then closed.
    if (rag !== 'red' && r.chance(0.17)) {
      const t = triaged + r.float(0.005, 0.04);
      if (t <= now) {
        const conv = conversation(r, caseId, coordinator.id, t, 'listen_connect', person, {
          first: true,
          closing: true,
          scores: r.chance(0.5),
        });
        out.conversations.push(conv.row);
        for (const termId of needIds) out.conversationNeeds.push({ conversationId: conv.row.id!, termId });
        const offered = signpostServices(r, needIds, servicesByTheme, person);
        offered.forEach((s, k) =>
          out.signposts.push({
            id: sid('signpost', `${caseIndex}:${k}`),
            caseId,
            serviceId: s.id,
            createdById: coordinator.id,
            createdAt: clock.at(t),
          }),
        );
        Object.assign(caseRow, {
          firstContactAt: clock.at(t),
          status: 'closed',
          closedAt: clock.at(t),
          closedById: coordinator.id,
          outcome: 'signposted_first_contact',
          outcomeNote: r.pick(T.outcomeNotes.signposted_first_contact),
        });
        touch(t);
        caseRow.updatedAt = clock.at(lastActivity);
        finishPerson(t);
        return;
      }
    }

    // Assignment (a few recent ones still waiting for a worker).
    if (triaged > now - 4 && r.chance(0.35)) {
      finishPerson(null);
      caseRow.updatedAt = clock.at(lastActivity);
      return;
    }
    const assigned = Math.min(now, triaged + r.float(0.002, 0.15));
    let worker = leastLoaded(teamId, assigned, r);
    caseRow.assignedWorkerId = worker.id;
    caseRow.assignedAt = clock.at(assigned);
    caseRow.assignedById = coordinator.id;
    touch(assigned);
    let interval: Interval = { start: assigned, end: Infinity };
    load.get(worker.id)!.push(interval);
    const reassignIfLeft = (t: number) => {
      if (worker.to !== null && t >= worker.to) {
        const leftAt = worker.to;
        interval.end = leftAt;
        worker = leastLoaded(teamId, leftAt, r);
        interval = { start: leftAt, end: Infinity };
        load.get(worker.id)!.push(interval);
        caseRow.assignedWorkerId = worker.id;
        caseRow.assignedAt = clock.at(leftAt);
        caseRow.assignedById = coordinator.id;
      }
    };
    const closeCase = (t: number, outcome: NonNullable<Prisma.CaseCreateManyInput['outcome']>, by: string) => {
      Object.assign(caseRow, {
        status: 'closed',
        closedAt: clock.at(t),
        closedById: by,
        outcome,
        outcomeNote: r.chance(0.8) ? r.pick(T.outcomeNotes[outcome]) : null,
      });
      interval.end = t;
      touch(t);
      finishPerson(t);
    };

    // ---------- first contact ----------
    const recency = 1 + received / HISTORY_DAYS; // 0 eighteen months ago, 1 now
    const medianWait = (rag === 'red' ? 1.6 : rag === 'amber' ? 5 : 8.4) * (0.85 + 0.35 * recency);
    let first = received + r.logNormal(medianWait, 0.75);
    first = Math.max(first, assigned + 0.01);
    first = clock.toWorkingDay(Math.floor(first)) + workHours(r);
    if (first < assigned) first = assigned + 0.02;

    if (r.chance(0.07)) {
      // Could not contact: three tries spread over the weeks, then closed (those still to come are not made).
      const closeT = clock.toWorkingDay(Math.floor(assigned + r.int(21, 35))) + workHours(r);
      (['no_answer', 'left_message', 'no_answer'] as const).forEach((outcome, k) => {
        const at = assigned + (closeT - assigned) * [0.15, 0.45, 0.8][k];
        if (at <= now)
          out.contactAttempts.push({
            id: sid('attempt', `${caseIndex}:${k}`),
            caseId,
            userId: worker.id,
            outcome,
            createdAt: clock.at(at),
          });
      });
      if (closeT <= now) {
        reassignIfLeft(closeT);
        closeCase(closeT, 'could_not_contact', worker.id);
      } else finishPerson(null);
      caseRow.updatedAt = clock.at(lastActivity);
      return;
    }
    if (first > now) {
      finishPerson(null);
      caseRow.updatedAt = clock.at(lastActivity);
      return;
    }

    // ---------- conversations ----------
    const signpostOnly = r.chance(0.07);
    const k = signpostOnly
      ? 1
      : r.weighted([
          [1, 5],
          [2, 9],
          [3, 13],
          [4, 15],
          [5, 15],
          [6, 13],
          [7, 11],
          [8, 8],
          [9, 6],
          [10, 5],
        ] as const);
    const outcome: NonNullable<Prisma.CaseCreateManyInput['outcome']> = signpostOnly
      ? 'signposted_first_contact'
      : k <= 2
        ? r.weighted([
            ['declined_support', 40],
            ['settled_community_support', 30],
            ['referred_statutory', 15],
            ['moved_away', 8],
            ['other', 7],
          ] as const)
        : r.weighted([
            ['settled_community_support', 78],
            ['referred_statutory', 9],
            ['declined_support', 5],
            ['moved_away', 4],
            ['other', 4],
          ] as const);
    let t = first;
    const convs: Prisma.ConversationCreateManyInput[] = [];
    let referralsMade = 0;
    let shareConsent = false;
    for (let i = 0; i < k; i++) {
      reassignIfLeft(t);
      const isFirst = i === 0;
      const closing = i === k - 1;
      const type = isFirst
        ? rag === 'red' && r.chance(0.8)
          ? 'crisis'
          : r.chance(0.9)
            ? 'listen_connect'
            : 'good_life'
        : r.weighted([
            ['good_life', 45],
            ['listen_connect', 50],
            ['crisis', 5],
          ] as const);
      const conv = conversation(r, caseId, worker.id, t, type, person, {
        first: isFirst,
        closing,
        scores: isFirst ? r.chance(0.88) : closing ? r.chance(0.85) : r.chance(0.2),
        progress: i / Math.max(1, k - 1),
        outcome,
      });
      convs.push(conv.row);
      const convNeeds = isFirst ? needIds : r.sample(needIds, r.int(1, needIds.length));
      for (const termId of convNeeds) out.conversationNeeds.push({ conversationId: conv.row.id!, termId });
      if (isFirst) {
        caseRow.firstContactAt = clock.at(t);
        caseRow.status = 'active';
        if (source === 'gp' && r.chance(0.7)) {
          out.consents.push({
            id: sid('consent', `${caseIndex}:gp`),
            personId: person.row.id!,
            scope: 'tell_gp',
            fields: ['outcome'],
            givenAt: clock.at(t),
            recordedById: worker.id,
          });
        }
        if (rag !== 'red' && r.chance(0.006)) out.safeguarding.push(safeguarding(caseId, worker.id, t + 0.01, r, clock));
        if (rag === 'red' && r.chance(0.08)) out.safeguarding.push(safeguarding(caseId, worker.id, t + 0.01, r, clock));
      }
      touch(t);

      // Signposting at the first conversation.
      if (signpostOnly) {
        const offered = signpostServices(r, needIds, servicesByTheme, person);
        offered.forEach((s, j) =>
          out.signposts.push({
            id: sid('signpost', `${caseIndex}:${j}`),
            caseId,
            serviceId: s.id,
            createdById: worker.id,
            createdAt: clock.at(t),
          }),
        );
      }

      // Referrals out.
      const howMany =
        signpostOnly || outcome === 'declined_support'
          ? 0
          : isFirst
            ? r.weighted([
                [0, 25],
                [1, 50],
                [2, 25],
              ] as const)
            : i <= 2
              ? r.weighted([
                  [0, 65],
                  [1, 35],
                ] as const)
              : 0;
      for (let j = 0; j < howMany; j++) {
        const termId = r.pick(needIds);
        const service = chooseService(r, termId, servicesByTheme, person, t > now - 21);
        if (!service) {
          recordUnmet(r, termId, person, 'no_service', t + 0.01, caseId, null, worker.id);
          continue;
        }
        if (!shareConsent) {
          shareConsent = true;
          const fields = [
            'name',
            ...(person.row.phone ? ['phone'] : []),
            ...(person.row.email ? ['email'] : []),
            'whatMatters',
            'needs',
          ];
          const withdrawn = r.chance(0.03);
          out.consents.push({
            id: sid('consent', `${caseIndex}:share`),
            personId: person.row.id!,
            scope: 'share_with_provider',
            fields,
            givenAt: clock.at(t),
            recordedById: worker.id,
            withdrawnAt: withdrawn && t + 20 <= now ? clock.at(t + 20) : null,
            withdrawnById: withdrawn && t + 20 <= now ? worker.id : null,
          });
        }
        const end = simulateReferral(r, caseIndex, referralsMade++, caseId, service, worker.id, t + 0.01 + j * 0.003, person);
        conv.row.actions = fill(r.pick(T.actions.filter((a) => a.includes('{service}'))), { service: service.name });
        touch(end);
      }

      // Unmet need noticed in conversation.
      if (!signpostOnly && r.chance(isFirst ? 0.1 : 0.03)) {
        const termId = r.pick(needIds);
        recordUnmet(r, termId, person, unmetReason(r, themeCode.get(termId)!), t + 0.005, caseId, null, worker.id);
      }

      if (closing) {
        closeCase(Math.min(t + 0.003, now), outcome, worker.id);
        break;
      }
      // Next follow-up: planned, sometimes late.
      const gap = r.int(8, 26);
      const planned = clock.toWorkingDay(Math.floor(t) + gap);
      conv.row.nextFollowUpOn = clock.date(planned);
      let next = r.chance(0.22) ? clock.toWorkingDay(planned + r.int(1, 9)) : planned;
      next += workHours(r);
      if (next > now) break;
      t = next;
    }
    // A correction now and then: a new record that supersedes an earlier one.
    if (convs.length >= 2 && r.chance(0.02)) {
      const original = convs[0];
      const fix: Prisma.ConversationCreateManyInput = {
        ...original,
        id: sid('conversation', `${caseIndex}:correction`),
        supersedesId: original.id,
        correctionNote: r.pick(T.correctionNotes),
        createdAt: clock.at(Math.min(now, dayFrom(clock, original.occurredAt as Date) + 1.45)),
      };
      out.conversations.push(fix);
      for (const termId of needIds) out.conversationNeeds.push({ conversationId: fix.id!, termId });
    }
    out.conversations.push(...convs);
    if ((caseRow.status as string) !== 'closed') {
      finishPerson(null);
      openActive.push({ caseIndex, caseId, person, workerId: worker.id, lastT: t, hasShare: shareConsent, next: referralsMade });
    }
    caseRow.updatedAt = clock.at(Math.min(lastActivity, now));
  });

  function conversation(
    r: Rng,
    caseId: string,
    workerId: string,
    t: number,
    type: Prisma.ConversationCreateManyInput['type'],
    person: PersonSim,
    o: { first: boolean; closing: boolean; scores: boolean; progress?: number; outcome?: string },
  ) {
    const id = sid('conversation', conversationN++);
    let scores: Pick<Prisma.ConversationCreateManyInput, 'lifeSatisfaction' | 'worthwhile' | 'happiness' | 'anxiety'> = {};
    if (o.scores) {
      const b = person.base;
      const settled = o.outcome === 'settled_community_support';
      const p = o.first ? 0 : (o.progress ?? 1);
      const lift = (settled ? r.normal(2.0, 1.5) : r.normal(0.4, 1.6)) * p;
      const calm = (settled ? r.normal(-1.8, 1.7) : r.normal(-0.2, 1.7)) * p;
      scores = {
        lifeSatisfaction: clamp(b.ls + lift + r.normal(0, 0.5)),
        worthwhile: clamp(b.worth + lift * 0.8 + r.normal(0, 0.5)),
        happiness: clamp(b.happy + lift + r.normal(0, 0.7)),
        anxiety: clamp(b.anx + calm + r.normal(0, 0.7)),
      };
    }
    const row: Prisma.ConversationCreateManyInput = {
      id,
      caseId,
      workerId,
      occurredAt: clock.at(t),
      type,
      whatMatters: o.first ? r.pick(T.whatMatters) : r.chance(0.3) ? r.pick(T.whatMatters) : '',
      strengths: o.first || r.chance(0.25) ? r.pick(T.strengths) : '',
      goals: o.first || r.chance(0.3) ? r.pick(T.goals) : '',
      actions: r.pick(T.actions.filter((a) => !a.includes('{service}'))),
      ...scores,
      isClosing: o.closing,
      createdAt: clock.at(Math.min(t + r.float(0.001, 0.05), now)),
    };
    if ((row.createdAt as Date) < (row.occurredAt as Date)) row.createdAt = row.occurredAt;
    return { row };
  }

  function recordUnmet(
    r: Rng,
    termId: string,
    person: PersonSim,
    reason: Prisma.UnmetNeedCreateManyInput['reason'],
    t: number,
    caseId: string | null,
    referralId: string | null,
    by: string | null,
  ) {
    if (t > now) return;
    out.unmetNeeds.push({
      id: sid('unmet', unmetN++),
      termId,
      areaId: person.area.id,
      wardId: person.area.wardId,
      reason,
      note: r.chance(0.7) ? r.pick(T.unmetNotes[reason]) : null,
      caseId,
      referralId,
      recordedById: by,
      recordedAt: clock.at(t),
    });
  }

  function simulateReferral(
    r: Rng,
    caseIndex: number,
    n: number,
    caseId: string,
    service: ServiceInfo,
    workerId: string,
    created: number,
    person: PersonSim,
  ): number {
    const id = sid('referral', `${caseIndex}:${n}`);
    if (created > now) return created;
    const providers = providerIdsByOrg.get(service.orgKey) ?? [];
    const shared: Record<string, unknown> = { name: person.row.name, whatMatters: r.pick(T.whatMatters) };
    if (person.row.phone) shared.phone = person.row.phone;
    if (person.row.email && r.chance(0.6)) shared.email = person.row.email;
    const row: Prisma.ReferralCreateManyInput = {
      id,
      caseId,
      serviceId: service.id,
      createdById: workerId,
      status: 'draft',
      version: 0,
      sharedInfo: shared as Prisma.InputJsonValue,
      message: fill(r.pick(T.referralMessages), { first: person.first }),
      createdAt: clock.at(created),
    };
    out.referrals.push(row);
    let status: Status = 'draft';
    let t = created;
    let last = created;
    const ev = (
      to: Status,
      at: number,
      kind: ActorKind,
      actorId: string | null,
      extra: { reason?: string; note?: string; onBehalf?: boolean } = {},
    ) => {
      if (at > now) return false;
      if (status !== 'draft' || to !== 'draft') {
        if (!canMove(status, to)) throw new Error(`seed tried ${status} -> ${to}`);
      }
      out.referralEvents.push({
        id: sid('referral-event', eventN++),
        referralId: id,
        fromStatus: to === 'draft' ? null : status,
        toStatus: to,
        actorId,
        actorKind: kind,
        onBehalf: extra.onBehalf ?? false,
        reason: extra.reason ?? null,
        note: extra.note ?? null,
        createdAt: clock.at(at),
      });
      status = to;
      row.status = to;
      row.version = (row.version ?? 0) + 1;
      last = at;
      return true;
    };
    const providerActor = (): { kind: ActorKind; id: string | null; onBehalf: boolean } => {
      if (providers.length > 0 && r.chance(0.85)) return { kind: 'provider', id: r.pick(providers), onBehalf: false };
      return r.chance(0.6)
        ? { kind: 'answer_link', id: null, onBehalf: false }
        : { kind: 'worker', id: workerId, onBehalf: true };
    };
    ev('draft', created, 'worker', workerId);
    // Most are sent straight away; a few drafts wait or are abandoned.
    if (r.chance(0.04)) {
      if (created < now - 4)
        ev('withdrawn', created + r.float(0.5, 4), 'worker', workerId, {
          reason: 'Person changed their mind before it was sent.',
        });
      return last;
    }
    t = created + r.float(0.001, 0.02);
    if (created > now - 2 && r.chance(0.3)) return last;
    let sends = 0;
    const busy = service.capacityStatus === 'full' ? 0.5 : service.capacityStatus === 'waiting_list' ? 0.2 : 0;
    while (true) {
      if (!ev('sent', t, 'worker', workerId)) return last;
      sends++;
      row.sentAt = clock.at(t);
      row.reminderSentAt = null;
      const delay = r.logNormal(sends > 1 ? 1.5 : 3, 1.0);
      const silent = r.chance(sends > 1 ? 0.05 : 0.11) || delay > 14;
      if (delay > 7 || silent) {
        if (t + 7 <= now) row.reminderSentAt = clock.at(t + 7);
      }
      if (silent) {
        if (!ev('expired', t + 14, 'system', null, { reason: 'No answer within 14 days.' })) return last;
        if (sends < 2 && r.chance(0.45)) {
          t = clock.toWorkingDay(Math.floor(t + 14 + r.int(1, 5))) + workHours(r);
          continue;
        }
        return last;
      }
      t = t + delay;
      break;
    }
    // The provider answers.
    if (r.chance(0.025)) {
      ev('withdrawn', t, 'worker', workerId, { reason: 'Person decided not to go.' });
      return last;
    }
    const actor = providerActor();
    const ans = r.next();
    const respond = (to: Status, extra: { reason?: string; note?: string } = {}) => {
      const ok = ev(to, t, actor.kind, actor.id, { ...extra, onBehalf: actor.onBehalf });
      if (ok && !row.respondedAt) row.respondedAt = clock.at(t);
      return ok;
    };
    if (ans < 0.15 + busy * 0.6) {
      const reason =
        service.capacityStatus !== 'open' && r.chance(0.7)
          ? 'full'
          : r.weighted([
              ['full', 25],
              ['not_eligible', 25],
              ['not_suitable', 25],
              ['could_not_contact', 20],
              ['other', 5],
            ] as const);
      if (respond('declined', { reason, note: r.pick(T.declineNotes[reason]) })) {
        row.declineReason = reason;
        if (reason === 'full' && r.chance(0.5))
          recordUnmet(r, service.themeIds[0], person, 'full', t + 0.01, caseId, id, workerId);
        if (reason === 'not_eligible' && r.chance(0.3))
          recordUnmet(r, service.themeIds[0], person, 'not_eligible', t + 0.01, caseId, id, workerId);
      }
      return last;
    }
    if (ans < 0.33 + busy) {
      if (!respond('waitlisted')) return last;
      t += r.int(10, 70);
      const w = r.next();
      if (w < 0.15) {
        ev('withdrawn', t, 'worker', workerId, { reason: 'Found another group while waiting.' });
        return last;
      }
      if (w < 0.28) {
        if (
          ev('declined', t, actor.kind, actor.id, {
            reason: 'full',
            onBehalf: actor.onBehalf,
            note: 'The waiting list has not moved; we cannot offer a place.',
          })
        )
          row.declineReason = 'full';
        return last;
      }
      if (w < 0.5) {
        if (!ev('attending', t, actor.kind, actor.id, { onBehalf: actor.onBehalf })) return last;
        return attendance(t);
      }
      if (!ev('accepted', t, actor.kind, actor.id, { onBehalf: actor.onBehalf })) return last;
    } else if (!respond('accepted')) return last;
    t += r.float(2, 12);
    const a = r.next();
    if (a < 0.06) {
      ev('withdrawn', t, 'worker', workerId, { reason: 'Person no longer wants to go.' });
      return last;
    }
    if (a < 0.27) {
      ev('did_not_attend', t, actor.kind, actor.id, { onBehalf: actor.onBehalf });
      return last;
    }
    if (!ev('attending', t, actor.kind, actor.id, { onBehalf: actor.onBehalf })) return last;
    return attendance(t);

    function attendance(from: number): number {
      const end = from + r.int(14, 100);
      const c = r.next();
      if (c < 0.55) ev('completed', end, actor.kind, actor.id, { onBehalf: actor.onBehalf });
      else if (c < 0.65) ev('withdrawn', end, 'worker', workerId, { reason: 'Stopped going.' });
      return last;
    }
  }

  // The demo provider's inbox: a few referrals sent in the last week, not yet answered.
  const inbox = new Rng('demo-inbox');
  const ageWell = usable.filter((x) => x.orgKey === 'age-well' && x.capacityStatus !== 'full');
  const olderOpen = openActive.filter((c) => c.person.age >= 60 && c.lastT < now - 0.5);
  const picked = inbox.sample(olderOpen, 8);
  picked.forEach((c, k) => {
    const service = inbox.pick(ageWell);
    const draft = k >= 6; // two still being written
    const created = Math.max(c.lastT + 0.1, now - (draft ? inbox.float(0.05, 1.5) : inbox.float(0.3, 6)));
    if (created > now) return;
    if (!c.hasShare) {
      out.consents.push({
        id: sid('consent', `${c.caseIndex}:share`),
        personId: c.person.row.id!,
        scope: 'share_with_provider',
        fields: ['name', ...(c.person.row.phone ? ['phone'] : []), 'whatMatters', 'needs'],
        givenAt: clock.at(created),
        recordedById: c.workerId,
      });
      c.hasShare = true;
    }
    const id = sid('referral', `${c.caseIndex}:${c.next}`);
    const sentT = Math.min(created + 0.01, now);
    out.referrals.push({
      id,
      caseId: c.caseId,
      serviceId: service.id,
      createdById: c.workerId,
      status: draft ? 'draft' : 'sent',
      version: draft ? 1 : 2,
      sharedInfo: {
        name: c.person.row.name,
        ...(c.person.row.phone ? { phone: c.person.row.phone } : {}),
        whatMatters: inbox.pick(T.whatMatters),
      },
      message: fill(inbox.pick(T.referralMessages), { first: c.person.first }),
      sentAt: draft ? null : clock.at(sentT),
      createdAt: clock.at(created),
    });
    out.referralEvents.push({
      id: sid('referral-event', eventN++),
      referralId: id,
      fromStatus: null,
      toStatus: 'draft',
      actorId: c.workerId,
      actorKind: 'worker',
      createdAt: clock.at(created),
    });
    if (!draft) {
      out.referralEvents.push({
        id: sid('referral-event', eventN++),
        referralId: id,
        fromStatus: 'draft',
        toStatus: 'sent',
        actorId: c.workerId,
        actorKind: 'worker',
        createdAt: clock.at(sentT),
      });
    }
    c.next += 1;
  });

  // Follow-ups for the demo link workers: some due today, some overdue.
  for (const w of staff.demo.linkWorkers) {
    const open = out.cases.filter((c) => c.assignedWorkerId === w.id && c.status === 'active');
    const latest = open
      .map((c) => {
        const mine = out.conversations.filter((cv) => cv.caseId === c.id && !cv.supersedesId);
        return mine.reduce<Prisma.ConversationCreateManyInput | null>(
          (best, cv) => (!best || (cv.occurredAt as Date) > (best.occurredAt as Date) ? cv : best),
          null,
        );
      })
      .filter((cv): cv is Prisma.ConversationCreateManyInput => cv !== null && cv.workerId === w.id);
    latest.slice(0, 3).forEach((cv) => (cv.nextFollowUpOn = clock.date(0)));
    latest.slice(3, 7).forEach((cv, i) => {
      const lastDay = dayFrom(clock, cv.occurredAt as Date);
      cv.nextFollowUpOn = clock.date(Math.max(lastDay + 1, -1 - i * 2));
    });
  }

  // Unmet need recorded by coordinators from enquiries, with no case.
  const enquiry = new Rng('enquiries');
  for (let i = 0; i < 60; i++) {
    const t = -enquiry.int(0, HISTORY_DAYS) + workHours(enquiry);
    const area = enquiry.pick(geo.areaInfo);
    const term = enquiry.pick(themes);
    const termId = themeIdByCode.get(term.code)!;
    const p = { area } as PersonSim;
    recordUnmet(
      enquiry,
      termId,
      p,
      unmetReason(enquiry, term.code),
      Math.min(t, now - 0.01),
      null,
      null,
      enquiry.pick(staff.coordinators).id,
    );
  }

  // A referral was last updated by its latest event.
  const lastEvent = new Map<string, Date>();
  for (const e of out.referralEvents) {
    const at = e.createdAt as Date;
    const prev = lastEvent.get(e.referralId);
    if (!prev || at > prev) lastEvent.set(e.referralId, at);
  }
  for (const ref of out.referrals) ref.updatedAt = lastEvent.get(ref.id!) ?? ref.createdAt;

  buildSearchLogs(out, geo, themeIdByCode, clock);
  buildNotifications(out, staff, dir, clock);
  return out;
}

/** The same moment if it is within working hours, otherwise the start of the next working morning. */
function workMoment(clock: Clock, t: number, r: Rng): number {
  let day = Math.floor(t);
  let frac = t - day;
  if (clock.isWeekend(day)) {
    day = clock.toWorkingDay(day);
    frac = workHours(r, 9, 11);
  } else if (frac < 9 / 24) frac = workHours(r, 9, 11);
  else if (frac > 17.5 / 24) {
    day = clock.toWorkingDay(day + 1);
    frac = workHours(r, 9, 11);
  }
  return day + frac;
}

function dayFrom(clock: Clock, d: Date): number {
  return Math.floor((d.getTime() - clock.at(0).getTime()) / 86_400_000);
}

function referrerFor(source: string, practice: string, r: Rng): Partial<Prisma.CaseCreateManyInput> {
  switch (source) {
    case 'gp':
      return {
        referrerName: `Dr ${r.pick(['A. Patel', 'S. Okonkwo', 'J. Hartley', 'R. Singh', 'E. Moss', 'L. Chen', 'M. O\u2019Neill'])}`,
        referrerOrganisation: practice,
        referrerEmail: `reception@${practice.toLowerCase().replace(/[^a-z]+/g, '-')}.example.org`,
        referrerPhone: `0118 496 0${r.int(100, 999)}`,
      };
    case 'social_care':
      return {
        referrerName: r.pick(['Kate Ellis', 'Marcus Reid', 'Aminata Sesay', 'Joe Harper']),
        referrerOrganisation: 'Eastbrook Adult Social Care',
        referrerEmail: 'adultsocialcare@eastbrook.example.gov.uk',
        referrerPhone: '01632 960 410',
      };
    case 'hospital':
      return {
        referrerName: r.pick(['Discharge team, Ward 7', 'Integrated discharge hub', 'Frailty unit']),
        referrerOrganisation: 'Eastbrook Community Hospital',
        referrerEmail: 'discharge.hub@eastbrook-hospital.example.org',
        referrerPhone: null,
      };
    case 'voluntary_sector':
      return {
        referrerName: r.pick(['Pat Hollis', 'Dee Marshall', 'Sunil Mehta']),
        referrerOrganisation: r.pick([
          'Eastbrook Age Well',
          'Eastbrook Food Bank',
          'Eastbrook Money Advice',
          'Eastbrook Carers Partnership',
        ]),
        referrerEmail: null,
        referrerPhone: null,
      };
    case 'other':
      return {
        referrerName: r.pick(['Housing officer', 'Community police officer', 'Pharmacist']),
        referrerOrganisation: r.pick(['Brookside Homes', 'Thames Valley neighbourhood team', 'High Street Pharmacy']),
        referrerEmail: null,
        referrerPhone: null,
      };
    default:
      return r.chance(0.15) ? { referrerName: 'Daughter (with consent)', referrerOrganisation: null } : {};
  }
}

function chooseNeeds(r: Rng, age: number, rag: string, ids: Map<string, string>): string[] {
  const w: [string, number][] = [
    ['loneliness-and-isolation', 30],
    ['mental-wellbeing', 24],
    ['physical-activity', 14],
    ['money-and-debt', rag === 'red' ? 30 : 13],
    ['housing', rag === 'red' ? 14 : 5],
    ['carers', 9],
    ['food', rag === 'red' ? 14 : 5],
    ['learning-and-skills', 4],
    ['volunteering', 5],
    ['long-term-conditions', age > 50 ? 14 : 5],
    ['bereavement', 7],
    ['families', age < 50 ? 12 : 1],
    ['older-people', age >= 65 ? 22 : 0],
    ['disability', 6],
    ['employment', age < 64 ? 7 : 0],
    ['digital-skills', age >= 60 ? 6 : 2],
    ['arts-and-creativity', 5],
    ['getting-about', age >= 70 ? 7 : 2],
  ];
  const count = r.weighted([
    [1, 35],
    [2, 45],
    [3, 20],
  ] as const);
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(r.weighted(w.filter(([, x]) => x > 0)));
  return [...chosen].map((c) => ids.get(c)!);
}

function distanceKm(aLat: number, aLng: number, bLat: number, bLng: number) {
  const dx = (aLng - bLng) * 69.4;
  const dy = (aLat - bLat) * 111.2;
  return Math.sqrt(dx * dx + dy * dy);
}

function suits(s: ServiceInfo, age: number) {
  if (s.template.themes.includes('families')) return age < 50;
  const min = s.template.ages?.[0];
  const max = s.template.ages?.[1];
  return (min === undefined || min === null || age >= min) && (max === undefined || max === null || age <= max);
}

function chooseService(
  r: Rng,
  termId: string,
  byTheme: Map<string, ServiceInfo[]>,
  person: PersonSim,
  recent = false,
): ServiceInfo | null {
  const pool = (byTheme.get(termId) ?? []).filter((s) => suits(s, person.age));
  if (pool.length === 0) return null;
  const pairs = pool.map((s) => {
    const d = s.venue ? distanceKm(person.area.lat, person.area.lng, s.venue.lat, s.venue.lng) : 3;
    const cap = s.capacityStatus === 'open' ? 1 : s.capacityStatus === 'waiting_list' ? 0.45 : 0.15;
    const demo = s.orgKey === 'age-well' ? (recent ? 12 : 3) : 1;
    return [s, (cap * demo) / (0.6 + d * d * 0.15)] as const;
  });
  // Far from anything suitable: recorded as unmet rather than referred.
  const nearest = Math.min(
    ...pool.map((s) => (s.venue ? distanceKm(person.area.lat, person.area.lng, s.venue.lat, s.venue.lng) : 0)),
  );
  if (nearest > 5 && r.chance(0.5)) return null;
  return r.weighted(pairs);
}

function signpostServices(r: Rng, needIds: string[], byTheme: Map<string, ServiceInfo[]>, person: PersonSim): ServiceInfo[] {
  const chosen = new Map<string, ServiceInfo>();
  const want = r.int(1, 3);
  for (let i = 0; i < want * 3 && chosen.size < want; i++) {
    const s = chooseService(r, r.pick(needIds), byTheme, person);
    if (s) chosen.set(s.id, s);
  }
  return [...chosen.values()];
}

function unmetReason(r: Rng, code: string): Prisma.UnmetNeedCreateManyInput['reason'] {
  const table: Record<string, [Prisma.UnmetNeedCreateManyInput['reason'], number][]> = {
    'getting-about': [
      ['too_far', 40],
      ['no_service', 30],
      ['cost', 15],
      ['full', 15],
    ],
    'mental-wellbeing': [
      ['full', 45],
      ['no_service', 20],
      ['wrong_times', 15],
      ['other', 20],
    ],
    disability: [
      ['not_accessible', 35],
      ['no_service', 35],
      ['too_far', 15],
      ['full', 15],
    ],
    employment: [
      ['no_service', 40],
      ['wrong_times', 20],
      ['not_eligible', 20],
      ['other', 20],
    ],
    bereavement: [
      ['full', 40],
      ['no_service', 30],
      ['too_far', 30],
    ],
    carers: [
      ['wrong_times', 40],
      ['no_service', 30],
      ['full', 30],
    ],
  };
  return r.weighted(
    table[code] ?? [
      ['no_service', 30],
      ['too_far', 20],
      ['full', 15],
      ['cost', 10],
      ['wrong_times', 15],
      ['not_eligible', 5],
      ['not_accessible', 5],
    ],
  );
}

function safeguarding(caseId: string, by: string, t: number, r: Rng, clock: Clock): Prisma.SafeguardingConcernCreateManyInput {
  const s = r.pick(T.safeguardingSummaries);
  return {
    id: sid('safeguarding', `${caseId}:${t.toFixed(4)}`),
    caseId,
    raisedById: by,
    raisedAt: clock.at(Math.min(t, clock.nowT)),
    referredTo: s.to,
    referredToDetail:
      s.to === 'adults' ? 'Eastbrook Adult Social Care: safeguarding hub' : 'Eastbrook Children\u2019s Services: front door',
    summary: s.text,
  };
}

function buildSearchLogs(out: History, geo: Geography, themeIdByCode: Map<string, string>, clock: Clock) {
  const r = new Rng('search-logs');
  const needCodes = [...themeIdByCode.keys()];
  const N = 4200;
  for (let i = 0; i < N; i++) {
    const u = r.next();
    const x = (-1 + Math.sqrt(1 + 3.84 * u)) / 1.2;
    let t = -HISTORY_DAYS * (1 - x) + r.int(7 * 60, 23 * 60) / 1440;
    if (t > clock.nowT) t = clock.nowT - r.float(0.001, 0.3);
    const zero = r.chance(0.22);
    const terms = zero && r.chance(0.8) ? r.pick(T.zeroResultTerms) : r.pick(T.searchTerms);
    const filters: Record<string, unknown> = {};
    if (r.chance(0.3)) filters.needs = [r.pick(needCodes)];
    if (r.chance(0.15)) filters.free = true;
    if (r.chance(0.05)) filters.age = r.pick([16, 25, 40, 67, 75, 82]);
    if (r.chance(0.12)) filters.days = [r.pick(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])];
    if (r.chance(0.06)) filters.times = [r.pick(['morning', 'afternoon', 'evening'])];
    if (r.chance(0.07)) filters.modes = [r.pick(['online', 'phone', 'in_person'])];
    if (r.chance(0.1)) filters.selfRefer = true;
    if (r.chance(0.08)) filters.hasSpace = true;
    if (r.chance(0.04)) filters.openToday = true;
    if (r.chance(0.06))
      filters.access = [r.pick(['step_free', 'hearing_loop', 'bsl', 'accessible_toilet', 'parking', 'quiet_space'])];
    const located = r.chance(0.55);
    let wardId: string | null = null;
    let district: string | null = null;
    if (located) {
      const pc = r.pick(geo.postcodeInfo);
      wardId = pc.area.wardId;
      district = pc.district;
      if (r.chance(0.8)) filters.radius = r.pick([1, 2, 5, 10]);
    }
    const narrow = Object.keys(filters).length;
    const resultCount = zero
      ? 0
      : Math.max(r.chance(0.02 * narrow) ? 0 : 1, Math.round(r.logNormal(terms === '' ? 120 : 18, 0.8) / (1 + narrow * 0.6)));
    out.searchLogs.push({
      id: sid('search', i),
      terms,
      filters: filters as Prisma.InputJsonValue,
      wardId,
      district,
      resultCount,
      createdAt: clock.at(t),
    });
  }
}

function buildNotifications(out: History, staff: Staff, dir: Directory, clock: Clock) {
  const recent = out.referrals.filter((x) => x.sentAt && (x.sentAt as Date) > clock.at(-10));
  const serviceById = new Map(dir.services.map((s) => [s.id, s]));
  let n = 0;
  const add = (row: Omit<Prisma.NotificationCreateManyInput, 'id'>) =>
    out.notifications.push({ ...row, id: sid('notification', n++) });
  for (const ref of recent.slice(-12)) {
    const s = serviceById.get(ref.serviceId)!;
    const sentAt = ref.sentAt as Date;
    add({
      channel: 'email',
      template: 'referral-received',
      recipient: s.email ?? 'hello@example.org',
      subject: `New referral for ${s.name}`,
      body: `You have a new referral for ${s.name}. Sign in or use the link in this e-mail to answer it.`,
      payload: { referralId: ref.id, serviceId: s.id },
      status: 'sent',
      attempts: 1,
      nextAttemptAt: sentAt,
      sentAt: new Date(sentAt.getTime() + 60_000),
      providerRef: `dev-${n}`,
      createdAt: sentAt,
      updatedAt: new Date(sentAt.getTime() + 60_000),
    });
  }
  const reminders = out.referrals.filter((x) => x.reminderSentAt && (x.reminderSentAt as Date) > clock.at(-14)).slice(-4);
  for (const ref of reminders) {
    const s = serviceById.get(ref.serviceId)!;
    const at = ref.reminderSentAt as Date;
    add({
      channel: 'email',
      template: 'referral-reminder',
      recipient: s.email ?? 'hello@example.org',
      subject: `Reminder: a referral for ${s.name} is waiting for an answer`,
      body: 'A referral sent to you 7 days ago has not been answered yet.',
      payload: { referralId: ref.id },
      status: 'sent',
      attempts: 1,
      nextAttemptAt: at,
      sentAt: at,
      createdAt: at,
      updatedAt: at,
    });
  }
  const w = staff.demo.linkWorkers[0];
  add({
    channel: 'email',
    template: 'referral-expired',
    recipient: w.email,
    subject: 'A referral has expired',
    body: 'A referral you sent had no answer within 14 days and has expired. You can send it again.',
    payload: {},
    status: 'sent',
    attempts: 1,
    nextAttemptAt: clock.at(-2 + 0.4),
    sentAt: clock.at(-2 + 0.4),
    createdAt: clock.at(-2 + 0.4),
    updatedAt: clock.at(-2 + 0.4),
  });
  const stale = dir.services.find((s) => s.assuredAt && (s.assuredAt as Date) < clock.at(-190) && s.email);
  if (stale) {
    add({
      channel: 'email',
      template: 'listing-still-accurate',
      recipient: stale.email!,
      subject: `Is ${stale.name} still accurate?`,
      body: 'Please check your listing and confirm it is still accurate.',
      payload: { serviceId: stale.id },
      status: 'queued',
      attempts: 0,
      nextAttemptAt: clock.at(clock.nowT + 0.05),
      createdAt: clock.at(clock.nowT - 0.01),
      updatedAt: clock.at(clock.nowT - 0.01),
    });
  }
  add({
    channel: 'email',
    template: 'referral-received',
    recipient: 'old-address@example.org',
    subject: 'New referral',
    body: 'You have a new referral.',
    payload: {},
    status: 'failed',
    attempts: 5,
    lastError: 'Mailbox unavailable (550)',
    nextAttemptAt: clock.at(-3),
    createdAt: clock.at(-4),
    updatedAt: clock.at(-3),
  });
  add({
    channel: 'sms',
    template: 'self-referral-received',
    recipient: '07700 900123',
    body: 'Thank you. Eastbrook Community Connect has your referral and will be in touch within 10 working days.',
    payload: {},
    status: 'sent',
    attempts: 1,
    nextAttemptAt: clock.at(-1 + 0.5),
    sentAt: clock.at(-1 + 0.5),
    createdAt: clock.at(-1 + 0.5),
    updatedAt: clock.at(-1 + 0.5),
  });
}
