import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame, caseHref } from '@/components/cases/CaseFrame';
import { SafeguardingForm } from '@/components/triage/SafeguardingForm';
import { WarningText } from '@/components/ui';
import { requireUser } from '@/lib/auth/session';
import { loadCaseSummary } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { raiseSafeguardingAction } from '../actions';

export const metadata: Metadata = { title: 'Raise a safeguarding concern', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

export default async function RaiseSafeguardingPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const opened = await loadCaseSummary(db(), user, id, 'raise_safeguarding');
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary } = opened;

  return (
    <CaseFrame kase={summary} personName={summary.person.name} title="Raise a safeguarding concern">
      <WarningText>If someone is in immediate danger, call 999.</WarningText>
      <p>
        A risk of harm is a safeguarding concern: raise it with the council’s safeguarding team now, as the local safeguarding
        policy says. For an adult, this is a safeguarding concern under section 42 of the Care Act 2014: tell the adults’
        safeguarding team. For a child, tell the children’s safeguarding team.
      </p>
      <p>Recording it here does not tell the safeguarding team: this records that you did, when and with whom.</p>
      <SafeguardingForm action={raiseSafeguardingAction.bind(null, summary.id)} caseId={summary.id} />
      <p>
        <a href={caseHref(summary.id)}>Cancel</a>
      </p>
    </CaseFrame>
  );
}
