import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CloseCaseForm } from '@/components/cases/CloseCaseForm';
import { BackLink, InsetText, WarningText } from '@/components/ui';
import { route } from '@/components/ui/Link';
import { requireUser } from '@/lib/auth/session';
import { openCaseSummary } from '@/lib/cases/view';
import { openStatuses } from '@/lib/cases/refer-out';
import { db } from '@/lib/db/client';
import { londonDateKey } from '@/lib/format/dates';
import { closeCaseAction } from '../actions';

export const metadata: Metadata = { title: 'Close a case' };

export default async function CloseCasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const database = db();
  const opened = await database.$transaction((tx) => openCaseSummary(tx, user, id, 'close_case'));
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary } = opened;
  const openReferrals = await database.referral.count({ where: { caseId: summary.id, status: { in: [...openStatuses] } } });
  const caseHref = route(`/cases/${summary.id}`);
  return (
    <>
      <BackLink href={caseHref}>Back to the case</BackLink>
      <div className="max-w-[40em]">
        <h1 className="heading-l">
          <span className="caption-l">
            {summary.person.name}, case {summary.reference}
          </span>
          Close this case
        </h1>
        {summary.status === 'closed' ? (
          <InsetText>This case is already closed.</InsetText>
        ) : (
          <>
            {openReferrals > 0 ? (
              <WarningText>
                {openReferrals === 1 ? 'One referral is' : `${openReferrals} referrals are`} still open. Closing the case does not change them:
                withdraw any the person no longer needs.
              </WarningText>
            ) : null}
            <CloseCaseForm action={closeCaseAction.bind(null, summary.id)} version={summary.version} today={londonDateKey(new Date())} cancelHref={caseHref} />
          </>
        )}
      </div>
    </>
  );
}
