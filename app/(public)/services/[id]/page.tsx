import { EmailLink, PhoneLink } from '@/components/ui/ContactLink';
import type { Metadata } from 'next';
import { notFound, unstable_rethrow } from 'next/navigation';
import { capacityText, costText, nextSessionText } from '@/components/directory/ResultCard';
import { ShortlistButton } from '@/components/directory/ShortlistButton';
import { ShortlistLink } from '@/components/directory/ShortlistLink';
import { Link, route } from '@/components/ui/Link';
import '@/components/directory/directory.css';
import { ResultsMapLoader } from '@/components/map/ResultsMapLoader';
import { BackLink, Details, NotificationBanner, Tag, WarningText } from '@/components/ui';
import { can } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/types';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/directory/format';
import { addressLines, ageText, getPublicService } from '@/lib/directory/service';
import { ACCESS_METHOD_LABELS, accessibilityLabel, MODE_LABELS, type Mode } from '@/lib/directory/vocab';

type PageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { id } = await params;
  const service = await getPublicService(db(), id);
  if (!service) return { title: 'Listing not found' };
  return { title: service.name, description: service.description.slice(0, 160) };
}

async function signedInUser(): Promise<SessionUser | null> {
  try {
    return await getSessionUser();
  } catch (err) {
    unstable_rethrow(err);
    return null;
  }
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} className="whitespace-pre-line">
            {p}
          </p>
        ))}
    </>
  );
}

