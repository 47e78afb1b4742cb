import { PhoneLink } from '@/components/ui/ContactLink';
import type { Metadata } from 'next';
import { EmergencyNotice } from '@/components/layout/EmergencyNotice';
import { Link } from '@/components/ui/Link';
import { PanelConfirmation } from '@/components/ui/PanelConfirmation';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { referralConfirmation } from '@/lib/intake/confirmation';
import { CONTACT_METHOD_PHRASES } from '@/lib/intake/options';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Referral sent' };
export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function ReferralSentPage({ searchParams }: { searchParams: Search }) {
  const params = cleanQuery(await searchParams);
  const confirmation = await referralConfirmation(db(), one(params.reference), one(params.key));
  const { contactPhone, contactEmail, serviceName } = config.borough;

  if (!confirmation) {
    return (
      <div className="max-w-[40em]">
        <h1 className="heading-l">We cannot show this confirmation</h1>
        <p>The link may be incomplete. If you sent a referral, it has not been lost: a link worker will still get in touch.</p>
        <p>
          To check, call us on <PhoneLink number={contactPhone} /> or email <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
        </p>
        <p>
          <Link href="/refer">Ask for help from a link worker</Link>
        </p>
      </div>
    );
  }

  const c = confirmation;
  const how = CONTACT_METHOD_PHRASES[c.preferredContact];
  const by = formatDate(c.contactBy, { weekday: true });
  return (
    <div className="max-w-[40em]">
      <PanelConfirmation title={c.sentByProfessional ? 'Referral sent' : 'Request sent'} reference={c.reference} />
      <p>Keep this reference. Give it if you contact us about this {c.sentByProfessional ? 'referral' : 'request'}.</p>
      {c.acknowledgedBy ? (
        <p>
          We have also sent it{' '}
          {c.acknowledgedBy === 'email' ? (c.sentByProfessional ? 'to your email address' : 'by email') : 'by text message'}, with
          what happens next.
        </p>
      ) : null}

      <h2 className="heading-m">What happens next</h2>
      <ol className="list-number">
        <li>A coordinator reads the {c.sentByProfessional ? 'referral' : 'request'} and passes it to a link worker.</li>
        <li>
          A link worker will get in touch {how} within {c.contactWithinDays} working days, by <strong>{by}</strong>. If things are
          urgent, it will be sooner.
        </li>
        <li>They will talk about what matters and agree what might help. There is no charge.</li>
      </ol>
      {c.postcodeUnknown ? (
        <p>
          We did not find the postcode in our list for {config.borough.name}. That is fine: the link worker will check where the
          person lives, and if another service covers that area, they will help them reach it.
        </p>
      ) : null}
      {c.sentByProfessional ? (
        <p>We will contact you only if we need to ask about the referral.</p>
      ) : (
        <p>
          If you need to change something or have not heard from us by then, call {serviceName} on{' '}
          <PhoneLink number={contactPhone} />.
        </p>
      )}

      <EmergencyNotice prominent />

      <h2 className="heading-m">While you wait</h2>
      <p>
        <Link href="/services">Search for local groups and activities</Link>
      </p>
    </div>
  );
}
