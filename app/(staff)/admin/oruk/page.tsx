import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { AddFeedForm } from '@/components/oruk/AddFeedForm';
import { UploadFeedForm } from '@/components/oruk/UploadFeedForm';
import { BackLink, Button, InsetText, NotificationBanner, Select, Table, Tag } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { cleanQuery, isUuid } from '@/lib/forms';
import { formatDateTime } from '@/lib/format/dates';
import { needOptions } from '@/lib/listings/editor';
import { goneListings, listFeeds, mappingTable, runById, type RunSummary } from '@/lib/oruk/import';
import { addFeedAction, adoptListingAction, mapTermAction, runFeedAction, uploadFeedAction } from './actions';

export const metadata: Metadata = { title: 'Open Referral feeds' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const n = (x: number) => x.toLocaleString('en-GB');

const SCHEDULES = { daily: 'Every day', weekly: 'Every week', manual: 'When run by hand' } as const;

function outcome(summary: RunSummary, apply: boolean, ok: boolean): string {
  if (summary.failure) return `Could not be read: ${summary.failure}`;
  if (!ok) return `Refused: ${n(summary.refusedCount)} of ${n(summary.read)} services have errors. Nothing was saved`;
  const c = summary.counts!.services;
  const counts = `${n(c.created)} new, ${n(c.updated)} updated, ${n(c.unchanged)} unchanged, ${n(c.vanished)} gone from the feed`;
  return apply
    ? `Imported ${n(summary.read)} services: ${counts}`
    : `Dry run of ${n(summary.read)} services: ${counts}. Nothing was saved`;
}

function RunResult({ run }: { run: NonNullable<Awaited<ReturnType<typeof runById>>> }) {
  const s = run.summary;
  const c = s.counts;
  return (
    <section id="run" aria-labelledby="run-heading">
      <h2 className="heading-m" id="run-heading">
        {run.apply ? 'Import' : 'Dry run'} of {run.feed.name}
      </h2>
      {run.ok ? (
        <NotificationBanner
          type="success"
          heading={run.apply ? 'The feed has been imported' : 'The feed can be imported. Nothing has been saved yet'}
        />
      ) : (
        <NotificationBanner heading="Nothing has been imported">
          <p>{outcome(s, run.apply, run.ok)}</p>
        </NotificationBanner>
      )}
      {c ? (
        <Table
          caption={run.apply ? 'What the import did' : 'What the import would do'}
          head={[
            'Records',
            { content: 'New', numeric: true },
            { content: 'Updated', numeric: true },
            { content: 'Left alone', numeric: true },
            { content: 'Gone from the feed', numeric: true },
          ]}
          rows={[
            [
              'Listings',
              { content: n(c.services.created), numeric: true },
              { content: n(c.services.updated), numeric: true },
              { content: n(c.services.unchanged + c.services.adopted), numeric: true },
              { content: n(c.services.vanished), numeric: true },
            ],
            [
              'Groups',
              { content: n(c.organisations.created), numeric: true },
              { content: n(c.organisations.updated), numeric: true },
              { content: n(c.organisations.unchanged), numeric: true },
              { content: '–', numeric: true },
            ],
            [
              'Places',
              { content: n(c.locations.created), numeric: true },
              { content: n(c.locations.updated), numeric: true },
              { content: n(c.locations.unchanged), numeric: true },
              { content: '–', numeric: true },
            ],
          ]}
        />
      ) : null}
      {s.refused.length ? (
        <Table
          caption={`Refused services${s.refusedCount > s.refused.length ? ` (the first ${s.refused.length} of ${n(s.refusedCount)})` : ''}`}
          head={['Service id', 'Errors']}
          rows={s.refused.map((r) => [
            <code key="id">{r.id}</code>,
            <ul key="e" className="list-bullet">
              {r.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>,
          ])}
        />
      ) : null}
      {s.unmapped.length ? (
        <p>
          {n(s.unmapped.length)} of the feed’s terms are not mapped to one of our needs yet. <a href="#terms">Map them below</a>.
        </p>
      ) : null}
    </section>
  );
}

export default async function OrukFeedsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole('admin');
  const sp = cleanQuery(await searchParams);
  const runId = one(sp.run);
  const [feeds, mappings, needs, gone, run] = await Promise.all([
    listFeeds(db()),
    mappingTable(db()),
    needOptions(db()),
    goneListings(db()),
    runId && isUuid(runId) ? runById(db(), runId) : Promise.resolve(null),
  ]);
  const unmapped = mappings.filter((m) => m.termCode === null);

  return (
    <>
      <BackLink href="/admin">Back to admin</BackLink>
      <PageHeading lead="Take in other directories’ listings from their Open Referral UK feeds (version 3, or version 1 for older feeds).">
        Open Referral feeds
      </PageHeading>
      {one(sp.added) ? <NotificationBanner type="success" heading="Feed added" /> : null}
      {one(sp.mapped) ? <NotificationBanner type="success" heading="Term mapping saved. The next import uses it" /> : null}
      <InsetText>
        A feed’s listings are published at once, with their groups approved: a feed added here is trusted. They count as checked
        on the feed’s own date (assured_date). Groups cannot change them here; the feed does. Adopt a listing to edit it here
        instead.
      </InsetText>

      {run ? <RunResult run={run} /> : null}

      <h2 className="heading-m" id="feeds">
        Feeds
      </h2>
      {feeds.length === 0 ? (
        <p>No feeds yet. Add one below, or upload a file.</p>
      ) : (
        <Table
          caption="Feeds and their last run"
          captionHidden
          head={['Feed', 'How often', { content: 'Listings', numeric: true }, 'Last run', 'Run now']}
          rows={feeds.map((f) => [
            <>
              <strong>{f.name}</strong>
              {f.url ? (
                <>
                  <br />
                  <span className="hint">{f.url}</span>
                </>
              ) : (
                <>
                  <br />
                  <span className="hint">Uploaded files</span>
                </>
              )}
            </>,
            f.url ? SCHEDULES[f.schedule] : 'Upload',
            { content: `${n(f.listings)}${f.gone ? ` (${n(f.gone)} gone)` : ''}`, numeric: true },
            f.lastRun ? (
              <>
                {formatDateTime(f.lastRun.at)}{' '}
                {f.lastRun.ok ? (
                  <Tag colour="green">{f.lastRun.apply ? 'Imported' : 'Dry run'}</Tag>
                ) : (
                  <Tag colour="red">Refused</Tag>
                )}
                <br />
                {outcome(f.lastRun.summary, f.lastRun.apply, f.lastRun.ok)}
              </>
            ) : (
              'Not run yet'
            ),
            f.url ? (
              <form action={runFeedAction.bind(null, f.id)} className="button-group">
                <Button name="mode" value="dry-run" variant="secondary">
                  Dry run<span className="visually-hidden"> {f.name}</span>
                </Button>
                <Button name="mode" value="apply" variant="secondary">
                  Import now<span className="visually-hidden"> {f.name}</span>
                </Button>
              </form>
            ) : (
              '–'
            ),
          ])}
        />
      )}

      <h2 className="heading-m">Add a feed</h2>
      <div className="max-w-[40em]">
        <AddFeedForm action={addFeedAction} />
      </div>

      <h2 className="heading-m">Upload a file</h2>
      <div className="max-w-[40em]">
        <UploadFeedForm action={uploadFeedAction} />
      </div>

      <h2 className="heading-m" id="terms">
        Terms and our needs
      </h2>
      <p>
        Feeds describe services with their own terms. Map each to one of our needs so the listings are found under it.{' '}
        {unmapped.length
          ? `${n(unmapped.length)} ${unmapped.length === 1 ? 'term is' : 'terms are'} not mapped yet.`
          : 'Every term seen so far is mapped.'}
      </p>
      {mappings.length ? (
        <Table
          caption="Feed terms and the needs they count as"
          captionHidden
          head={['Term', 'Vocabulary', 'Our need']}
          rows={mappings.map((m) => [
            <>
              {m.label} {m.termCode === null ? <Tag colour="yellow">Not mapped</Tag> : null}
            </>,
            m.vocabulary || '–',
            <form key="f" action={mapTermAction.bind(null, m.id)} className="flex flex-wrap items-end gap-2">
              <Select
                id={`need-${m.id}`}
                name="need"
                label={`Need for ${m.label}`}
                labelSize="s"
                defaultValue={m.termCode ?? ''}
                placeholder="Not mapped"
                options={needs.map((x) => ({ value: x.code, label: x.name }))}
                formGroupClassName="mb-0"
              />
              <Button variant="secondary">
                Save<span className="visually-hidden"> the need for {m.label}</span>
              </Button>
            </form>,
          ])}
        />
      ) : (
        <p>No terms seen yet.</p>
      )}

      <h2 className="heading-m" id="gone">
        Listings gone from their feed
      </h2>
      {gone.length ? (
        <Table
          caption="Listings their feed no longer lists (unpublished)"
          captionHidden
          head={['Listing', 'Feed', 'Gone since', '']}
          rows={gone.map((g) => [
            g.name,
            g.sourceFeed?.name ?? '',
            formatDateTime(g.sourceMissingSince),
            <form key="a" action={adoptListingAction.bind(null, g.id)}>
              <Button variant="secondary">
                Adopt<span className="visually-hidden"> {g.name}</span>
              </Button>
            </form>,
          ])}
        />
      ) : (
        <p>None: every imported listing is still in its feed.</p>
      )}
    </>
  );
}
