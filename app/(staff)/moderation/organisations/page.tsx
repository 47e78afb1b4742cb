import type { Metadata } from 'next';
import { ModerationNav } from '@/components/listings/ModerationNav';
import { PageHeading } from '@/components/layout/PageHeading';
import { OrganisationDecisionForm } from '@/components/listings/OrganisationDecisionForm';
import { ContactOrNone, EmailLink, NotificationBanner, SummaryList, Tag } from '@/components/ui';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { pendingOrganisations } from '@/lib/organisations';
import { decideOrganisationAction } from '../actions';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'New groups to check' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PendingOrganisationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('moderation.review');
  const sp = cleanQuery(await searchParams);
  const groups = await pendingOrganisations(db());
  const done = first(sp.done);

  return (
    <>
      {done === 'approve' ? <NotificationBanner type="success" heading="Group approved. Its members have been told." /> : null}
      {done === 'reject' ? (
        <NotificationBanner type="success" heading="Group not approved. Its members have been told why." />
      ) : null}
      <PageHeading lead="Groups that registered themselves. Check the group exists and the contact is genuine before you approve it.">
        New groups to check
      </PageHeading>
      <ModerationNav current="/moderation/organisations" />
      <div id="groups" tabIndex={-1}>
        {groups.length === 0 ? <p>No groups are waiting.</p> : null}
        {groups.map((g) => (
          <section key={g.id} aria-labelledby={`org-${g.id}`} className="mb-12 max-w-[40em]">
            <h2 className="heading-m" id={`org-${g.id}`}>
              {g.name}
            </h2>
            <SummaryList
              rows={[
                { key: 'Registered', value: formatDate(g.createdAt) },
                { key: 'About', value: <span className="whitespace-pre-line">{g.description || 'Not given'}</span> },
                { key: 'Charity number', value: g.charityNumber ?? 'Not given' },
                { key: 'Company number', value: g.companyNumber ?? 'Not given' },
                { key: 'Website', value: g.website ?? 'Not given' },
                { key: 'Phone', value: <ContactOrNone phone={g.phone} /> },
                {
                  key: 'Contact',
                  value: (
                    <ul className="list-plain">
                      {g.members.map((m) => (
                        <li key={m.email}>
                          {m.name}, <EmailLink address={m.email} />{' '}
                          {m.emailConfirmed ? (
                            <Tag colour="green">Email confirmed</Tag>
                          ) : (
                            <Tag colour="grey">Email not confirmed yet</Tag>
                          )}
                        </li>
                      ))}
                    </ul>
                  ),
                },
                {
                  key: 'Listings',
                  value: g.listings === 0 ? 'None yet' : `${g.listings} (each is checked separately in listing changes)`,
                },
              ]}
            />
            <OrganisationDecisionForm
              action={decideOrganisationAction.bind(null, g.id)}
              organisationId={g.id}
              organisationName={g.name}
            />
          </section>
        ))}
      </div>
    </>
  );
}
