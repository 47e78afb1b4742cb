import { PhoneLink } from '@/components/ui/ContactLink';
import { Link } from '@/components/ui/Link';
import { EmergencyNotice } from './EmergencyNotice';

export type FooterProps = {
  boroughName: string;
  serviceName: string;
  contactEmail: string;
  contactPhone: string;
  privacyNoticeUrl: string;
};

export function Footer({ boroughName, serviceName, contactEmail, contactPhone, privacyNoticeUrl }: FooterProps) {
  return (
    <footer className="site-footer">
      <div className="width-container py-6 tablet:py-10">
        <EmergencyNotice className="mb-6" />
        <h2 className="visually-hidden">Support links</h2>
        <ul className="m-0 mb-6 flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
          <li>
            <a href={privacyNoticeUrl}>Privacy notice</a>
          </li>
          <li>
            <Link href="/accessibility">Accessibility statement</Link>
          </li>
          <li>
            <Link href="/services">Find help</Link>
          </li>
          <li>
            <Link href="/data">Open data</Link>
          </li>
        </ul>
        <p className="mb-2">
          {serviceName} is run by {boroughName}.
        </p>
        <p className="m-0">
          Contact us: <a href={`mailto:${contactEmail}`}>{contactEmail}</a> or <PhoneLink number={contactPhone} />
        </p>
      </div>
    </footer>
  );
}
