import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CapacityButtons } from '@/components/listings/CapacityButtons';
import { ListingForm } from '@/components/listings/ListingForm';
import { PageHeading } from '@/components/layout/PageHeading';
import { BackLink, Button, InsetText, NotificationBanner, Tag } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { editorData, needOptions, editorMap } from '@/lib/listings/editor';
import { confirmListingAction, saveListingAction, setCapacityAction } from '../actions';
import { adoptListingAction } from '../../../admin/oruk/actions';
import { feedOwnedMessage, owningFeed } from '@/lib/listings/ownership';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Edit a listing' };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function savedBanner(saved: string | undefined, pendingFields: string[] | undefined) {
  switch (saved) {
    case 'created':
      return (
        <NotificationBanner type="success" heading="Your listing has been sent for checking">
          A coordinator will check it, then publish it. We will email you when it is live.
        </NotificationBanner>
      );
    case 'draft':
      return (
        <NotificationBanner type="success" heading="Your listing is saved">
          It is still waiting for a coordinator to check it before it is published.
        </NotificationBanner>
      );
    case 'pending':
      return (
        <NotificationBanner type="success" heading="Your changes are saved">
          <p>
            Changes to{' '}
            {pendingFields?.length ? pendingFields.join(', ').toLowerCase() : 'the name, description, needs or contact details'}{' '}
            will show once a coordinator has checked them. Anything else you changed is live now.
          </p>
        </NotificationBanner>
      );
    case 'published':
      return <NotificationBanner type="success" heading="Your changes are live" />;
    case 'live':
      return <NotificationBanner type="success" heading="Your listing is published" />;
    case 'drafted':
      return (
        <NotificationBanner type="success" heading="Your draft is saved">
          It is not published and has not been sent for checking. Finish it here when you are ready: it is on your listings page.
        </NotificationBanner>
      );
    case 'checked':
      return <NotificationBanner type="success" heading="Thank you. The listing is marked as checked today." />;
    default:
      return null;
  }
}

export default async function EditListingPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const user = await requireRole('provider', 'coordinator', 'admin');
  const { id } = await params;
  if (!uuid.test(id)) notFound();
  const data = await editorData(db(), user, id);
  if (!data) notFound();
  const sp = cleanQuery(await searchParams);
  const [needs, map, feed] = await Promise.all([needOptions(db()), editorMap(db()), owningFeed(db(), id)]);
  const direct = user.role !== 'provider';
  // Not published and not sent for its first check: saved to finish later (or sent back).
  const isDraft = !data.published && !data.awaitingFirstCheck;

  return (
    <>
      <BackLink href={user.role === 'provider' ? '/provider/listings' : `/provider/listings?organisation=${data.organisationId}`}>
        Back to listings
      </BackLink>
      {savedBanner(first(sp.saved), data.pending?.fields)}
      {first(sp.capacity) ? <NotificationBanner type="success" heading="Space updated" /> : null}
      {first(sp.adopted) ? <NotificationBanner type="success" heading="Listing adopted: it is edited here from now on" /> : null}
      {first(sp.refused) === 'feed' && feed ? (
        <NotificationBanner heading="Not changed">{feedOwnedMessage(feed)}.</NotificationBanner>
      ) : null}
      <PageHeading caption={data.organisationName}>{data.name}</PageHeading>
      {feed ? (
        <InsetText>
          <p>{feedOwnedMessage(feed)}.</p>
          {user.role === 'admin' ? (
            <form action={adoptListingAction.bind(null, data.id)}>
              <Button variant="secondary">Adopt this listing</Button>
            </form>
          ) : null}
        </InsetText>
      ) : null}

      {data.sentBack && !data.pending ? (
        <NotificationBanner
          title="A coordinator has a question"
          heading={`On ${formatDate(data.sentBack.at)} a coordinator wrote:`}
        >
          <p className="whitespace-pre-line">{data.sentBack.note}</p>
          <p>Change the listing below and save it to send it again.</p>
        </NotificationBanner>
      ) : null}

      <p>
        {data.published ? <Tag colour="green">Published</Tag> : <Tag colour="grey">Not published yet</Tag>}{' '}
        {data.awaitingFirstCheck ? <Tag colour="yellow">Waiting for a check</Tag> : null}{' '}
        {isDraft ? <Tag colour="blue">Draft</Tag> : null}{' '}
        {data.published ? (
          <Link href={`/services/${data.id}`}>
            See it as the public sees it<span className="visually-hidden"> ({data.name})</span>
          </Link>
        ) : null}
      </p>
      {data.pending ? (
        <InsetText>
          Changes to {data.pending.fields.join(', ').toLowerCase()} are waiting for a coordinator to check them (sent{' '}
          {formatDate(data.pending.createdAt)}). The form below shows them; saving again replaces them.
        </InsetText>
      ) : null}

      {data.reports.length ? (
        <section aria-labelledby="reports" className="mb-8">
          <h2 className="heading-m" id="reports">
            Problems people have reported
          </h2>
          <p>A coordinator will check these with you. If something is wrong, correct it below.</p>
          <ul className="list-bullet">
            {data.reports.map((r) => (
              <li key={r.id}>
                <strong>{r.problem}</strong> ({formatDate(r.createdAt)}){r.message ? `: ${r.message}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="space" className="mb-8">
        <h2 className="heading-m" id="space">
          Space for new people
        </h2>
        <CapacityButtons
          listingName={data.name}
          current={data.capacityStatus}
          spaces={data.capacitySpaces}
          action={setCapacityAction.bind(null, data.id)}
          returnTo="editor"
        />
      </section>

      <section aria-labelledby="checked" className="mb-8">
        <h2 className="heading-m" id="checked">
          Last checked
        </h2>
        <p>
          {data.lastCheckedAt
            ? `This listing was last checked on ${formatDate(data.lastCheckedAt)}.`
            : 'This listing has not been checked yet.'}{' '}
          Listings not checked for 6 months show a warning, and after 12 months they stop showing in search.
        </p>
        {data.remindedAt ? (
          <p>
            We emailed your group a reminder to check it on {formatDate(data.remindedAt)}. Confirm it below, or use the link in
            the email.
          </p>
        ) : null}
        <form action={confirmListingAction.bind(null, data.id)}>
          <Button variant="secondary">Everything is still right</Button>
        </form>
      </section>

      <p>
        <Link href={`/provider/listings/${data.id}/history`}>Earlier versions of this listing</Link>
      </p>

      <h2 className="heading-l">Edit the listing</h2>
      <div className="max-w-[40em]">
        <ListingForm
          // A new version (a one-tap space change on this page, say) opens the form again from the listing as it is now.
          key={data.version}
          action={saveListingAction.bind(null, data.id)}
          initial={{ values: data.values, fieldErrors: {}, version: data.version }}
          needs={needs}
          submitLabel={
            isDraft
              ? direct && data.organisationStatus === 'approved'
                ? 'Publish listing'
                : 'Send for checking'
              : direct || !data.published
                ? 'Save listing'
                : 'Save changes'
          }
          moderatedHint={!direct && data.published}
          map={map}
          offerDraft={isDraft}
        />
      </div>
    </>
  );
}
