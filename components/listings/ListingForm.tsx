'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PinMapLoader } from '@/components/map/PinMapLoader';
import type { MapTiles } from '@/components/map/types';
import { Button, Checkboxes, Details, ErrorSummary, Radios, Select, Textarea, TextInput, WarningText } from '@/components/ui';
import { ACCESSIBILITY_LABELS, ACCESS_METHOD_LABELS, MODE_LABELS } from '@/lib/directory/vocab';
import type { FieldErrors, FormState } from '@/lib/forms';
import { previewSchedule } from '@/lib/listings/preview';
import {
  ACCESSIBILITY_FEATURES,
  ACCESS_METHODS,
  DELIVERY_MODES,
  INTERVALS,
  INTERVAL_LABELS,
  MAX_SCHEDULES,
  NTH_LABELS,
  NTH_VALUES,
  WEEKDAYS,
  WEEKDAY_LABELS,
  listingValuesFromForm,
  type ListingValues,
  type ScheduleValues,
} from '@/lib/listings/schema';
import './listings.css';
import { ConflictSummary } from './ConflictSummary';

export type ListingFormProps = {
  action: (prev: FormState<ListingValues>, form: FormData) => Promise<FormState<ListingValues>>;
  initial: FormState<ListingValues>;
  needs: ReadonlyArray<{ code: string; name: string }>;
  /** More than one group: the person chooses which runs it. */
  groups?: ReadonlyArray<{ id: string; name: string }>;
  submitLabel: string;
  /** Fields whose changes wait for a coordinator, named in the hints. */
  moderatedHint?: boolean;
  /** The map for placing the pin: its tiles, and where to look before there is a pin. */
  map?: { tiles: MapTiles; centre: [number, number] };
  /** A new listing, or one not yet sent or published: it can be saved as a draft to finish later. */
  offerDraft?: boolean;
};

const ORDER = [
  'organisationId',
  'name',
  'description',
  'needs',
  'status',
  'minimumAge',
  'maximumAge',
  'eligibility',
  'cost',
  'costDescription',
  'deliveryModes',
  'accessMethods',
  'languages',
  'contactName',
  'email',
  'phone',
  'url',
  'location-name',
  'location-address1',
  'location-address2',
  'location-city',
  'location-postcode',
  'location-latitude',
  'location-longitude',
  'location-accessibility',
  'schedules',
];

const CHECKED_BY_COORDINATOR = 'Changes to this are checked by a coordinator before they show.';

