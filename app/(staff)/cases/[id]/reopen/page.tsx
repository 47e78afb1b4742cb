import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame, caseHref } from '@/components/cases/CaseFrame';
import { ReopenForm } from '@/components/cases/ReopenForm';
import { InsetText } from '@/components/ui';
import { requireUser } from '@/lib/auth/session';
import { outcomeLabels } from '@/lib/cases/labels';
import { loadReopenPage } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { reopenAction } from '../actions';

export const metadata: Metadata = { title: 'Reopen a case', robots: { index: false, follow: false } };

export default async function ReopenPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const opened = await loadReopenPage(db(), user, id);
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary, closing, workers } = opened;
  return (
    <CaseFrame kase={summary} personName={summary.person.name} title="Reopen this case">
      {summary.status !== 'closed' ? (
        <InsetText>This case is open.</InsetText>
      ) : summary.person.anonymisedAt ? (
        <InsetText>
          This person’s record has been anonymised, so the case cannot be reopened. Start a new referral instead.
        </InsetText>
      ) : workers.length === 0 && user.role === 'coordinator' ? (
        <InsetText>There is no active link worker in the team to take the case.</InsetText>
      ) : (
        <>
          <p>
            It closed on {formatDate(closing.closedAt)}
            {closing.outcome ? ` (${outcomeLabels[closing.outcome].toLowerCase()})` : ''}. Reopening keeps the person’s history,
            conversations and wellbeing scores with the case, and the timeline shows when it closed and reopened.
          </p>
          {user.role === 'link_worker' ? <p>It will be on your caseload.</p> : null}
          <ReopenForm
            action={reopenAction.bind(null, summary.id)}
            version={summary.version}
            workers={workers}
            previousWorkerId={closing.assignedWorker?.id ?? null}
            cancelHref={caseHref(summary.id)}
          />
        </>
      )}
    </CaseFrame>
  );
}
