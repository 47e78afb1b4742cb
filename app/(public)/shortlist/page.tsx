import type { Metadata } from 'next';
import { Suspense } from 'react';
import { capacityText, costText, nextSessionText } from '@/components/directory/ResultCard';
import { ShortlistSync } from '@/components/directory/ShortlistSync';
import { ShortlistTools } from '@/components/directory/ShortlistTools';
import { Link } from '@/components/ui/Link';
import '@/components/directory/directory.css';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/directory/format';
import { addressLines, getPublicServices } from '@/lib/directory/service';
import { parseShortlistIds, shortlistHref } from '@/lib/directory/shortlist';
import { MODE_LABELS, type Mode } from '@/lib/directory/vocab';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Your shortlist' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ShortlistPage({ searchParams }: PageProps) {
  const sp = cleanQuery(await searchParams);
  const ids = parseShortlistIds([...[sp.ids ?? []].flat(), ...[sp.add ?? []].flat()]);
  const now = new Date();
  const services = await getPublicServices(db(), ids, now);
  const kept = services.map((s) => s.id);
  const shareUrl = `${config.baseUrl.replace(/\/$/, '')}${shortlistHref(kept)}`;

  return (
    <>
      <Suspense fallback={null}>
        <ShortlistSync />
      </Suspense>
      <p className="print-only body-s">
        {config.borough.serviceName}. Printed {formatDate(now)}.
      </p>
      <h1 className="heading-xl">Your shortlist</h1>
      {services.length === 0 ? (
        <>
          <p>Your shortlist is empty.</p>
          <p>
            When you find something useful, choose “Add to shortlist”. You can then print the list or share it as a link. It is
            kept in this browser only, not in an account.
          </p>
          <p>
            <Link href="/services">Search for help and activities</Link>
          </p>
        </>
      ) : (
        <>
          <p className="no-print">
            {services.length === 1 ? '1 service' : `${services.length} services`}. This list is kept in this browser only. To keep
            it, print it or save the link.
          </p>
          {ids.length > services.length ? (
            <p className="inset-text no-print">
              Some services on this list are no longer in the directory, so they are not shown.
            </p>
          ) : null}
          <ShortlistTools shareUrl={shareUrl} />
          <ol className="list-plain mt-6">
            {services.map((s) => {
              const others = kept.filter((id) => id !== s.id);
              const phone = s.phone ?? s.organisation.phone;
              const email = s.email ?? s.organisation.email;
              const web = s.url ?? s.organisation.website;
              const place = s.locations[0];
              const remote = s.deliveryModes.filter((m) => m !== 'in_person').map((m) => MODE_LABELS[m as Mode].toLowerCase());
              return (
                <li key={s.id} className="shortlist-item">
                  <h2 className="heading-m mb-1">
                    <Link href={`/services/${s.id}`}>{s.name}</Link>
                  </h2>
                  <p className="secondary-text mb-2">{s.organisation.name}</p>
                  {s.status === 'temporarily_closed' ? (
                    <p className="mb-1">
                      <strong>Temporarily closed</strong>
                    </p>
                  ) : null}
                  {s.status === 'inactive' || s.status === 'defunct' ? (
                    <p className="mb-1">
                      <strong>No longer running</strong>
                    </p>
                  ) : null}
                  <dl className="directory-facts">
                    {s.when.length ? (
                      <div>
                        <dt>When</dt>
                        <dd>
                          {s.when.map((w) => w.text).join('; ')}
                          {s.nextDates[0] ? (
                            <span className="secondary-text">
                              {' '}
                              (next: {nextSessionText(s.nextDates[0].start, s.nextDates[0].end, now)})
                            </span>
                          ) : null}
                        </dd>
                      </div>
                    ) : null}
                    <div>
                      <dt>Where</dt>
                      <dd>{place ? addressLines(place).join(', ') : remote.length ? remote.join(' or ') : 'Ask the group'}</dd>
                    </div>
                    <div>
                      <dt>Cost</dt>
                      <dd>{costText(s)}</dd>
                    </div>
                    <div>
                      <dt>Space</dt>
                      <dd>{capacityText(s)}</dd>
                    </div>
                    {phone || email || web ? (
                      <div>
                        <dt>Contact</dt>
                        <dd>{[phone, email, web?.replace(/^https?:\/\//, '')].filter(Boolean).join(', ')}</dd>
                      </div>
                    ) : null}
                  </dl>
                  <p className="body-s secondary-text mb-1">Last checked {formatDate(s.lastChecked)}</p>
                  <p className="no-print mb-0">
                    <Link href={others.length ? shortlistHref(others) : '/shortlist?clear=1'}>
                      Remove<span className="visually-hidden"> {s.name}</span> from the shortlist
                    </Link>
                  </p>
                </li>
              );
            })}
          </ol>
          <p className="no-print">
            <Link href="/services">Find more help and activities</Link> or{' '}
            <Link href="/shortlist?clear=1">clear the shortlist</Link>
          </p>
          <p className="body-s print-only">
            Check times with each group before you go. For help finding support, contact {config.borough.serviceName}:{' '}
            {config.borough.contactPhone}, {config.borough.contactEmail}. In an emergency call 999.
          </p>
        </>
      )}
    </>
  );
}
