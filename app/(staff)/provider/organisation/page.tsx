import type { Metadata } from 'next';
import { InviteForm } from '@/components/listings/InviteForm';
import { OrganisationForm } from '@/components/listings/OrganisationForm';
import { PageHeading } from '@/components/layout/PageHeading';
import { BackLink, EmailLink, InsetText, NotificationBanner, SummaryList, Table, Tag } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { groupsOf } from '@/lib/organisations';
import { ORGANISATION_FIELD_LABELS, organisationEditor } from '@/lib/organisations/details';
import { inviteAction, saveOrganisationAction } from './actions';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Your group' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const STATUS = {
  pending: ['Waiting for approval', 'yellow'],
  approved: ['Approved', 'green'],
  rejected: ['Not approved', 'red'],
} as const;

const SAVED: Record<string, string> = {
  pending:
    'Your changes are saved. Changes to the name, description or contact details show once a coordinator has checked them; anything else is live now.',
  published: 'Your changes are live.',
  unchanged: 'Nothing had changed, so there was nothing to save.',
};

export default async function OrganisationPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole('provider');
  const sp = cleanQuery(await searchParams);
  const saved = first(sp.saved);
  const savedGroup = first(sp.group);
  const groups = await groupsOf(db(), user);
  const editors = await Promise.all(groups.map((g) => organisationEditor(db(), user, g.id)));
  const single = groups.length === 1;

  return (
    <>
      <BackLink href="/provider/listings">Back to your listings</BackLink>
      <PageHeading>{single ? groups[0].name : 'Your groups'}</PageHeading>
      {groups.length === 0 ? <p>Your account is not linked to a group yet.</p> : null}
      {groups.map((g, i) => {
        const [text, colour] = STATUS[g.status as keyof typeof STATUS] ?? STATUS.pending;
        const editor = editors[i];
        const prefix = single ? 'group-' : `group-${i + 1}-`;
        return (
          <section key={g.id} aria-labelledby={`g-${g.id}`} className="mb-12 max-w-[40em]">
            <h2 className="heading-l" id={`g-${g.id}`}>
              {single ? 'Your group’s details' : g.name}
            </h2>
            {saved && savedGroup === g.id && SAVED[saved] ? (
              <NotificationBanner type="success" heading={SAVED[saved]} titleId={`${prefix}saved`} />
            ) : null}
            {editor?.sentBack && !editor.pending ? (
              <NotificationBanner
                title="A coordinator has a question"
                heading={`On ${formatDate(editor.sentBack.at)} a coordinator wrote:`}
                titleId={`${prefix}sent-back`}
              >
                <p className="whitespace-pre-line">{editor.sentBack.note}</p>
                <p>Change the details below and save them to send them again.</p>
              </NotificationBanner>
            ) : null}
            <SummaryList
              rows={[
                {
                  key: 'Status',
                  value: (
                    <>
                      <Tag colour={colour}>{text}</Tag>
                      {g.verified ? ' Checked by the council: the group exists and its contact details are genuine.' : ''}
                    </>
                  ),
                },
              ]}
            />
            {editor?.pending ? (
              <InsetText>
                Changes to {editor.pending.fields.map((f) => ORGANISATION_FIELD_LABELS[f].toLowerCase()).join(', ')} are waiting
                for a coordinator to check them (sent {formatDate(editor.pending.createdAt)}). The form below shows them; saving
                again replaces them.
              </InsetText>
            ) : null}
            {editor && g.status !== 'rejected' ? (
              <OrganisationForm
                action={saveOrganisationAction.bind(null, g.id)}
                initial={{ values: editor.values, fieldErrors: {}, version: editor.version }}
                idPrefix={prefix}
                moderatedHint={g.status === 'approved'}
              />
            ) : (
              <p>
                This group was not approved, so its details cannot be changed here. Contact a coordinator if something is wrong.
              </p>
            )}

            <h3 className="heading-m">People who can update the listings</h3>
            <Table
              caption={`Members of ${g.name}`}
              captionHidden
              head={['Name', 'Email', 'Account']}
              rows={g.members.map((m) => [
                m.name,
                <EmailLink key="e" address={m.email} />,
                m.active ? (m.role === 'owner' ? 'Registered the group' : 'Active') : 'Invited, not signed in yet',
              ])}
            />
            <h3 className="heading-s">Add someone</h3>
            <p>They will be able to update the listings and the group’s details, and answer referrals for {g.name}.</p>
            <InviteForm action={inviteAction.bind(null, g.id)} groupName={g.name} idPrefix={`${prefix}invite-`} />
          </section>
        );
      })}
    </>
  );
}
