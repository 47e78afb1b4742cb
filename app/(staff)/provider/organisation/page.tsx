import type { Metadata } from 'next';
import { InviteForm } from '@/components/listings/InviteForm';
import { PageHeading } from '@/components/layout/PageHeading';
import { BackLink, SummaryList, Table, Tag } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { groupsOf } from '@/lib/organisations';
import { inviteAction } from './actions';

export const metadata: Metadata = { title: 'Your group' };

const STATUS = { pending: ['Waiting for approval', 'yellow'], approved: ['Approved', 'green'], rejected: ['Not approved', 'red'] } as const;

export default async function OrganisationPage() {
  const user = await requireRole('provider');
  const groups = await groupsOf(db(), user);
  return (
    <>
      <BackLink href="/provider/listings">Back to your listings</BackLink>
      <PageHeading>{groups.length === 1 ? groups[0].name : 'Your groups'}</PageHeading>
      {groups.length === 0 ? <p>Your account is not linked to a group yet.</p> : null}
      {groups.map((g) => {
        const [text, colour] = STATUS[g.status as keyof typeof STATUS] ?? STATUS.pending;
        return (
          <section key={g.id} aria-labelledby={`g-${g.id}`} className="mb-12 max-w-[40em]">
            <h2 className="heading-m" id={`g-${g.id}`}>
              {groups.length === 1 ? 'Details' : g.name}
            </h2>
            <SummaryList
              rows={[
                { key: 'Status', value: <><Tag colour={colour}>{text}</Tag>{g.verified ? ' Checked by the council: the group exists and its contact details are genuine.' : ''}</> },
                { key: 'About', value: <span className="whitespace-pre-line">{g.description || 'Not given'}</span> },
                { key: 'Email', value: g.email ?? 'Not given' },
                { key: 'Phone', value: g.phone ?? 'Not given' },
                { key: 'Website', value: g.website ?? 'Not given' },
                { key: 'Charity number', value: g.charityNumber ?? 'Not given' },
              ]}
            />
            <p>To change these details, contact {config.borough.contactEmail}.</p>
            <h3 className="heading-s">People who can update the listings</h3>
            <Table
              caption={`Members of ${g.name}`}
              captionHidden
              head={['Name', 'Email', 'Account']}
              rows={g.members.map((m) => [m.name, m.email, m.active ? (m.role === 'owner' ? 'Registered the group' : 'Active') : 'Invited, not signed in yet'])}
            />
            <h3 className="heading-s">Add someone</h3>
            <p>They will be able to update the listings and answer referrals for {g.name}.</p>
            <InviteForm action={inviteAction.bind(null, g.id)} groupName={g.name} />
          </section>
        );
      })}
    </>
  );
}
