import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { ReferralForm } from '@/components/intake/ReferralForm';
import { EmergencyNotice } from '@/components/layout/EmergencyNotice';
import { Link } from '@/components/ui/Link';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { referralFormOptions } from '@/lib/intake/form-options';
import { submitSelfReferral } from './actions';

export const metadata: Metadata = { title: 'Ask for help from a link worker' };
export const dynamic = 'force-dynamic';

export default async function SelfReferralPage() {
  const options = await referralFormOptions(db());
  const { serviceName } = config.borough;
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-l">Ask for help from a link worker</h1>
      <p className="body-l">
        A link worker (sometimes called a community connector) talks with you about what matters to you, and helps you find local
        groups, activities and support that suit you.
      </p>
      <p>
        {serviceName} is free. You do not need to be referred by a doctor, and there are no conditions to meet. You can ask for
        yourself, or for someone you care for if they agree.
      </p>
      <p>
        See the <Link href="/link-workers">link-worker teams and the areas they cover</Link>.
      </p>
      <p>
        If you work for a GP practice, social care, a hospital or a community group, use the{' '}
        <Link href="/refer/professional">referral form for professionals</Link>.
      </p>
      <EmergencyNotice prominent />
      <ReferralForm
        kind="self"
        action={submitSelfReferral}
        submissionKey={randomUUID()}
        needs={options.needs}
        gpPractices={options.gpPractices}
        privacyNoticeUrl={config.borough.privacyNoticeUrl}
      />
    </div>
  );
}
