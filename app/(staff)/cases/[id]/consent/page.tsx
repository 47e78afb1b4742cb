import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { ConsentForm } from '@/components/cases/ConsentForm';
import { BackLink } from '@/components/ui';
import { route } from '@/components/ui/Link';
import { requireUser } from '@/lib/auth/session';
import { openCaseSummary } from '@/lib/cases/view';
import { db } from '@/lib/db/client';
import { recordConsentAction } from '../actions';

export const metadata: Metadata = { title: 'Record an agreement' };

export default async function ConsentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const database = db();
  const opened = await database.$transaction((tx) => openCaseSummary(tx, user, id, 'record_consent'));
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary } = opened;
  const organisations = await database.organisation.findMany({
    where: { status: 'approved' },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true },
  });
  const caseHref = route(`/cases/${summary.id}`);
  return (
    <>
      <BackLink href={caseHref}>Back to the case</BackLink>
      <div className="max-w-[40em]">
        <h1 className="heading-l">
          <span className="caption-l">
            {summary.person.name}, case {summary.reference}
          </span>
          Record what the person agreed to
        </h1>
        <p>Record only what the person has agreed to, in their own words where you can. They can withdraw it at any time.</p>
        <ConsentForm action={recordConsentAction.bind(null, summary.id)} organisations={organisations} cancelHref={caseHref} />
      </div>
    </>
  );
}
