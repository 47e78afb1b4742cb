import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame, caseHref } from '@/components/cases/CaseFrame';
import { ConsentForm } from '@/components/cases/ConsentForm';
import { requireUser } from '@/lib/auth/session';
import { loadConsentPage } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { recordConsentAction } from '../actions';

export const metadata: Metadata = { title: 'Record an agreement' };

export default async function ConsentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const opened = await loadConsentPage(db(), user, id);
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary, organisations } = opened;
  return (
    <CaseFrame kase={summary} personName={summary.person.name} title="Record what the person agreed to">
      <p>Record only what the person has agreed to, in their own words where you can. They can withdraw it at any time.</p>
      <ConsentForm
        action={recordConsentAction.bind(null, summary.id)}
        organisations={organisations}
        cancelHref={caseHref(summary.id)}
      />
    </CaseFrame>
  );
}
