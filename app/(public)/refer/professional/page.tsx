import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { ReferralForm } from '@/components/intake/ReferralForm';
import { EmergencyNotice } from '@/components/layout/EmergencyNotice';
import { Link } from '@/components/ui/Link';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { referralFormOptions } from '@/lib/intake/form-options';
import { submitProfessionalReferral } from '../actions';

export const metadata: Metadata = { title: 'Refer someone to a link worker' };
export const dynamic = 'force-dynamic';

export default async function ProfessionalReferralPage() {
  const options = await referralFormOptions(db());
  return (
    <div className="max-w-[40em]">
      <h1 className="heading-l">Refer someone to a link worker</h1>
      <p className="body-l">
        For GP practices, social care, hospital teams, community groups and anyone else working with a resident. There are no
        eligibility criteria and you do not need an account.
      </p>
      <p>
        A link worker talks with the person about what matters to them and connects them to local groups, activities and support.
        Only refer someone who knows about the referral and agrees to it.
      </p>
      <p>
        Residents can also <Link href="/refer">ask for help themselves</Link>. See the{' '}
        <Link href="/link-workers">link-worker teams, the areas and GP practices they cover</Link> and how to reach them.
      </p>
      <EmergencyNotice prominent />
      <p>
        Link workers are not a crisis service. If you think someone is at risk of abuse or neglect, contact the council’s
        safeguarding team as well, as your own policy says.
      </p>
      <ReferralForm
        kind="professional"
        action={submitProfessionalReferral}
        submissionKey={randomUUID()}
        needs={options.needs}
        gpPractices={options.gpPractices}
        privacyNoticeUrl={config.borough.privacyNoticeUrl}
      />
    </div>
  );
}
