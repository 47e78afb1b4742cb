// The case page's one-statement loader (lib/cases/view.ts) against the Prisma query it replaced,
// and its bounded history: the newest conversations and referral changes, then "show older".
import { beforeEach, describe, expect, it } from 'vitest';
import { recordConversation } from '@/lib/cases/conversations';
import { referOut } from '@/lib/cases/refer-out';
import { raiseConcern } from '@/lib/cases/safeguarding';
import { HISTORY_WINDOW, openCase, type CasePage } from '@/lib/cases/view';
import { answerAsProvider } from '@/lib/providers/inbox';
import { recordUnmetNeed } from '@/lib/unmet-need/record';
import { useFreshDatabase } from '../helpers/db';
import { caseworkWorld, conversation, type CaseworkWorld } from './casework-fixture';

const NOW = new Date('2026-11-18T12:00:00Z');

/** What the page loaded before: one Prisma query with every relation included. */
function reference(db: ReturnType<typeof useFreshDatabase>['db'], caseId: string) {
  return db.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      team: { select: { id: true, name: true } },
      assignedWorker: { select: { id: true, name: true } },
      needs: { select: { term: { select: { id: true, name: true } } }, orderBy: { termId: 'asc' } },
      person: {
        include: {
          area: { select: { name: true, ward: { select: { name: true } } } },
          gpPractice: { select: { name: true } },
          consents: { orderBy: [{ givenAt: 'desc' }, { id: 'asc' }] },
        },
      },
      conversations: {
        orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
        include: {
          needs: { select: { term: { select: { id: true, name: true } } }, orderBy: { termId: 'asc' } },
          supersededBy: { select: { id: true } },
        },
      },
      referrals: {
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        include: {
          service: { select: { id: true, name: true, organisationId: true, organisation: { select: { name: true } } } },
          events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        },
      },
      unmetNeeds: { orderBy: [{ recordedAt: 'desc' }, { id: 'asc' }], include: { term: { select: { name: true } } } },
      safeguarding: { orderBy: [{ raisedAt: 'desc' }, { id: 'asc' }] },
      signposts: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
}

