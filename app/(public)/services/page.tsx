import type { Metadata } from 'next';
import { Filters, SearchBar } from '@/components/directory/SearchForm';
import { ResultCardView } from '@/components/directory/ResultCard';
import { ShortlistLink } from '@/components/directory/ShortlistLink';
import { Link, route } from '@/components/ui/Link';
import '@/components/directory/directory.css';
import { MapToggle, ResultsMapPlacement, SideMap } from '@/components/map/ResultsMapPlacement';
import type { MapPoint } from '@/components/map/types';
import { Button, ErrorSummary, FilterDisclosure, Pagination, Select } from '@/components/ui';
import { fieldErrorsOf, hasErrors } from '@/lib/forms/state';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { listNeeds, runSearch } from '@/lib/directory/directory';
import { mapCentre } from '@/lib/directory/map';
import { filterCount, parseSearchParams, searchHref, type SearchErrors } from '@/lib/directory/search-params';
import { PAGE_SIZE, SORT_LABELS } from '@/lib/directory/vocab';
import { milesToMetres } from '@/lib/geo/distance';
import { EXAMPLE_DISTRICT, EXAMPLE_POSTCODE } from '@/lib/geo/postcode';
import { cleanQuery } from '@/lib/forms';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/auth/request';

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: PageProps): Promise<Metadata> {
  const { params, errors } = parseSearchParams(cleanQuery(await searchParams));
  const base = params.q ? `${params.q.slice(0, 60)}: find help and activities` : 'Find help and activities';
  return { title: Object.keys(errors).length ? `Error: ${base}` : base };
}

// Where each field's error links to (the first input of a group of checkboxes).
const FIELD_IDS: Record<keyof SearchErrors, string> = {
  q: 'q',
  place: 'place',
  radius: 'radius',
  needs: 'needs',
  age: 'age',
  free: 'free',
  days: 'days',
  times: 'times',
  openToday: 'openToday',
  modes: 'modes',
  access: 'access',
  selfRefer: 'selfRefer',
  hasSpace: 'hasSpace',
  sort: 'sort',
  page: 'results-heading',
};

// The fields inside the filters panel (the search bar's words, place and distance are outside it).
const FILTER_FIELDS = ['needs', 'age', 'free', 'days', 'times', 'openToday', 'modes', 'access', 'selfRefer', 'hasSpace'] as const;

