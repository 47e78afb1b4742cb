import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame, caseHref } from '@/components/cases/CaseFrame';
import { WithdrawConsentForm } from '@/components/cases/WithdrawConsentForm';
import { InsetText, WarningText } from '@/components/ui';
import { requireUser } from '@/lib/auth/session';
import { consentScopeLabels, isShareableField, shareableFieldLabels } from '@/lib/cases/labels';
import { loadWithdrawConsentPage } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { withdrawConsentAction } from '../../../actions';

export const metadata: Metadata = { title: 'Withdraw an agreement', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string; consentId: string }> };

export default async function WithdrawConsentPage({ params }: Props) {
  const user = await requireUser();
  const { id, consentId } = await params;
  const opened = await loadWithdrawConsentPage(db(), user, id, consentId);
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary, consent, servicesLosingDetails } = opened;
  const fields = consent.fields.map((f) => (isShareableField(f) ? shareableFieldLabels[f] : f)).join(', ');
  return (
    <CaseFrame kase={summary} personName={summary.person.name} title="Withdraw an agreement">
      {consent.withdrawnAt ? (
        <InsetText>This agreement was withdrawn on {formatDate(consent.withdrawnAt)}.</InsetText>
      ) : (
        <>
          <p>
            The agreement: {consentScopeLabels[consent.scope].toLowerCase()}
            {consent.scope === 'share_with_provider' && fields ? ` (${fields})` : ''}, given on {formatDate(consent.givenAt)}.
          </p>
          {consent.scope === 'share_with_provider' ? (
            servicesLosingDetails.length ? (
              <WarningText>
                From now on these details will not be shared, and {servicesLosingDetails.join(', ')} will stop seeing what they
                were sent. This cannot be undone: the person would need to agree again.
              </WarningText>
            ) : (
              <WarningText>From now on these details will not be shared with providers. This cannot be undone.</WarningText>
            )
          ) : consent.scope === 'contact' ? (
            <WarningText>From now on the person should not be contacted without checking with them first.</WarningText>
          ) : (
            <WarningText>From now on their GP practice will not be told how things went.</WarningText>
          )}
          <WithdrawConsentForm
            action={withdrawConsentAction.bind(null, summary.id)}
            consentId={consent.id}
            cancelHref={`${caseHref(summary.id)}#consent`}
          />
        </>
      )}
    </CaseFrame>
  );
}