describe('the case page', () => {
  const t = useFreshDatabase();
  let w: CaseworkWorld;

  async function open(user = w.worker, history: 'recent' | 'all' = 'recent'): Promise<CasePage> {
    const opened = await t.db.$transaction((tx) => openCase(tx, user, w.kase.id, NOW, { history }));
    if (!opened.ok) throw new Error(opened.reason);
    return opened.page;
  }

  beforeEach(async () => {
    w = await caseworkWorld(t.db);
  });

  it('loads exactly what the Prisma query loaded, with names, in one statement', async () => {
    await w.agreeToShare(['name', 'phone', 'whatMatters'], w.org1.id);
    const first = await t.db.$transaction((tx) =>
      recordConversation(
        tx,
        w.worker,
        w.kase.id,
        conversation({ occurredOn: '2026-11-05', lifeSatisfaction: 3, anxiety: 7, needs: [w.loneliness.id, w.money.id] }),
        NOW,
      ),
    );
    if (!first.ok) throw new Error(first.reason);
    await t.db.$transaction((tx) =>
      recordConversation(
        tx,
        w.worker2,
        w.kase.id,
        conversation({
          occurredOn: '2026-11-05',
          supersedesId: first.conversationId,
          correctionNote: 'Wrong scores',
          lifeSatisfaction: 4,
          needs: [],
        }),
        NOW,
      ),
    );
    await t.db.$transaction((tx) =>
      recordConversation(
        tx,
        w.worker,
        w.kase.id,
        conversation({ occurredOn: '2026-11-12', type: 'good_life', nextFollowUpOn: undefined }),
        NOW,
      ),
    );
    const sent = await t.db.$transaction((tx) =>
      referOut(tx, w.worker, w.kase.id, { serviceId: w.service1.id, fields: ['name', 'phone'], message: 'Keen to start' }, NOW),
    );
    if (!sent.ok) throw new Error(sent.reason);
    const v = (await t.db.referral.findUniqueOrThrow({ where: { id: sent.referralId } })).version;
    await t.db.$transaction((tx) =>
      answerAsProvider(
        tx,
        w.provider1,
        sent.referralId,
        { to: 'declined', reason: 'full', note: 'Try in spring', expectedVersion: v },
        NOW,
      ),
    );
    await t.db.$transaction((tx) =>
      recordUnmetNeed(tx, w.worker, w.kase.id, { termId: w.loneliness.id, reason: 'full', note: 'Tuesdays only' }, NOW),
    );
    await t.db.$transaction((tx) => raiseConcern(tx, w.worker, w.kase.id, { referredTo: 'adults', summary: 'Bruising' }, NOW));
    await t.db.signpost.create({
      data: { caseId: w.kase.id, serviceId: w.service2.id, createdById: w.coordinator.id, createdAt: NOW },
    });

    const page = await open(w.coordinator);
    const ref = await reference(t.db, w.kase.id);
    const { person: refPerson, conversations, referrals, unmetNeeds, safeguarding, signposts, ...refCase } = ref;
    const { consents, ...refPersonOnly } = refPerson;

    expect(page.case).toEqual(refCase);
    const { age, ...personOnly } = page.person;
    expect(personOnly).toEqual(refPersonOnly);
    // No date of birth, only an age band: no age to show.
    expect(age).toBeNull();
    expect(page.consents.map(({ active, organisationName, recordedByName, withdrawnByName, ...x }) => x)).toEqual(consents);
    expect(page.consents[0].organisationName).toBe(w.org1.name);
    expect(page.conversations.map(({ workerName, superseded, ...x }) => x)).toEqual(conversations);
    expect(page.conversations.map((x) => `${x.workerName} ${x.superseded}`).sort()).toEqual(
      [`${w.worker.name} false`, `${w.worker2.name} false`, `${w.worker.name} true`].sort(),
    );
    expect(page.referrals).toHaveLength(1);
    expect(page.referrals[0].events.map(({ by, ...e }) => e)).toEqual(referrals[0].events);
    expect(page.referrals[0].events.map((e) => e.by).sort()).toEqual([w.provider1.name, w.worker.name, w.worker.name].sort());
    expect(page.referrals[0]).toMatchObject({
      id: referrals[0].id,
      status: 'declined',
      serviceName: w.service1.name,
      organisationName: w.org1.name,
      message: 'Keen to start',
    });
    expect(page.unmetNeeds.map(({ recordedByName, ...u }) => u)).toEqual(unmetNeeds);
    expect(page.unmetNeeds[0].recordedByName).toBe(w.worker.name);
    expect(page.safeguarding.map(({ raisedByName, ...s }) => s)).toEqual(safeguarding);
    expect(page.signposts).toEqual(signposts.map((s) => ({ id: s.id, serviceId: s.serviceId, serviceName: w.service2.name })));
    expect(page.history).toEqual({ complete: true, since: null, conversations: 3, referrals: 1 });
    expect(page.audit?.find((a) => a.action === 'case.viewed')).toMatchObject({
      actor: { id: w.coordinator.id, name: w.coordinator.name, role: 'coordinator' },
      actorRoleThen: 'coordinator',
    });
  });

  it('a long history shows its newest part, and all of it on asking', async () => {
    // Two years of fortnightly conversations, and a referral with its status changes before most of them.
    const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000);
    await t.db.conversation.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        caseId: w.kase.id,
        workerId: w.worker.id,
        occurredAt: at(14 * (60 - i)),
        createdAt: at(14 * (60 - i)),
        type: 'listen_connect' as const,
      })),
    });
    const old = await t.db.referral.create({
      data: { caseId: w.kase.id, serviceId: w.service1.id, createdById: w.worker.id, status: 'accepted', createdAt: at(800) },
    });
    await t.db.referralEvent.createMany({
      data: [
        { referralId: old.id, toStatus: 'draft', actorId: w.worker.id, actorKind: 'worker', createdAt: at(800) },
        {
          referralId: old.id,
          fromStatus: 'draft',
          toStatus: 'sent',
          actorId: w.worker.id,
          actorKind: 'worker',
          createdAt: at(799),
        },
        {
          referralId: old.id,
          fromStatus: 'sent',
          toStatus: 'accepted',
          actorId: w.provider1.id,
          actorKind: 'provider',
          createdAt: at(795),
        },
      ],
    });

    const recent = await open();
    expect(recent.history.complete).toBe(false);
    expect(recent.history.conversations).toBe(60);
    expect(recent.history.referrals).toBe(1);
    expect(recent.conversations).toHaveLength(HISTORY_WINDOW);
    expect(recent.referrals).toHaveLength(0);
    const since = recent.history.since!;
    expect(recent.conversations.every((c) => c.occurredAt >= since)).toBe(true);
    expect(recent.timeline.every((e) => e.at >= since)).toBe(true);
    expect(recent.timeline.filter((e) => e.kind === 'conversation')).toHaveLength(HISTORY_WINDOW);

    const all = await open(w.worker, 'all');
    expect(all.history).toEqual({ complete: true, since: null, conversations: 60, referrals: 1 });
    expect(all.conversations).toHaveLength(60);
    expect(all.referrals[0].events.map((e) => e.toStatus)).toEqual(['draft', 'sent', 'accepted']);
    expect(all.timeline.filter((e) => e.kind === 'conversation')).toHaveLength(60);
    expect(all.timeline.map((e) => e.kind)).toContain('received');
  });

  it('a referral still moving is shown with all its changes, however old it is', async () => {
    const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000);
    await t.db.conversation.createMany({
      data: Array.from({ length: HISTORY_WINDOW + 5 }, (_, i) => ({
        caseId: w.kase.id,
        workerId: w.worker.id,
        occurredAt: at(7 * (60 - i)),
        type: 'listen_connect' as const,
      })),
    });
    const ref = await t.db.referral.create({
      data: { caseId: w.kase.id, serviceId: w.service1.id, createdById: w.worker.id, status: 'attending', createdAt: at(500) },
    });
    await t.db.referralEvent.createMany({
      data: [
        { referralId: ref.id, toStatus: 'draft', actorId: w.worker.id, actorKind: 'worker', createdAt: at(500) },
        {
          referralId: ref.id,
          fromStatus: 'draft',
          toStatus: 'sent',
          actorId: w.worker.id,
          actorKind: 'worker',
          createdAt: at(499),
        },
        {
          referralId: ref.id,
          fromStatus: 'sent',
          toStatus: 'accepted',
          actorId: w.provider1.id,
          actorKind: 'provider',
          createdAt: at(490),
        },
        {
          referralId: ref.id,
          fromStatus: 'accepted',
          toStatus: 'attending',
          actorId: w.provider1.id,
          actorKind: 'provider',
          createdAt: at(1),
        },
      ],
    });
    const page = await open();
    expect(page.history.complete).toBe(false);
    expect(page.referrals.map((r) => r.events.map((e) => e.toStatus))).toEqual([['draft', 'sent', 'accepted', 'attending']]);
    expect(page.timeline.filter((e) => e.kind === 'referral').map((e) => e.title)).toEqual([
      `Started attending: ${w.service1.name}`,
    ]);
  });
});
