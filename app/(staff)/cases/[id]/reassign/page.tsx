import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame, caseHref } from '@/components/cases/CaseFrame';
import { ReassignForm } from '@/components/cases/ReassignForm';
import { InsetText } from '@/components/ui';
import { requireUser } from '@/lib/auth/session';
import { loadReassignPage } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { reassignAction } from '../actions';

export const metadata: Metadata = { title: 'Move a case to another link worker', robots: { index: false, follow: false } };

export default async function ReassignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const opened = await loadReassignPage(db(), user, id);
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary, current, workers } = opened;
  const others = workers.filter((w) => w.id !== current?.id);
  return (
    <CaseFrame kase={summary} personName={summary.person.name} title="Move to another link worker">
      {summary.status === 'closed' ? (
        <InsetText>This case is closed. Reopen it first if the person needs support again.</InsetText>
      ) : !current ? (
        <InsetText>Nobody has this case yet: assign it from the triage page.</InsetText>
      ) : others.length === 0 ? (
        <InsetText>There is no other active link worker in the team to move it to.</InsetText>
      ) : (
        <>
          <p>
            {current.name} has this case now. Its follow-ups and open referrals move with it, and providers’ answers will go to
            the new link worker. We will email both of them the case reference.
          </p>
          <ReassignForm
            action={reassignAction.bind(null, summary.id)}
            version={summary.version}
            workers={workers}
            currentWorkerId={current.id}
            cancelHref={caseHref(summary.id)}
          />
        </>
      )}
    </CaseFrame>
  );
}