export default async function ServicesPage({ searchParams }: PageProps) {
  const { params, errors } = parseSearchParams(cleanQuery(await searchParams));
  const database = db();
  const ip = clientIp(await headers());
  const [needs, outcome] = await Promise.all([listNeeds(database), runSearch(database, params, errors, { clientIp: ip })]);
  const problems = { fieldErrors: fieldErrorsOf(outcome.errors) };
  const now = new Date();
  const placeLabel = outcome.place?.label ?? null;
  const points: MapPoint[] = outcome.results.flatMap((r, i) =>
    r.location
      ? [
          {
            id: r.id,
            label: String(i + 1),
            name: r.name,
            address: `${r.location.address}, ${r.location.postcode}`,
            href: route(`/services/${r.id}`),
            latitude: r.location.latitude,
            longitude: r.location.longitude,
          },
        ]
      : [],
  );
  const origin = outcome.place
    ? {
        label: outcome.place.label,
        latitude: outcome.place.latitude,
        longitude: outcome.place.longitude,
        radiusMetres: params.radius ? milesToMetres(params.radius) : null,
      }
    : null;
  const centre = points.length || origin ? null : await mapCentre(database);
  const active = filterCount(params);
  const map = {
    points,
    origin,
    tiles: { url: config.map.tileUrl, attribution: config.map.attribution },
    fallbackCentre: centre ?? ([origin?.latitude ?? 51.5, origin?.longitude ?? -0.12] as [number, number]),
  };
  // A filter with an error to fix opens the filters, so the error summary's link finds it.
  const filtersNeedFixing = FILTER_FIELDS.some((f) => outcome.errors[f]);
  const sortOptions = [
    ...(params.q ? [{ value: 'relevance', label: SORT_LABELS.relevance }] : []),
    ...(outcome.place ? [{ value: 'distance', label: SORT_LABELS.distance }] : []),
    { value: 'updated', label: SORT_LABELS.updated },
    ...(!params.q && !outcome.place ? [{ value: '', label: 'Name (A to Z)' }] : []),
  ];
  const first = (outcome.page - 1) * PAGE_SIZE + 1;
  const last = first + outcome.results.length - 1;

  return (
    <div className="directory-wide">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="heading-xl mb-3 md:mb-6">Find help and activities near you</h1>
        <p className="mb-3 md:mb-6">
          <ShortlistLink />
        </p>
      </div>
      {hasErrors(problems) ? (
        <ErrorSummary
          state={problems}
          order={Object.keys(FIELD_IDS)}
          ids={FIELD_IDS}
          description={outcome.blocked ? undefined : 'We searched without these answers. Check them and search again.'}
        />
      ) : null}
      <form method="get" action="/services" noValidate>
        <SearchBar params={params} errors={outcome.errors} />
        <ResultsMapPlacement map={map}>
          <div className="directory-layout">
            <div className="directory-layout__filters">
              {/* On a phone the filters wait behind "Filter", so the first result is on the first screen. */}
              <FilterDisclosure applied={active} open={filtersNeedFixing}>
                <Filters params={params} errors={outcome.errors} needs={needs} activeFilters={active} />
              </FilterDisclosure>
            </div>

            <section className="directory-layout__results" aria-labelledby="results-heading">
              {outcome.blocked ? (
                <>
                  <h2 className="heading-l" id="results-heading">
                    Check the place
                  </h2>
                  <p>
                    Enter a postcode, like {EXAMPLE_POSTCODE}, a postcode district, like {EXAMPLE_DISTRICT}, or the name of a
                    ward, then search again.
                  </p>
                </>
              ) : outcome.total === 0 ? (
                <EmptyState outcome={outcome} />
              ) : (
                <>
                  <div className="results-header">
                    <h2 className="heading-l mb-2" id="results-heading">
                      {outcome.total === 1 ? '1 result' : `${outcome.total.toLocaleString('en-GB')} results`}
                      {placeLabel ? ` near ${placeLabel}` : ''}
                    </h2>
                    <MapToggle />
                  </div>
                  {outcome.totalPages > 1 ? (
                    <p className="secondary-text results-showing">
                      Showing {first} to {last}
                    </p>
                  ) : null}
                  {outcome.placeNotice ? <p className="inset-text">{outcome.placeNotice}</p> : null}
                  <div className="flex flex-wrap items-end gap-4">
                    <Select
                      id="sort"
                      label="Sort by"
                      defaultValue={outcome.sort === 'name' ? '' : outcome.sort}
                      error={problems.fieldErrors.sort}
                      options={sortOptions}
                      formGroupClassName="mb-4"
                    />
                    <div className="form-group mb-4">
                      <Button variant="secondary">Sort</Button>
                    </div>
                  </div>
                  <ol className="directory-results" aria-label="Results">
                    {outcome.results.map((card, i) => (
                      <ResultCardView key={card.id} card={card} placeLabel={placeLabel} index={i} now={now} />
                    ))}
                  </ol>
                  <Pagination
                    page={outcome.page}
                    totalPages={outcome.totalPages}
                    hrefFor={(n) => searchHref({ ...params, page: n })}
                    label="Results pages"
                  />
                </>
              )}
            </section>

            {outcome.blocked ? null : (
              <div className="directory-layout__map">
                <div className="directory-layout__map-inner">
                  <h2 className="visually-hidden">Map</h2>
                  <p className="visually-hidden">The map shows the results on this page. Everything on it is also in the list.</p>
                  <SideMap />
                </div>
              </div>
            )}
          </div>
        </ResultsMapPlacement>
      </form>
    </div>
  );
}

function EmptyState({ outcome }: { outcome: Awaited<ReturnType<typeof runSearch>> }) {
  const { params, suggestions, placeNotice } = outcome;
  return (
    <>
      <h2 className="heading-l" id="results-heading">
        No results
      </h2>
      {placeNotice ? <p className="inset-text">{placeNotice}</p> : null}
      <p>We could not find anything that matches all of your search. That happens, and there are things you can try.</p>
      {suggestions.length ? (
        <>
          <h3 className="heading-m">Try a wider search</h3>
          <ul className="list-bullet">
            {suggestions.map((s) => (
              <li key={s.text}>
                <Link href={searchHref(s.params)}>{s.text}</Link> ({s.count === 1 ? '1 result' : `${s.count} results`})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 className="heading-m">Other things to try</h3>
      <ul className="list-bullet">
        {params.q ? <li>use fewer or different words, like “walking” instead of “Nordic walking group”</li> : null}
        {filterCount(params) ? <li>untick some filters</li> : null}
        {params.place ? <li>choose a bigger distance</li> : null}
        <li>
          <Link href="/services">see everything in the directory</Link>
        </li>
      </ul>
      <p>
        If nothing fits, a link worker can talk with you about what matters to you and find support.{' '}
        <Link href="/refer">Ask a link worker for help</Link>.
      </p>
      <p className="body-s secondary-text">
        Searches that find nothing are counted, without any personal details, so the council can see what is missing in the area.
      </p>
    </>
  );
}
