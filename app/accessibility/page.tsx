import { PhoneLink } from '@/components/ui/ContactLink';
import type { Metadata } from 'next';
import { config } from '@/lib/config';

export const metadata: Metadata = { title: 'Accessibility statement' };

export default async function AccessibilityPage() {
  const borough = config.borough;
  return (
    <div className="max-w-3xl">
      <h1>Accessibility statement</h1>
      <p className="body-l">
        This statement applies to {borough.serviceName}, run by {borough.name}.
      </p>
      <p>We want as many people as possible to be able to use this service. For example, you should be able to:</p>
      <ul className="list-bullet">
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>use the whole service with just a keyboard</li>
        <li>use the service with a screen reader or speech recognition software</li>
        <li>use the directory without JavaScript, and without the map</li>
      </ul>
      <p>
        We have also made the text as simple as possible to understand. <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a>{' '}
        has advice on making your device easier to use if you have a disability.
      </p>

      <h2 className="heading-m">How accessible this service is</h2>
      <p>We know some parts are not fully accessible:</p>
      <ul className="list-bullet">
        <li>
          the map of results cannot be fully used with a screen reader: every result on the map is also in the list beside it,
          with its address and distance
        </li>
        <li>map pictures come from an outside provider and may not load; the list of results still works if they do not</li>
      </ul>

      <h2 className="heading-m">Feedback and contact information</h2>
      <p>
        If you need information in a different format, such as large print, easy read, audio or braille, or you find a problem not
        listed on this page, contact us:
      </p>
      <ul className="list-bullet">
        <li>
          email <a href={`mailto:${borough.contactEmail}`}>{borough.contactEmail}</a>
        </li>
        <li>
          call <PhoneLink number={borough.contactPhone} />
        </li>
      </ul>
      <p>We will reply within 10 working days.</p>

      <h2 className="heading-m">Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile
        Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility regulations&rsquo;). If you are not happy
        with how we respond to your complaint, contact the{' '}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
      </p>

      <h2 className="heading-m">Technical information about this service&apos;s accessibility</h2>
      <p>
        {borough.name} is committed to making its websites accessible, in accordance with the Public Sector Bodies (Websites and
        Mobile Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3 className="heading-s">Compliance status</h3>
      <p>
        This service is partially compliant with the{' '}
        <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, because of the
        map described above.
      </p>

      <h2 className="heading-m">How we tested this service</h2>
      <p>
        Every page is checked with automated accessibility tests (axe) on each change, and the main tasks (finding help,
        referring, triage and answering a referral) are tested using only a keyboard. The service uses the patterns of the GOV.UK
        Design System, which are tested with users of assistive technology.
      </p>

      <h2 className="heading-m">Preparation of this statement</h2>
      <p>This statement was prepared on 23 November 2026. It will be reviewed at least once a year.</p>
    </div>
  );
}
