import type { Metadata } from 'next';
import { config } from '@/lib/config';
import { orukBaseUrl } from '@/lib/oruk/publish/api';

export const metadata: Metadata = { title: 'Open data' };

// The address and licence come from the settings at request time.
export const dynamic = 'force-dynamic';

export default function OpenDataPage() {
  const borough = config.borough;
  const licence = config.openData;
  const api = orukBaseUrl();
  return (
    <div className="max-w-3xl">
      <h1>Open data</h1>
      <p className="body-l">
        The listings in {borough.serviceName} are open data. Anyone can use them in their own website, app or directory.
      </p>
      <p>
        They are published in the <a href="https://openreferraluk.org/">Open Referral UK</a> data standard (version 3), which
        other councils, the NHS and charities use, so they can be joined with other directories.
      </p>
      <p>
        The data has only the listings you can find on this site: services a group has asked to list, that our team has approved
        and that were checked in the last {config.freshness.hideAfterMonths} months. It never includes anything about the people
        we support or their referrals.
      </p>

      <h2 className="heading-m">Licence</h2>
      <p>
        You can use, share and adapt the data under the <a href={licence.licenceUrl}>{licence.licenceName}</a>. Say where it came
        from: &ldquo;Contains data from {borough.serviceName}, {borough.name}&rdquo;.
      </p>

      <h2 className="heading-m">Download the whole directory</h2>
      <ul className="list-bullet">
        <li>
          <a href="/data/services.json" download>
            Every service in Open Referral UK JSON
          </a>{' '}
          (one list of full service records)
        </li>
        <li>
          <a href="/data/oruk-csv.zip" download>
            Every service in Open Referral UK CSV tables
          </a>{' '}
          (a zip file with one CSV file for each table)
        </li>
      </ul>

      <h2 className="heading-m">The API</h2>
      <p>The same data is available from an Open Referral UK API. You do not need to sign in or ask for a key. Its address is:</p>
      <p>
        <code className="break-all">{api}</code>
      </p>
      <ul className="list-bullet">
        <li>
          <a href={`${api}/services`}>{`${api}/services`}</a> lists services, 50 to a page (add <code>?full_service=true</code>{' '}
          for the full records)
        </li>
        <li>
          <a href={`${api}/openapi.json`}>The API description (OpenAPI)</a> lists every address and its options
        </li>
      </ul>
      <p>
        Each address can be asked {licence.rateLimitPerMinute.toLocaleString('en-GB')} times a minute. Answers carry an ETag, so
        checking again for changes costs almost nothing.
      </p>

      <h2 className="heading-m">Tell us about a problem</h2>
      <p>
        If something in the data is wrong, or you use it and want to tell us, email{' '}
        <a href={`mailto:${borough.contactEmail}`}>{borough.contactEmail}</a>.
      </p>
    </div>
  );
}
