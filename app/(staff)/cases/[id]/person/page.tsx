import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame, caseHref } from '@/components/cases/CaseFrame';
import { PersonDetailsForm } from '@/components/cases/PersonDetailsForm';
import { InsetText } from '@/components/ui';
import { requireUser } from '@/lib/auth/session';
import { loadPersonDetailsPage } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { savePersonDetails } from '../actions';

export const metadata: Metadata = { title: 'Change contact details' };

export default async function PersonDetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const opened = await loadPersonDetailsPage(db(), user, id);
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary, person: p } = opened;
  return (
    <CaseFrame kase={summary} personName={summary.person.name} captionName={false} title="Change contact details">
      {p.anonymisedAt ? (
        <InsetText>This person’s record has been anonymised and cannot be changed.</InsetText>
      ) : (
        <PersonDetailsForm
          action={savePersonDetails.bind(null, summary.id)}
          person={{
            version: p.version,
            name: p.name,
            phone: p.phone ?? '',
            email: p.email ?? '',
            preferredContact: p.preferredContact,
            contactNotes: p.contactNotes ?? '',
            postcode: p.postcode ?? '',
          }}
          cancelHref={caseHref(summary.id)}
        />
      )}
    </CaseFrame>
  );
}
