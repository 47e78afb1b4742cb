import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame, caseHref } from '@/components/cases/CaseFrame';
import { CloseCaseForm } from '@/components/cases/CloseCaseForm';
import { InsetText, WarningText } from '@/components/ui';
import { requireUser } from '@/lib/auth/session';
import { loadCloseCasePage } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { londonDateKey } from '@/lib/format/dates';
import { closeCaseAction } from '../actions';

export const metadata: Metadata = { title: 'Close a case' };

export default async function CloseCasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const opened = await loadCloseCasePage(db(), user, id);
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary, openReferrals, told } = opened;
  const tellWho = [
    told?.referrer ? 'the professional who referred them' : null,
    told?.gpPractice ? 'their GP practice' : null,
  ].filter(Boolean);
  return (
    <CaseFrame kase={summary} personName={summary.person.name} title="Close this case">
      {summary.status === 'closed' ? (
        <InsetText>This case is already closed.</InsetText>
      ) : (
        <>
          {openReferrals > 0 ? (
            <WarningText>
              {openReferrals === 1 ? 'One referral is' : `${openReferrals} referrals are`} still open. Closing the case does not
              change them: withdraw any the person no longer needs.
            </WarningText>
          ) : null}
          {tellWho.length ? (
            <InsetText>
              When you close the case, we email {tellWho.join(' and ')} how it went: the dates and the outcome.
              {told?.gpPractice
                ? ' The practice also gets the services they were connected to, and their name and date of birth to file it.'
                : ''}
            </InsetText>
          ) : null}
          {told?.practiceWithoutEmail ? (
            <p>
              The person agreed that their GP is told the outcome, but their practice has no email address with us. You can
              download the outcome from the case once it is closed.
            </p>
          ) : null}
          <CloseCaseForm
            action={closeCaseAction.bind(null, summary.id)}
            version={summary.version}
            today={londonDateKey(new Date())}
            cancelHref={caseHref(summary.id)}
          />
        </>
      )}
    </CaseFrame>
  );
}
