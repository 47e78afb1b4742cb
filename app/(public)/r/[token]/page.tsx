import { PhoneLink } from '@/components/ui/ContactLink';
import type { Metadata } from 'next';
import { AnswerByLinkForm } from '@/components/referrals/AnswerByLinkForm';
import { ReferralContact, SharedValue } from '@/components/referrals/ReferralContact';
import { InsetText } from '@/components/ui/InsetText';
import { Link } from '@/components/ui/Link';
import { SummaryList } from '@/components/ui/SummaryList';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { loadAnswerPage, type AnswerView } from '@/lib/referrals/answer-links';
import { statusLabel } from '@/lib/referrals/lifecycle';
import { answerReferral } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Answer a referral', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function AnswerReferralPage({ params }: Props) {
  const { token } = await params;
  const page = await loadAnswerPage(db(), token, new Date());

  if (!page.ok) return <LinkUnusable />;
  const { view } = page;
  if (view.choices.length === 0) return <NoLongerWaiting view={view} />;

  return (
    <div className="max-w-2xl">
      <AnswerByLinkForm action={answerReferral} token={token} kind={view.kind} canWaitlist={view.choices.includes('waitlisted')}>
        <span className="caption-l">{view.serviceName}</span>
        <h1 className="heading-l">
          {view.kind === 'accept' ? 'Accept this referral?' : 'Tell us why you cannot take this referral'}
        </h1>
        <p>
          {view.workerName} from {view.teamName} would like to refer someone to {view.serviceName}.
          {view.sentAt ? ` They sent the referral on ${formatDate(view.sentAt)}.` : null}
        </p>

        <ReferralDetails view={view} />
      </AnswerByLinkForm>
      {view.kind === 'accept' ? (
        <p>If you cannot take this person, use the &ldquo;Can&rsquo;t take this&rdquo; link in the email instead.</p>
      ) : (
        <p>If you can take this person after all, use the &ldquo;Accept&rdquo; link in the email instead.</p>
      )}
    </div>
  );
}

function ReferralDetails({ view }: { view: AnswerView }) {
  return (
    <>
      <h2 className="heading-m">Details they agreed to share</h2>
      {view.shared.length ? (
        <SummaryList
          rows={view.shared.map((row) => ({
            id: row.key,
            key: row.label,
            value: <SharedValue row={row} />,
          }))}
        />
      ) : (
        <p>The person did not agree to share any details. The link worker will pass them on when you accept.</p>
      )}
      {view.message ? (
        <>
          <h2 className="heading-m">Message from the link worker</h2>
          <InsetText>
            <p className="whitespace-pre-line">{view.message}</p>
          </InsetText>
        </>
      ) : null}
      <ReferralContact contact={view.contact} reference={view.reference} />
      <p>
        Please answer by {formatDate(view.answerBy)}. A link worker helps people find local groups and activities; they will see
        your answer straight away.
      </p>
    </>
  );
}

function NoLongerWaiting({ view }: { view: AnswerView }) {
  return (
    <div className="max-w-2xl">
      <span className="caption-l">{view.serviceName}</span>
      <h1 className="heading-l">This referral is no longer waiting for an answer</h1>
      <p>Its status is now: {statusLabel[view.status].toLowerCase()}. Nothing has been changed.</p>
      <ContactUs />
    </div>
  );
}

function LinkUnusable() {
  return (
    <div className="max-w-2xl">
      <h1 className="heading-l">This link has expired or has already been used</h1>
      <p>Nothing has been changed.</p>
      <p>
        Each link in a referral email works once, until the date in the email. If you have already answered, there is nothing more
        to do.
      </p>
      <ContactUs />
    </div>
  );
}

function ContactUs() {
  return (
    <p>
      To see your referrals, <Link href="/sign-in">sign in</Link>. If you need help, contact{' '}
      <a href={`mailto:${config.borough.contactEmail}`}>{config.borough.contactEmail}</a> or call{' '}
      <PhoneLink number={config.borough.contactPhone} />.
    </p>
  );
}
