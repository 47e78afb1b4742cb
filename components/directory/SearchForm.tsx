import { Button, Checkboxes, Select, TextInput } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import type { SearchErrors, SearchParams } from '@/lib/directory/search-params';
import { searchHref } from '@/lib/directory/search-params';
import { fieldErrorsOf } from '@/lib/forms/state';
import { EXAMPLE_POSTCODE } from '@/lib/geo/postcode';
import {
  ACCESSIBILITY,
  accessibilityLabel,
  DAY_LABELS,
  DAYS,
  MODE_LABELS,
  MODES,
  RADII,
  TIME_LABELS,
  TIMES,
} from '@/lib/directory/vocab';

type Props = {
  params: SearchParams;
  errors: SearchErrors;
  needs: Array<{ code: string; name: string }>;
  /** Filters applied, for the "Clear filters" link. */
  activeFilters: number;
};

// The search page is one GET form (bar, filters, sort), so the URL holds the whole search and it
// works without JavaScript. Field ids match the error summary's links.

/** Words, place and distance. */
export function SearchBar({ params, errors }: Pick<Props, 'params' | 'errors'>) {
  return (
    <div role="search" aria-label="Search for help and activities">
      {/* A phone puts the place and the distance side by side, so the results start higher up. */}
      <div className="search-bar grid grid-cols-2 items-end gap-x-4 md:grid-cols-[2fr_1.2fr_1fr_auto] md:gap-x-6">
        <TextInput
          formGroupClassName="col-span-2 md:col-span-1"
          id="q"
          label="What are you looking for?"
          hint="For example, lonely, walking or dementia carers"
          defaultValue={params.q}
          error={fieldErrorsOf(errors).q}
          type="search"
          autoComplete="off"
          spellCheck
          maxLength={200}
        />
        <TextInput
          id="place"
          label="Postcode or area"
          hint={`For example, ${EXAMPLE_POSTCODE}`}
          defaultValue={params.place}
          error={fieldErrorsOf(errors).place}
          autoComplete="postal-code"
          width="10"
          maxLength={100}
        />
        <Select
          id="radius"
          label="Distance"
          hint="From the postcode"
          defaultValue={params.radius === null ? '' : String(params.radius)}
          error={fieldErrorsOf(errors).radius}
          options={[
            { value: '', label: 'Any distance' },
            ...RADII.map((r) => ({ value: String(r), label: `Within ${r} ${r === 1 ? 'mile' : 'miles'}` })),
          ]}
        />
        <div className="form-group col-span-2 md:col-span-1">
          <Button>Search</Button>
        </div>
      </div>
    </div>
  );
}

/** The side panel of filters. */
export function Filters({ params, errors, needs, activeFilters }: Props) {
  return (
    <div className="directory-filters" id="filters">
      <h2 className="heading-m">Filter the results</h2>
      <Checkboxes
        name="need"
        idPrefix="needs"
        legend="Needs"
        legendSize="s"
        small
        error={fieldErrorsOf(errors).needs}
        defaultValues={params.needs}
        items={needs.map((n) => ({ value: n.code, label: n.name }))}
      />
      <TextInput
        id="age"
        label="Age of the person"
        labelSize="s"
        hint="In years. Shows activities open to this age"
        defaultValue={params.age === null ? '' : String(params.age)}
        error={fieldErrorsOf(errors).age}
        inputMode="numeric"
        width="3"
        maxLength={3}
      />
      <Checkboxes
        name="free"
        idPrefix="free"
        legend="Cost"
        legendSize="s"
        small
        error={fieldErrorsOf(errors).free}
        defaultValues={params.free ? ['1'] : []}
        items={[{ value: '1', label: 'Free only' }]}
      />
      <Checkboxes
        name="day"
        idPrefix="days"
        legend="Day"
        legendSize="s"
        small
        error={fieldErrorsOf(errors).days}
        defaultValues={params.days}
        items={DAYS.map((d) => ({ value: d, label: DAY_LABELS[d] }))}
      />
      <Checkboxes
        name="time"
        idPrefix="times"
        legend="Time of day"
        legendSize="s"
        small
        error={fieldErrorsOf(errors).times}
        defaultValues={params.times}
        items={TIMES.map((t) => ({ value: t, label: TIME_LABELS[t].label, hint: TIME_LABELS[t].hint }))}
      />
      <Checkboxes
        name="today"
        idPrefix="openToday"
        legend="When"
        legendSize="s"
        small
        error={fieldErrorsOf(errors).openToday}
        defaultValues={params.openToday ? ['1'] : []}
        items={[{ value: '1', label: 'On today' }]}
      />
      <Checkboxes
        name="mode"
        idPrefix="modes"
        legend="How it is run"
        legendSize="s"
        small
        error={fieldErrorsOf(errors).modes}
        defaultValues={params.modes}
        items={MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
      />
      <Checkboxes
        name="access"
        idPrefix="access"
        legend="Accessibility"
        legendSize="s"
        small
        error={fieldErrorsOf(errors).access}
        defaultValues={params.access}
        items={ACCESSIBILITY.map((a) => ({ value: a, label: accessibilityLabel(a) }))}
      />
      <Checkboxes
        name="self"
        idPrefix="selfRefer"
        legend="Getting in"
        legendSize="s"
        small
        error={fieldErrorsOf(errors).selfRefer}
        defaultValues={[...(params.selfRefer ? ['1'] : [])]}
        items={[{ value: '1', label: 'I can refer myself', hint: 'Or drop in without booking' }]}
      />
      <Checkboxes
        name="space"
        idPrefix="hasSpace"
        legend="Space"
        legendSize="s"
        small
        error={fieldErrorsOf(errors).hasSpace}
        defaultValues={params.hasSpace ? ['1'] : []}
        items={[{ value: '1', label: 'Has space now', hint: 'Not full and no waiting list' }]}
      />
      <Button variant="secondary">Apply filters</Button>
      {activeFilters > 0 ? (
        <p>
          <Link href={searchHref({ q: params.q, place: params.place, radius: params.radius, sort: params.sort })}>
            Clear filters<span className="visually-hidden"> ({activeFilters} applied)</span>
          </Link>
        </p>
      ) : null}
    </div>
  );
}
