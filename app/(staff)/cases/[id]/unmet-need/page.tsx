import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame, caseHref } from '@/components/cases/CaseFrame';
import { UnmetNeedForm } from '@/components/cases/UnmetNeedForm';
import { InsetText } from '@/components/ui';
import { requireUser } from '@/lib/auth/session';
import { isUuid, cleanQuery } from '@/lib/forms';
import { loadUnmetNeedPage } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { declineReasonLabel, isDeclineReason } from '@/lib/referrals/lifecycle';
import { reasonForDecline } from '@/lib/unmet-need/record';
import { recordUnmetNeedAction } from '../actions';

export const metadata: Metadata = { title: 'Record unmet need' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function UnmetNeedPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const query = cleanQuery(await searchParams);
  const referralId = isUuid(one(query.referralId)) ? one(query.referralId)! : undefined;
  const opened = await loadUnmetNeedPage(db(), user, id, referralId);
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary, themes } = opened;

  const defaults: { termId?: string; reason?: string; note?: string } = {};
  let declined: { serviceName: string; reason: string | null } | null = null;
  const r = opened.declined;
  if (r) {
    const themeIds = new Set(themes.map((t) => t.id));
    const serviceThemes = r.service.taxonomyTerms.map((t) => t.term.parentId ?? t.term.id).filter((t) => themeIds.has(t));
    const caseNeeds = r.case.needs.map((n) => n.termId);
    defaults.termId = serviceThemes.find((t) => caseNeeds.includes(t)) ?? serviceThemes[0];
    defaults.reason = reasonForDecline(r.declineReason);
    declined = {
      serviceName: r.service.name,
      reason: isDeclineReason(r.declineReason) ? declineReasonLabel[r.declineReason] : null,
    };
  }
  const termCode = one(query.need);
  if (!defaults.termId && termCode) defaults.termId = themes.find((t) => t.code === termCode)?.id;
  const searched = one(query.q)?.slice(0, 200);
  if (searched) {
    defaults.reason = 'no_service';
    defaults.note = `Searched the directory for “${searched}” and found nothing suitable.`;
  }

  return (
    <CaseFrame kase={summary} personName={summary.person.name} title="Record unmet need">
      <p>
        Record a need that no service could meet. It counts, without the person’s name, in the reports commissioners use to decide
        what to fund.
      </p>
      {declined ? (
        <InsetText>
          {declined.serviceName} declined the referral{declined.reason ? `: ${declined.reason.toLowerCase()}` : ''}.
        </InsetText>
      ) : null}
      {summary.person.areaId === null ? (
        <p>The person’s area is not known (no postcode recorded), so this will count for the borough as a whole.</p>
      ) : (
        <p>The area is taken from the person’s postcode.</p>
      )}
      <UnmetNeedForm
        action={recordUnmetNeedAction.bind(null, summary.id)}
        themes={themes}
        defaults={defaults}
        referralId={referralId}
        cancelHref={caseHref(summary.id)}
      />
    </CaseFrame>
  );
}