export default async function ServicePage({ params }: PageProps) {
  const { id } = await params;
  const now = new Date();
  const [service, user] = await Promise.all([getPublicService(db(), id, now), signedInUser()]);
  if (!service) notFound();

  const canRefer = can(user, 'referral.create');
  const closed = service.status === 'inactive' || service.status === 'defunct';
  const org = service.organisation;
  const phone = service.phone ?? org.phone;
  const email = service.email ?? org.email;
  const points = service.locations.flatMap((l, i) =>
    l.latitude !== null && l.longitude !== null
      ? [
          {
            id: l.id,
            label: String(i + 1),
            name: l.name ?? service.name,
            address: addressLines(l).join(', '),
            href: route(`/services/${service.id}#where`),
            latitude: l.latitude,
            longitude: l.longitude,
          },
        ]
      : [],
  );
  const remote = service.deliveryModes.filter((m) => m !== 'in_person').map((m) => MODE_LABELS[m as Mode].toLowerCase());

  return (
    <>
      <div className="no-print flex flex-wrap items-baseline justify-between gap-4">
        <BackLink href="/services">Back to search</BackLink>
        <ShortlistLink />
      </div>
      <h1 className="heading-xl mb-4">
        <span className="caption-l">{org.name}</span>
        {service.name}
      </h1>
      <p className="flex flex-wrap gap-2">
        {service.status === 'temporarily_closed' ? <Tag colour="orange">Temporarily closed</Tag> : null}
        {closed ? <Tag colour="red">No longer running</Tag> : null}
        {org.verified ? <Tag colour="turquoise">Verified group</Tag> : null}
        {service.isFree ? <Tag colour="green">Free</Tag> : null}
      </p>

      {closed ? (
        <NotificationBanner title="Important" heading="This activity is no longer running">
          <p>
            You can <Link href="/services">search for something similar</Link>.
          </p>
        </NotificationBanner>
      ) : null}
      {service.alert ? <NotificationBanner title="Important">{<p>{service.alert}</p>}</NotificationBanner> : null}
      {service.stale ? (
        <WarningText>
          This listing was last checked on {formatDate(service.lastChecked)}. It may be out of date: check with the group before
          you go.
        </WarningText>
      ) : null}

      <div className="service-actions no-print">
        <ShortlistButton id={service.id} name={service.name} />
        {service.schedules.length && !closed ? (
          <a href={`/services/${service.id}/calendar.ics`} download>
            Add to calendar<span className="visually-hidden">: {service.name}</span>
          </a>
        ) : null}
        {canRefer && !closed ? (
          <Link href={`/refer-out?serviceId=${service.id}`} className="button button--primary mb-0">
            Refer someone to this service
          </Link>
        ) : null}
      </div>

      <div className="max-w-[40em]">
        {service.description ? <Paragraphs text={service.description} /> : null}
        {service.needs.length ? (
          <p>
            <strong>Helps with:</strong> {service.needs.map((n) => n.name).join(', ')}
          </p>
        ) : null}

        <h2 className="heading-l">Who it is for</h2>
        <p>{ageText(service.minimumAge, service.maximumAge)}</p>
        {service.eligibility ? <Paragraphs text={service.eligibility} /> : null}

        <h2 className="heading-l">Cost</h2>
        <p>{costText(service)}</p>

        <h2 className="heading-l">When</h2>
        {service.when.length ? (
          <ul className="list-bullet">
            {service.when.map((w) => (
              <li key={w.id}>
                {w.text}
                {w.note ? <span className="secondary-text"> ({w.note})</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Contact the group to find out when it meets.</p>
        )}
        {service.nextDates.length ? (
          <>
            <h3 className="heading-m">Next dates</h3>
            <ul className="list-bullet service-dates">
              {service.nextDates.map((o) => (
                <li key={o.start.toISOString()}>{nextSessionText(o.start, o.end, now)}</li>
              ))}
            </ul>
          </>
        ) : null}

        <h2 className="heading-l" id="where">
          Where
        </h2>
        {service.locations.length ? (
          service.locations.map((l) => (
            <div key={l.id} className="mb-6">
              <p className="mb-2">
                {addressLines(l).map((line, i) => (
                  <span key={i}>
                    {line}
                    <br />
                  </span>
                ))}
              </p>
              {l.description ? <p>{l.description}</p> : null}
              {l.accessibility.length ? (
                <>
                  <h3 className="heading-s mb-1">Accessibility</h3>
                  <ul className="list-bullet">
                    {l.accessibility.map((a) => (
                      <li key={a}>{accessibilityLabel(a)}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="secondary-text">The group has not told us about access at this place. Ask them before you go.</p>
              )}
            </div>
          ))
        ) : (
          <p>{remote.length ? `This runs ${remote.join(' and ')}.` : 'Contact the group to find out where it meets.'}</p>
        )}
        {service.locations.length && remote.length ? <p>You can also take part {remote.join(' or ')}.</p> : null}
      </div>
      {points.length ? (
        <div className="no-print mb-8 max-w-[40em]">
          <ResultsMapLoader
            points={points}
            origin={null}
            tiles={{ url: config.map.tileUrl, attribution: config.map.attribution }}
            fallbackCentre={[points[0].latitude, points[0].longitude]}
            small
            label={`Map showing where ${service.name} meets`}
            noScriptText="The map needs JavaScript. The address is above."
          />
        </div>
      ) : null}

      <div className="max-w-[40em]">
        <h2 className="heading-l">How to join</h2>
        {service.accessMethods.length ? (
          <ul className="list-bullet">
            {service.accessMethods.map((m) => (
              <li key={m}>{ACCESS_METHOD_LABELS[m] ?? m}</li>
            ))}
          </ul>
        ) : null}
        <p>
          <strong>Space:</strong> {capacityText(service)}
        </p>
        <h3 className="heading-m">Contact</h3>
        <ul className="list-plain">
          {service.contactName ? <li>{service.contactName}</li> : null}
          {phone ? (
            <li>
              Phone: <PhoneLink number={phone} />
            </li>
          ) : null}
          {email ? (
            <li>
              Email: <EmailLink address={email} />
            </li>
          ) : null}
          {(service.url ?? org.website) ? (
            <li>
              Website:{' '}
              <a href={(service.url ?? org.website)!} rel="noopener noreferrer">
                {(service.url ?? org.website)!.replace(/^https?:\/\//, '')}
              </a>
            </li>
          ) : null}
        </ul>
        {!service.phone && !org.phone && !service.email && !org.email && !service.url && !org.website ? (
          <p>
            We do not have contact details for this group. A link worker can help: <Link href="/refer">ask a link worker</Link>.
          </p>
        ) : null}

        {service.languages.length ? (
          <>
            <h2 className="heading-l">Languages</h2>
            <p>{service.languages.join(', ')}</p>
          </>
        ) : null}

        <h2 className="heading-l">Who runs it</h2>
        <p>
          <strong>{org.name}</strong>
          {org.verified ? ' is a verified group.' : ''}
        </p>
        {org.description ? <Paragraphs text={org.description} /> : null}
        <Details summary="What “verified group” means">
          <p>
            Verified means a coordinator from {config.borough.serviceName} has checked that the group exists and that its contact
            details are genuine. It is not an endorsement or a recommendation, and it does not mean the council has checked the
            quality or safety of the activity.
          </p>
        </Details>

        <p className="body-s secondary-text">
          Last checked {formatDate(service.lastChecked)}. Last updated {formatDate(service.updatedAt)}.
        </p>
        <p className="no-print">
          <Link href={`/services/${service.id}/report`}>Report a problem with this listing</Link>
        </p>
      </div>
    </>
  );
}
