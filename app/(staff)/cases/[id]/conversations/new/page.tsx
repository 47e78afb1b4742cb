import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame, caseHref } from '@/components/cases/CaseFrame';
import { ConversationForm, type ConversationDefaults } from '@/components/cases/ConversationForm';
import { InsetText } from '@/components/ui';
import { requireUser } from '@/lib/auth/session';
import { isUuid, cleanQuery } from '@/lib/forms';
import { loadConversationPage } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { formatDate, londonDateKey } from '@/lib/format/dates';
import { saveConversation } from '../../actions';

export const metadata: Metadata = { title: 'Record a conversation' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const score = (n: number | null) => (n === null ? '' : String(n));

export default async function NewConversationPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const query = cleanQuery(await searchParams);
  const corrects = typeof query.corrects === 'string' && isUuid(query.corrects) ? query.corrects : null;
  const opened = await loadConversationPage(db(), user, id, corrects);
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary, needs, corrected: c } = opened;

  let defaults: ConversationDefaults = { occurredOn: londonDateKey(new Date()) };
  let old: { occurredAt: Date; superseded: boolean } | null = null;
  if (c) {
    old = { occurredAt: c.occurredAt, superseded: c.supersededBy !== null };
    defaults = {
      occurredOn: londonDateKey(c.occurredAt),
      type: c.type,
      whatMatters: c.whatMatters,
      strengths: c.strengths,
      goals: c.goals,
      actions: c.actions,
      needs: c.needs.map((n) => n.termId),
      lifeSatisfaction: score(c.lifeSatisfaction),
      worthwhile: score(c.worthwhile),
      happiness: score(c.happiness),
      anxiety: score(c.anxiety),
      nextFollowUpOn: c.nextFollowUpOn ? c.nextFollowUpOn.toISOString().slice(0, 10) : '',
    };
  }

  return (
    <CaseFrame
      kase={summary}
      personName={summary.person.name}
      title={corrects ? 'Correct a conversation' : 'Record a “what matters” conversation'}
    >
      {summary.status === 'closed' ? (
        <InsetText>This case is closed. Conversations can no longer be added to it.</InsetText>
      ) : old?.superseded ? (
        <InsetText>This conversation has already been corrected. Correct the newest version instead.</InsetText>
      ) : (
        <>
          {corrects && old ? (
            <p>
              You are correcting the conversation of {formatDate(old.occurredAt)}. The original stays on the record, marked as
              corrected.
            </p>
          ) : summary.firstContactAt === null ? (
            <p>This will be the first contact with the person. Their case will become active.</p>
          ) : null}
          <ConversationForm
            action={saveConversation.bind(null, summary.id)}
            needs={needs}
            defaults={defaults}
            supersedesId={corrects ?? undefined}
            cancelHref={caseHref(summary.id)}
          />
        </>
      )}
    </CaseFrame>
  );
}
