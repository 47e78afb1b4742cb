import { PhoneLink } from '@/components/ui/ContactLink';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/Link';
import { config } from '@/lib/config';
import { privacySettings } from '@/lib/ops/privacy';

export const metadata: Metadata = { title: 'Privacy notice' };

export default async function PrivacyPage() {
  const borough = config.borough;
  const privacy = privacySettings();
  const controller = privacy.controller || borough.name;
  const dpo = privacy.dpoContact || borough.contactEmail;

  return (
    <div className="max-w-3xl">
      <h1>Privacy notice</h1>
      <p className="body-l">
        This notice explains what {borough.serviceName} keeps about you, why, who sees it, and what you can ask us to do.
      </p>

      <h2 className="heading-m">Who is responsible for your information</h2>
      <p>
        {controller} is the data controller for {borough.serviceName}. If you have a question about how we use your information,
        contact us at <a href={`mailto:${dpo}`}>{dpo}</a>.
      </p>

      <h2 className="heading-m">Searching the directory</h2>
      <p>You do not need an account to search. We do not keep your name or your full postcode when you search.</p>
      <p>
        When a search finds nothing, we record the words you used, the filters you chose and the rough area (the postcode district
        or ward), but nothing that identifies you. This shows where help is missing, so it can be funded.
      </p>
      <p>Your shortlist is kept in the web address and in your own browser. It is not sent to us.</p>

      <h2 className="heading-m">Maps and postcode look-ups</h2>
      <p>
        To show a map, your browser downloads map pictures from a map provider. To find places near a postcode, we may ask a
        postcode service where that postcode is. These providers receive your device&apos;s IP address, as any website you visit
        does. They do not receive your name.
      </p>

      <h2 className="heading-m">If you are referred to a link worker</h2>
      <p>When you, someone who cares for you, or a professional asks for help from a link worker, we keep:</p>
      <ul className="list-bullet">
        <li>your name and how to contact you</li>
        <li>your date of birth or age group, and your postcode (so we know which area you live in)</li>
        <li>what matters to you, in your own words, and the support you agree with your link worker</li>
        <li>your answers to 4 short wellbeing questions, if you choose to answer them</li>
        <li>the groups and services you are referred to, and what happened</li>
        <li>your GP practice, if you tell us</li>
        <li>your gender, ethnicity and whether you have a disability, only if you choose to tell us</li>
      </ul>
      <p>We only keep what we need to support you.</p>

      <h2 className="heading-m">Why we can use your information</h2>
      <p>{privacy.lawfulBasis}</p>
      <p>For information about your health or other sensitive details: {privacy.specialCategoryBasis}</p>
      <p>
        Separately, we ask for your agreement before we contact you, before we share your details with a group or service, and
        before we tell your GP what happened. You can withdraw that agreement at any time by contacting your link worker or us.
      </p>

      <h2 className="heading-m">Who can see it</h2>
      <p>
        Only the link workers and coordinators in the team supporting you can see your record. A group you are referred to sees
        only the details you agreed to share. People who plan and pay for services see totals only, never names. Every time
        someone opens your record, it is logged.
      </p>

      <h2 className="heading-m">How long we keep it</h2>
      <p>{privacy.retention}</p>

      <h2 className="heading-m">Your rights</h2>
      <p>You have the right to:</p>
      <ul className="list-bullet">
        <li>ask for a copy of the information we hold about you</li>
        <li>ask us to correct anything that is wrong</li>
        <li>ask us to delete your information, where we do not have to keep it by law</li>
        <li>object to how we use your information, or ask us to limit it</li>
      </ul>
      <p>
        To use any of these rights, contact us at <a href={`mailto:${borough.contactEmail}`}>{borough.contactEmail}</a> or call{' '}
        <PhoneLink number={borough.contactPhone} />.
      </p>

      <h2 className="heading-m">Complaints</h2>
      <p>
        If you are unhappy with how we have used your information, contact us first. You can also complain to the Information
        Commissioner&apos;s Office (ICO): <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk/make-a-complaint</a> or call
        0303 123 1113.
      </p>

      <h2 className="heading-m">Cookies</h2>
      <p>
        We only use cookies that are needed to make the service work, such as keeping staff signed in. We do not use cookies to
        track you or for advertising.
      </p>

      <p>
        <Link href="/accessibility">Accessibility statement</Link>
      </p>
    </div>
  );
}