export function ListingForm({ action, initial, needs, groups, submitLabel, moderatedHint, map, offerDraft }: ListingFormProps) {
  const [state, formAction, pending] = useFormAction(action, initial);
  const [live, setLive] = useState<ScheduleValues[] | null>(null);
  const [now] = useState(() => new Date());
  const formRef = useRef<HTMLFormElement>(null);
  const v = state.values;
  const e = state.fieldErrors;

  // What the server sent back replaces anything typed since (it is built from the same form).
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setLive(null);
  }
  useEffect(() => {
    if (state.focus) document.getElementById(state.focus)?.focus();
  }, [state]);

  function onChange(event: FormEvent<HTMLFormElement>) {
    setLive(listingValuesFromForm(new FormData(event.currentTarget)).schedules);
  }

  const order = [
    ...ORDER,
    ...v.schedules.flatMap((_, i) =>
      ['kind', 'days', 'interval', 'nth', 'weekday', 'monthDay', 'date', 'opensAt', 'closesAt', 'startsOn', 'endsOn', 'note'].map(
        (f) => `schedules-${i}-${f}`,
      ),
    ),
    'capacityStatus',
    'capacitySpaces',
    'alert',
  ];
  const hint = moderatedHint ? CHECKED_BY_COORDINATOR : undefined;

  return (
    <form action={formAction} noValidate ref={formRef} onChange={onChange}>
      {/* Pressing Enter in a field saves (the first submit button is the form's default). */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <ErrorSummary state={state} order={order} ids={{ schedules: 'add-schedule' }} formErrorField="name" />
      {state.conflict ? (
        <ConflictSummary
          title="Someone else changed this listing while you were editing"
          intro="These fields are now different from what you have entered:"
          changes={state.conflict}
        />
      ) : null}
      {state.notice ? (
        <p className="inset-text" role="status">
          {state.notice}
        </p>
      ) : (
        <p className="visually-hidden" role="status" />
      )}

      <input type="hidden" name="version" value={state.version ?? ''} />
      {v.capacityAsLoaded !== undefined ? <input type="hidden" name="capacityAsLoaded" value={v.capacityAsLoaded} /> : null}
      <input type="hidden" name="scheduleCount" value={v.schedules.length} />
      {groups && groups.length > 1 ? (
        <Radios
          name="organisationId"
          legend="Which group runs it?"
          legendSize="m"
          error={e.organisationId}
          defaultValue={v.organisationId}
          items={groups.map((g) => ({ value: g.id, label: g.name }))}
        />
      ) : (
        <input type="hidden" name="organisationId" value={v.organisationId} />
      )}

      <h2 className="heading-m">About the activity</h2>
      <TextInput id="name" label="Name" hint={hint} error={e.name} defaultValue={v.name} autoComplete="off" />
      <Textarea
        id="description"
        label="Description"
        hint={`What happens, what to expect on a first visit, what to bring. Plain text: it is shown exactly as you type it, without formatting. ${hint ?? ''}`.trim()}
        error={e.description}
        defaultValue={v.description}
        rows={6}
      />
      <Checkboxes
        name="needs"
        legend="What does it help with?"
        legendSize="s"
        hint={`Choose all that apply. ${hint ?? ''}`.trim()}
        error={e.needs}
        defaultValues={v.needs}
        small
        items={needs.map((n) => ({ value: n.code, label: n.name }))}
      />
      <Radios
        name="status"
        legend="Is it running?"
        legendSize="s"
        error={e.status}
        defaultValue={v.status}
        small
        items={[
          { value: 'active', label: 'Yes, it is running' },
          {
            value: 'temporarily_closed',
            label: 'Paused for now',
            hint: 'For example over the summer or while the hall is closed',
          },
          { value: 'inactive', label: 'No, it has stopped' },
        ]}
      />

      <h2 className="heading-m">Who it is for</h2>
      <div className="times-row">
        <TextInput
          id="minimumAge"
          label="Youngest age (optional)"
          error={e.minimumAge}
          defaultValue={v.minimumAge}
          inputMode="numeric"
          width="3"
        />
        <TextInput
          id="maximumAge"
          label="Oldest age (optional)"
          error={e.maximumAge}
          defaultValue={v.maximumAge}
          inputMode="numeric"
          width="3"
        />
      </div>
      <Textarea
        id="eligibility"
        label="Who can come (optional)"
        hint="In your own words, for example “Carers of someone living with dementia”"
        error={e.eligibility}
        defaultValue={v.eligibility}
        rows={2}
      />

      <Radios
        name="cost"
        legend="Is it free?"
        legendSize="m"
        error={e.cost}
        defaultValue={v.cost}
        items={[
          { value: 'free', label: 'Yes, it is free' },
          {
            value: 'paid',
            label: 'No, there is a cost',
            conditional: (
              <TextInput
                id="costDescription"
                label="What does it cost?"
                hint="For example £2 a session, or pay what you can"
                error={e.costDescription}
                defaultValue={v.costDescription}
                width="two-thirds"
              />
            ),
          },
        ]}
      />

      <h2 className="heading-m">How people take part</h2>
      <Checkboxes
        name="deliveryModes"
        legend="How does it happen?"
        legendSize="s"
        hint="Choose all that apply"
        error={e.deliveryModes}
        defaultValues={v.deliveryModes}
        small
        items={DELIVERY_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
      />
      <Checkboxes
        name="accessMethods"
        legend="How can people join?"
        legendSize="s"
        hint="Choose all that apply"
        error={e.accessMethods}
        defaultValues={v.accessMethods}
        small
        items={ACCESS_METHODS.map((m) => ({ value: m, label: ACCESS_METHOD_LABELS[m] }))}
      />
      <TextInput
        id="languages"
        label="Languages spoken (optional)"
        hint="Separate them with commas, for example English, Polish"
        error={e.languages}
        defaultValue={v.languages}
        width="two-thirds"
      />

      <h2 className="heading-m">Contact details</h2>
      <p className="hint">Give at least one way to get in touch. {hint}</p>
      <TextInput
        id="contactName"
        label="Contact name (optional)"
        error={e.contactName}
        defaultValue={v.contactName}
        autoComplete="off"
        width="two-thirds"
      />
      <TextInput
        id="email"
        label="Email address"
        type="email"
        spellCheck={false}
        autoComplete="off"
        error={e.email}
        defaultValue={v.email}
        width="two-thirds"
      />
      <TextInput
        id="phone"
        label="Phone number"
        type="tel"
        autoComplete="off"
        error={e.phone}
        defaultValue={v.phone}
        width="20"
      />
      <TextInput
        id="url"
        label="Website"
        hint="For example www.example.org"
        spellCheck={false}
        autoComplete="off"
        error={e.url}
        defaultValue={v.url}
        width="two-thirds"
      />

      <h2 className="heading-m">Where it happens</h2>
      <p className="hint">Leave this blank if it only happens online or by phone.</p>
      <TextInput
        id="location-name"
        name="location.name"
        label="Name of the place (optional)"
        hint="For example Northfield Community Hall"
        error={e['location-name']}
        defaultValue={v.location.name}
        width="two-thirds"
      />
      <TextInput
        id="location-address1"
        name="location.address1"
        label="Address line 1"
        autoComplete="off"
        error={e['location-address1']}
        defaultValue={v.location.address1}
        width="two-thirds"
      />
      <TextInput
        id="location-address2"
        name="location.address2"
        label="Address line 2 (optional)"
        autoComplete="off"
        error={e['location-address2']}
        defaultValue={v.location.address2}
        width="two-thirds"
      />
      <TextInput
        id="location-city"
        name="location.city"
        label="Town or city"
        autoComplete="off"
        error={e['location-city']}
        defaultValue={v.location.city}
        width="one-half"
      />
      <TextInput
        id="location-postcode"
        name="location.postcode"
        label="Postcode"
        autoComplete="off"
        error={e['location-postcode']}
        defaultValue={v.location.postcode}
        width="10"
      />
      <Button type="submit" name="intent" value="find-postcode" variant="secondary">
        Find the postcode on the map
      </Button>
      {map ? (
        <PinMapLoader
          latitudeId="location-latitude"
          longitudeId="location-longitude"
          latitude={v.location.latitude}
          longitude={v.location.longitude}
          tiles={map.tiles}
          fallbackCentre={map.centre}
          label="Map of the place. Moving the pin changes the latitude and longitude under “Adjust the map position”."
        />
      ) : null}
      <Details summary="Adjust the map position" open={Boolean(e['location-latitude'] || e['location-longitude'])}>
        <p>
          We put the pin at the centre of the postcode. If the way in is elsewhere, enter its position (you can copy it from an
          online map). The position must be in the UK.
        </p>
        <div className="times-row">
          <TextInput
            id="location-latitude"
            name="location.latitude"
            label="Latitude"
            inputMode="decimal"
            error={e['location-latitude']}
            defaultValue={v.location.latitude}
            width="10"
          />
          <TextInput
            id="location-longitude"
            name="location.longitude"
            label="Longitude"
            inputMode="decimal"
            error={e['location-longitude']}
            defaultValue={v.location.longitude}
            width="10"
          />
        </div>
      </Details>
      <Checkboxes
        name="location.accessibility"
        idPrefix="location-accessibility"
        legend="Access at the place (optional)"
        legendSize="s"
        defaultValues={v.location.accessibility}
        small
        items={ACCESSIBILITY_FEATURES.map((a) => ({ value: a, label: ACCESSIBILITY_LABELS[a] ?? a }))}
      />

      <h2 className="heading-m">When it happens</h2>
      {e.schedules ? <p className="error-message">{e.schedules[0]}</p> : null}
      {v.schedules.map((s, i) =>
        s.kind === 'keep' ? (
          <KeptSlot
            key={`${i}-${v.schedules.length}-keep`}
            index={i}
            values={s}
            error={e[`schedules-${i}-kind`]?.[0]}
            count={v.schedules.length}
          />
        ) : (
          <ScheduleSlot
            key={`${i}-${v.schedules.length}`}
            index={i}
            values={s}
            errors={e}
            live={live?.[i]}
            now={now}
            count={v.schedules.length}
          />
        ),
      )}
      <div className="button-group">
        {v.schedules.length < MAX_SCHEDULES ? (
          <Button type="submit" name="intent" value="add-schedule" variant="secondary" id="add-schedule">
            Add another time
          </Button>
        ) : null}
        <Button type="submit" name="intent" value="preview" variant="secondary">
          Show the times in words
        </Button>
      </div>

      <Radios
        name="capacityStatus"
        legend="Has it got space for new people?"
        legendSize="m"
        hint="You can change this any time from your listings page, in one tap."
        error={e.capacityStatus}
        defaultValue={v.capacityStatus}
        items={[
          {
            value: 'open',
            label: 'Yes, it has space',
            conditional: (
              <TextInput
                id="capacitySpaces"
                label="Spaces left (optional)"
                inputMode="numeric"
                error={e.capacitySpaces}
                defaultValue={v.capacitySpaces}
                width="4"
              />
            ),
          },
          { value: 'waiting_list', label: 'There is a waiting list' },
          { value: 'full', label: 'It is full' },
        ]}
      />
      <TextInput
        id="alert"
        label="Notice for visitors (optional)"
        hint="Something people should know now, for example “No session on 24 December”"
        error={e.alert}
        defaultValue={v.alert}
      />

      <div className="button-group">
        <Button type="submit" name="intent" value="save" aria-disabled={pending || undefined}>
          {submitLabel}
        </Button>
        {offerDraft ? (
          <Button type="submit" name="intent" value="draft" variant="secondary" aria-disabled={pending || undefined}>
            Save as draft
          </Button>
        ) : null}
      </div>
      {offerDraft ? (
        <p className="hint">A draft is not published or sent for checking. Only its name is needed; come back to finish it.</p>
      ) : null}
    </form>
  );
}

/**
 * A stored time the form's questions cannot hold (set up elsewhere, for example by an import). It
 * is shown in words and kept exactly as it is, unless the person chooses to replace or remove it.
 */
function KeptSlot({
  index,
  values: s,
  error,
  count,
}: {
  index: number;
  values: ScheduleValues;
  error: string | undefined;
  count: number;
}) {
  const p = `schedules.${index}.`;
  const title = count > 1 ? `Time ${index + 1}` : 'Time';
  const id = `schedules-${index}-kind`;
  return (
    <fieldset className={`schedule-slot fieldset${error ? ' form-group--error' : ''}`} aria-describedby={`${id}-about`}>
      <legend className="fieldset__legend fieldset__legend--s">{title}</legend>
      <input type="hidden" name={`${p}kind`} value="keep" />
      <input type="hidden" name={`${p}keep`} value={s.keep ?? ''} />
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {s.kept ? (
        <div className="schedule-slot__preview">
          <p className="mb-1">
            <strong>{s.kept.text}</strong>
          </p>
          {s.kept.next.length ? (
            <>
              <p className="mb-1">Next:</p>
              <ul className="list-bullet mb-0">
                {s.kept.next.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          ) : (
            <WarningText>There are no more sessions on these dates.</WarningText>
          )}
        </div>
      ) : (
        <WarningText>
          This time has changed since you opened the form. Remove it, or open the listing again to see it as it is now.
        </WarningText>
      )}
      <p className="hint" id={`${id}-about`}>
        This time was set up in a way the questions on this page cannot show. It stays exactly as it is unless you replace it or
        remove it.
      </p>
      {/* Focus lands here after an error, so the summary's link has somewhere to go. */}
      <div className="button-group">
        {s.kept ? (
          <Button type="submit" name="intent" value={`replace-schedule:${index}`} variant="secondary" id={id}>
            Replace this time<span className="visually-hidden"> ({title})</span>
          </Button>
        ) : null}
        <Button type="submit" name="intent" value={`remove-schedule:${index}`} variant="secondary" id={s.kept ? undefined : id}>
          Remove this time<span className="visually-hidden"> ({title})</span>
        </Button>
      </div>
    </fieldset>
  );
}

function ScheduleSlot({
  index,
  values: s,
  errors: e,
  live,
  now,
  count,
}: {
  index: number;
  values: ScheduleValues;
  errors: FieldErrors;
  live: ScheduleValues | undefined;
  now: Date;
  count: number;
}) {
  const p = `schedules.${index}.`;
  const id = (f: string) => `schedules-${index}-${f}`;
  const err = (f: string) => e[id(f)];
  const preview = previewSchedule(live ?? s, now);
  const title = count > 1 ? `Time ${index + 1}` : 'Time';
  return (
    <fieldset className="schedule-slot fieldset">
      <legend className="fieldset__legend fieldset__legend--s">{title}</legend>
      {s.replaces ? (
        <>
          <input type="hidden" name={`${p}replaces`} value={s.replaces} />
          <input type="hidden" name={`${p}keep`} value={s.keep ?? ''} />
          <WarningText>
            This replaces “{s.replaces}”. The questions below are filled in as near as they can get: check them before you save.
          </WarningText>
          <Button type="submit" name="intent" value={`keep-schedule:${index}`} variant="secondary">
            Keep it as it was<span className="visually-hidden"> ({title})</span>
          </Button>
        </>
      ) : null}
      <Radios
        name={`${p}kind`}
        idPrefix={id('kind')}
        legend="How often?"
        legendSize="s"
        error={err('kind')}
        defaultValue={s.kind || 'weekly'}
        small
        items={[
          { value: 'weekly', label: 'Every week, or every few weeks' },
          { value: 'monthly', label: 'Once a month on a weekday', hint: 'For example the second Tuesday' },
          { value: 'monthly_day', label: 'Once a month on a date', hint: 'For example the 15th' },
          { value: 'once', label: 'On one date only' },
        ]}
      />
      <div className="schedule-slot__weekly">
        <Checkboxes
          name={`${p}days`}
          idPrefix={id('days')}
          legend="Which days?"
          legendSize="s"
          error={err('days')}
          defaultValues={s.days}
          small
          inline
          items={WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_LABELS[d] }))}
        />
        <Select
          id={id('interval')}
          name={`${p}interval`}
          label="How many weeks apart?"
          error={err('interval')}
          defaultValue={s.interval || '1'}
          options={INTERVALS.map((n) => ({ value: n, label: INTERVAL_LABELS[n] }))}
        />
      </div>
      <div className="schedule-slot__monthly times-row">
        <Select
          id={id('nth')}
          name={`${p}nth`}
          label="Which week of the month?"
          error={err('nth')}
          defaultValue={s.nth}
          placeholder="Choose"
          options={NTH_VALUES.map((n) => ({ value: n, label: NTH_LABELS[n] }))}
        />
        <Select
          id={id('weekday')}
          name={`${p}weekday`}
          label="Which day?"
          error={err('weekday')}
          defaultValue={s.weekday}
          placeholder="Choose"
          options={WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_LABELS[d] }))}
        />
      </div>
      <div className="schedule-slot__monthly-day">
        <TextInput
          id={id('monthDay')}
          name={`${p}monthDay`}
          label="Day of the month"
          hint="From 1 to 31"
          inputMode="numeric"
          error={err('monthDay')}
          defaultValue={s.monthDay}
          width="2"
        />
      </div>
      <div className="schedule-slot__once">
        <TextInput
          id={id('date')}
          name={`${p}date`}
          label="Date"
          type="date"
          error={err('date')}
          defaultValue={s.date}
          width="10"
        />
      </div>
      <div className="times-row">
        <TextInput
          id={id('opensAt')}
          name={`${p}opensAt`}
          label="Starts at"
          hint="For example 10:00"
          type="time"
          error={err('opensAt')}
          defaultValue={s.opensAt}
          width="5"
        />
        <TextInput
          id={id('closesAt')}
          name={`${p}closesAt`}
          label="Ends at"
          hint="For example 12:00"
          type="time"
          error={err('closesAt')}
          defaultValue={s.closesAt}
          width="5"
        />
      </div>
      <div className="schedule-slot__series">
        <Details summary="Starting or ending on a date (optional)" open={Boolean(err('startsOn') || err('endsOn') || s.endsOn)}>
          <TextInput
            id={id('startsOn')}
            name={`${p}startsOn`}
            label="First session"
            hint="For sessions every other week, the date of any session, so we know which weeks"
            type="date"
            error={err('startsOn')}
            defaultValue={s.startsOn}
            width="10"
          />
          <TextInput
            id={id('endsOn')}
            name={`${p}endsOn`}
            label="Last session"
            hint="For a course with an end date"
            type="date"
            error={err('endsOn')}
            defaultValue={s.endsOn}
            width="10"
          />
        </Details>
      </div>
      <TextInput
        id={id('note')}
        name={`${p}note`}
        label="Note (optional)"
        hint="For example “Term time only”"
        error={err('note')}
        defaultValue={s.note}
      />
      <div className="schedule-slot__preview" aria-live="polite">
        {preview ? (
          <>
            <p className="mb-1">
              <strong>{preview.text}</strong>
            </p>
            {preview.next.length ? (
              <>
                <p className="mb-1">Next:</p>
                <ul className="list-bullet mb-0">
                  {preview.next.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              </>
            ) : (
              <WarningText>There are no more sessions on these dates.</WarningText>
            )}
          </>
        ) : (
          <p className="hint mb-0">When you have filled this in, it will show here in words, with the next dates.</p>
        )}
      </div>
      <Button type="submit" name="intent" value={`remove-schedule:${index}`} variant="secondary">
        Remove this time<span className="visually-hidden"> ({title})</span>
      </Button>
    </fieldset>
  );
}
