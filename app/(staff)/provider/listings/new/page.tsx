import type { Metadata } from 'next';
import { ListingForm } from '@/components/listings/ListingForm';
import { PageHeading } from '@/components/layout/PageHeading';
import { BackLink, InsetText } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { groupsForNewListing, needOptions, editorMap } from '@/lib/listings/editor';
import { blankListing } from '@/lib/listings/schema';
import { saveListingAction } from '../actions';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Add a listing' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function NewListingPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole('provider', 'coordinator', 'admin');
  const asked = first(cleanQuery(await searchParams).organisation);
  const organisationId = asked && uuid.test(asked) ? asked : null;
  const groups = await groupsForNewListing(db(), user, organisationId);
  const [needs, map] = await Promise.all([needOptions(db()), editorMap(db())]);
  const chosen = groups.find((g) => g.id === organisationId) ?? (groups.length === 1 ? groups[0] : null);
  const direct = user.role !== 'provider';

  return (
    <>
      <BackLink href="/provider/listings">Back to your listings</BackLink>
      <PageHeading caption={chosen?.name}>Add a listing</PageHeading>
      {groups.length === 0 ? (
        <p>
          {user.role === 'provider'
            ? 'Your account is not linked to a group, so you cannot add a listing yet.'
            : 'Open this page from a group’s listings.'}
        </p>
      ) : (
        <div className="max-w-[40em]">
          <p>Tell people what happens, when and where, and how to join. You can save it as a draft and come back to finish it.</p>
          {direct ? null : (
            <InsetText>
              A coordinator checks every new listing before it is published. This usually takes a few working days.
            </InsetText>
          )}
          <ListingForm
            action={saveListingAction.bind(null, null)}
            initial={{ values: blankListing(chosen?.id ?? ''), fieldErrors: {}, version: null }}
            needs={needs}
            groups={chosen ? undefined : groups}
            submitLabel={direct ? 'Publish listing' : 'Send for checking'}
            map={map}
            offerDraft
          />
        </div>
      )}
    </>
  );
}
