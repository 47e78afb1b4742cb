import type { Metadata } from 'next';
import { ModerationNav } from '@/components/listings/ModerationNav';
import { PageHeading } from '@/components/layout/PageHeading';
import { Button, Checkboxes, ErrorSummary, NotificationBanner, SummaryList, Tag, Textarea } from '@/components/ui';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { pendingOrganisations } from '@/lib/organisations';
import { decideOrganisationAction } from '../actions';

export const metadata: Metadata = { title: 'New groups to check' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PendingOrganisationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('moderation.review');
  const sp = await searchParams;
  const groups = await pendingOrganisations(db());
  const error = first(sp.error);
  const errorOrg = first(sp.organisation);
  const done = first(sp.done);

  return (
    <>
      {error === 'note' && errorOrg ? <ErrorSummary errors={[{ href: `#note-${errorOrg}`, text: 'Say why the group is not approved' }]} /> : null}
      {error === 'already_decided' ? <ErrorSummary errors={[{ href: '#groups', text: 'Someone else has already decided that group' }]} /> : null}
      {done === 'approve' ? <NotificationBanner type="success" heading="Group approved. Its members have been told." /> : null}
      {done === 'reject' ? <NotificationBanner type="success" heading="Group not approved. Its members have been told why." /> : null}
      <PageHeading lead="Groups that registered themselves. Check the group exists and the contact is genuine before you approve it.">New groups to check</PageHeading>
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
                { key: 'Phone', value: g.phone ?? 'Not given' },
                {
                  key: 'Contact',
                  value: (
                    <ul className="list-plain">
                      {g.members.map((m) => (
                        <li key={m.email}>
                          {m.name}, {m.email} {m.emailConfirmed ? <Tag colour="green">Email confirmed</Tag> : <Tag colour="grey">Email not confirmed yet</Tag>}
                        </li>
                      ))}
                    </ul>
                  ),
                },
                { key: 'Listings', value: g.listings === 0 ? 'None yet' : `${g.listings} (each is checked separately in listing changes)` },
              ]}
            />
            <form action={decideOrganisationAction.bind(null, g.id)} noValidate>
              <Checkboxes
                name="verified"
                idPrefix={`verified-${g.id}`}
                legend={<span className="visually-hidden">Checks for {g.name}</span>}
                small
                items={[{ value: 'yes', label: 'I have checked the group exists and the contact is genuine', hint: 'The public pages then show it as checked by the council. It is not an endorsement.' }]}
              />
              <Textarea
                id={`note-${g.id}`}
                name="note"
                label="Note to the group"
                hint="Needed if you do not approve it: say why. Optional otherwise."
                rows={3}
                maxLength={2000}
                error={error === 'note' && errorOrg === g.id ? 'Say why the group is not approved' : undefined}
              />
              <div className="button-group">
                <Button name="decision" value="approve">
                  Approve<span className="visually-hidden"> {g.name}</span>
                </Button>
                <Button name="decision" value="reject" variant="warning">
                  Do not approve<span className="visually-hidden"> {g.name}</span>
                </Button>
              </div>
            </form>
          </section>
        ))}
      </div>
    </>
  );
}
