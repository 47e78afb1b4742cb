import { describe, expect, it } from 'vitest';
import { buildTimeline, type TimelineFacts } from '@/lib/cases/timeline';

const names = (id: string | null | undefined) => (id === 'u1' ? 'Priya Shah' : id === 'u2' ? 'Jan Whitfield' : null);
const t = (iso: string) => new Date(iso);

const facts: TimelineFacts = {
  receivedAt: t('2026-11-01T09:00:00Z'),
  sourceLabel: 'GP practice',
  triagedAt: t('2026-11-02T09:00:00Z'),
  triagedById: null,
  rag: 'amber',
  assignedAt: t('2026-11-02T09:05:00Z'),
  assignedWorkerId: 'u1',
  assignedById: 'u2',
  closedAt: t('2026-11-20T09:00:00Z'),
  closedById: 'u1',
  outcome: 'settled_community_support',
  conversations: [
    {
      id: 'c1',
      occurredAt: t('2026-11-05T10:00:00Z'),
      type: 'listen_connect',
      workerId: 'u1',
      isClosing: false,
      supersedesId: null,
      superseded: true,
    },
    {
      id: 'c2',
      occurredAt: t('2026-11-05T10:00:00Z'),
      type: 'listen_connect',
      workerId: 'u1',
      isClosing: false,
      supersedesId: 'c1',
      superseded: false,
    },
  ],
  referrals: [
    {
      id: 'r1',
      serviceName: 'Lunch club',
      events: [
        {
          id: 'e1',
          createdAt: t('2026-11-06T10:00:00Z'),
          fromStatus: null,
          toStatus: 'draft',
          actorId: 'u1',
          actorKind: 'worker',
          onBehalf: false,
          reason: null,
        },
        {
          id: 'e2',
          createdAt: t('2026-11-06T10:00:01Z'),
          fromStatus: 'draft',
          toStatus: 'sent',
          actorId: 'u1',
          actorKind: 'worker',
          onBehalf: false,
          reason: null,
        },
        {
          id: 'e3',
          createdAt: t('2026-11-07T10:00:00Z'),
          fromStatus: 'sent',
          toStatus: 'declined',
          actorId: null,
          actorKind: 'answer_link',
          onBehalf: false,
          reason: 'full',
        },
        {
          id: 'e4',
          createdAt: t('2026-11-08T10:00:00Z'),
          fromStatus: null,
          toStatus: 'accepted',
          actorId: 'u1',
          actorKind: 'worker',
          onBehalf: true,
          reason: null,
        },
      ],
    },
  ],
  unmetNeeds: [{ id: 'n1', recordedAt: t('2026-11-07T11:00:00Z'), themeName: 'Food', reason: 'full', recordedById: 'u1' }],
  safeguarding: [],
  consents: [
    {
      id: 'k1',
      scope: 'share_with_provider',
      givenAt: t('2026-11-05T10:30:00Z'),
      recordedById: 'u1',
      withdrawnAt: t('2026-11-19T10:00:00Z'),
      withdrawnById: 'u1',
    },
  ],
  events: [],
  contactAttempts: [],
};

describe('case timeline', () => {
  const timeline = buildTimeline(facts, names);

  it('is newest first, from referral received to case closed', () => {
    expect(timeline[0].title).toBe('Case closed');
    expect(timeline.at(-1)!.title).toBe('Referral received');
    const times = timeline.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('shows every referral status change, who made it, and a decline reason', () => {
    const declined = timeline.find((e) => e.id === 'referral-event-e3')!;
    expect(declined.title).toBe('Referral declined: Lunch club');
    expect(declined.detail).toBe('Declined: we are full');
    expect(declined.by).toMatch(/link in their email/);
    expect(timeline.find((e) => e.id === 'referral-event-e4')!.by).toBe('Priya Shah, recording what the provider said');
  });

  it('says who assigned the case, and to whom', () => {
    expect(timeline.find((e) => e.kind === 'assigned')).toMatchObject({ title: 'Assigned to Priya Shah', by: 'Jan Whitfield' });
  });

  it('marks a superseded conversation and its correction', () => {
    expect(timeline.find((e) => e.id === 'conversation-c1')!.title).toMatch(/superseded/);
    expect(timeline.find((e) => e.id === 'conversation-c2')!.title).toBe('Conversation corrected');
  });

  it('shows consent given and withdrawn, and unmet need', () => {
    expect(timeline.filter((e) => e.kind === 'consent').map((e) => e.title)).toEqual([
      'Agreement withdrawn',
      'Agreement recorded',
    ]);
    expect(timeline.find((e) => e.kind === 'unmet_need')!.title).toBe('Unmet need recorded: Food');
  });
});

describe('case timeline: moves, tries and reopening', () => {
  // Priya (u1) had the case; it moved to Jan (u2); it closed and was reopened with Priya.
  const timeline = buildTimeline(
    {
      ...facts,
      assignedWorkerId: 'u1',
      closedAt: null,
      closedById: null,
      outcome: null,
      contactAttempts: [{ id: 'a1', createdAt: t('2026-11-03T09:00:00Z'), userId: 'u1', outcome: 'no_answer' }],
      events: [
        {
          id: 'v1',
          kind: 'reassigned',
          createdAt: t('2026-11-10T09:00:00Z'),
          actorId: null,
          fromWorkerId: 'u1',
          toWorkerId: 'u2',
          reason: 'Priya is off sick',
          detail: {},
        },
        {
          id: 'v2',
          kind: 'reopened',
          createdAt: t('2026-11-25T09:00:00Z'),
          actorId: 'u1',
          fromWorkerId: 'u2',
          toWorkerId: 'u1',
          reason: 'She called back',
          detail: { closedAt: '2026-11-20T09:00:00.000Z', closedById: 'u2', outcome: 'could_not_contact', outcomeNote: null },
        },
      ],
    },
    names,
  );

  it('names the first worker on the assignment, and each move with its reason', () => {
    expect(timeline.find((e) => e.kind === 'assigned')!.title).toBe('Assigned to Priya Shah');
    const moved = timeline.find((e) => e.kind === 'reassigned')!;
    expect(moved.title).toBe('Moved from Priya Shah to Jan Whitfield');
    expect(moved.detail).toBe('Priya is off sick');
  });

  it('keeps the earlier closing and shows the reopening after it, newest first', () => {
    expect(timeline[0]).toMatchObject({ kind: 'reopened', title: 'Case reopened, with Priya Shah', detail: 'She called back' });
    expect(timeline[1]).toMatchObject({ kind: 'closed', detail: 'Could not contact', by: 'Jan Whitfield' });
  });

  it('shows each try to reach the person', () => {
    expect(timeline.find((e) => e.kind === 'contact_attempt')).toMatchObject({
      title: 'Tried to contact them',
      detail: 'No answer',
      by: 'Priya Shah',
    });
  });
});
