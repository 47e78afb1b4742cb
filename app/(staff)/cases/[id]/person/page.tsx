import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { PersonDetailsForm } from '@/components/cases/PersonDetailsForm';
import { BackLink, InsetText } from '@/components/ui';
import { route } from '@/components/ui/Link';
import { requireUser } from '@/lib/auth/session';
import { openCaseSummary } from '@/lib/cases/view';
import { db } from '@/lib/db/client';
import { savePersonDetails } from '../actions';

export const metadata: Metadata = { title: 'Change contact details' };

export default async function PersonDetailsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const database = db();
  const opened = await database.$transaction((tx) => openCaseSummary(tx, user, id, 'change_person'));
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary } = opened;
  const p = await database.person.findUniqueOrThrow({
    where: { id: summary.person.id },
    select: { version: true, name: true, phone: true, email: true, preferredContact: true, contactNotes: true, postcode: true, anonymisedAt: true },
  });
  const caseHref = route(`/cases/${summary.id}`);
  return (
    <>
      <BackLink href={caseHref}>Back to the case</BackLink>
      <div className="max-w-[40em]">
        <h1 className="heading-l">
          <span className="caption-l">Case {summary.reference}</span>
          Change contact details
        </h1>
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
            cancelHref={caseHref}
          />
        )}
      </div>
    </>
  );
}
