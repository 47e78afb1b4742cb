// One schema for a listing: the editor's server action parses its form with it, the form shows its
// messages next to each field, and the bulk import checks every CSV row with it too.
import { z } from 'zod';
import { isDateKey, nestedCharacterErrors, issuesToErrors, lengthLimit, type FieldErrors } from '@/lib/forms';
import { WEEK_ORDER, WEEKDAY_NAMES, type WeekdayCode } from '@/lib/directory/days';
import { normalisePostcode, postcodeMessages } from '@/lib/geo/postcode';
import { ukPositionProblem } from '@/lib/geo/uk';
import { normalisePhone, normaliseUrl, plainLine, plainText, splitList } from './text';

// Monday first, as the editor lists them; the names are the directory's own.
export const WEEKDAYS = WEEK_ORDER;
export type Weekday = WeekdayCode;
export const WEEKDAY_LABELS: Record<Weekday, string> = WEEKDAY_NAMES;

export const SCHEDULE_KINDS = ['weekly', 'monthly', 'monthly_day', 'once'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
export const NTH_VALUES = ['1', '2', '3', '4', '-1'] as const;
export const NTH_LABELS: Record<(typeof NTH_VALUES)[number], string> = {
  '1': 'First',
  '2': 'Second',
  '3': 'Third',
  '4': 'Fourth',
  '-1': 'Last',
};
export const INTERVALS = ['1', '2', '3', '4'] as const;
export const INTERVAL_LABELS: Record<(typeof INTERVALS)[number], string> = {
  '1': 'Every week',
  '2': 'Every other week (fortnightly)',
  '3': 'Every 3 weeks',
  '4': 'Every 4 weeks',
};

export const SERVICE_STATUSES = ['active', 'temporarily_closed', 'inactive'] as const;
export const CAPACITY_STATUSES = ['open', 'waiting_list', 'full'] as const;
export const DELIVERY_MODES = ['in_person', 'online', 'phone'] as const;
export const ACCESS_METHODS = ['self_refer', 'professional_referral', 'drop_in'] as const;
export const ACCESSIBILITY_FEATURES = [
  'step_free',
  'hearing_loop',
  'bsl',
  'accessible_toilet',
  'parking',
  'changing_places',
  'quiet_space',
] as const;

export const MAX_SCHEDULES = 10;

// ---------- small pieces ----------

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(str).filter(Boolean) : typeof v === 'string' && v !== '' ? [v] : [];

/** Required single line, tags stripped; too long is refused, saying by how much. */
const line = (label: string, max: number, missing: string) =>
  z.preprocess((v) => plainLine(str(v)), z.string().min(1, missing).superRefine(lengthLimit(label, max)));

/** Optional single line: empty becomes null. */
const optionalLine = (label: string, max: number) =>
  z.preprocess((v) => plainLine(str(v)), z.string().superRefine(lengthLimit(label, max))).transform((s) => (s === '' ? null : s));

const optionalText = (label: string, max: number) =>
  z.preprocess((v) => plainText(str(v)), z.string().superRefine(lengthLimit(label, max))).transform((s) => (s === '' ? null : s));

const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => {
      const s = str(v).trim();
      return s === '' ? null : s;
    },
    z.union([
      z.null(),
      z
        .string()
        .regex(/^\d{1,4}$/, message)
        .transform(Number)
        .pipe(z.number().int().min(min, message).max(max, message)),
    ]),
  );

const clock = (missing: string) =>
  z.preprocess(
    (v) => str(v).trim(),
    z
      .string()
      .min(1, missing)
      .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'Enter a time like 10:00 or 14:30')
      .transform((s) => s.padStart(5, '0')),
  );

const realDate = isDateKey;
const optionalDate = (message: string) =>
  z
    .preprocess(
      (v) => str(v).trim(),
      z.string().refine((s) => s === '' || realDate(s), message),
    )
    .transform((s) => (s === '' ? null : s));

const enumList = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(list, z.array(z.enum(values, { error: message })));

// ---------- schedules ----------

const scheduleShape = z.object({
  kind: z.enum(SCHEDULE_KINDS, { error: 'Choose how often it happens' }),
  days: enumList(WEEKDAYS, 'Choose a day'),
  interval: z.preprocess((v) => str(v) || '1', z.enum(INTERVALS, { error: 'Choose how many weeks apart' })).transform(Number),
  nth: z.preprocess((v) => str(v), z.string()),
  weekday: z.preprocess((v) => str(v), z.string()),
  monthDay: optionalInt(1, 31, 'Enter a day of the month from 1 to 31'),
  date: z.preprocess((v) => str(v).trim(), z.string()),
  startsOn: optionalDate('Enter a real date for when it starts'),
  endsOn: optionalDate('Enter a real date for when it ends'),
  opensAt: clock('Enter the start time'),
  closesAt: clock('Enter the end time'),
  note: optionalLine('The note', 200),
});

/** A stored schedule the form cannot show, kept exactly as it is: its identity, and the slot it came from. */
export type KeepInput = { kind: 'keep'; key: string; slot: number };

/** What identifies a kept schedule in the form (see scheduleIdentity). */
export const KEEP_KEY = /^[0-9a-f]{16}$/;

export type ScheduleInput =
  | {
      kind: 'weekly';
      days: Weekday[];
      interval: number;
      startsOn: string | null;
      endsOn: string | null;
      opensAt: string;
      closesAt: string;
      note: string | null;
    }
  | {
      kind: 'monthly';
      nth: number;
      weekday: Weekday;
      startsOn: string | null;
      endsOn: string | null;
      opensAt: string;
      closesAt: string;
      note: string | null;
    }
  | {
      kind: 'monthly_day';
      monthDay: number;
      startsOn: string | null;
      endsOn: string | null;
      opensAt: string;
      closesAt: string;
      note: string | null;
    }
  | { kind: 'once'; date: string; opensAt: string; closesAt: string; note: string | null };

export const scheduleInput = scheduleShape
  .superRefine(
    (s, ctx) => {
      // Runs even when a field already failed, so every problem in the slot shows at once.
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const days = Array.isArray(s.days) ? s.days : [];
      if (s.kind === 'weekly' && days.length === 0) issue('days', 'Choose at least one day');
      if (s.kind === 'monthly') {
        if (!(NTH_VALUES as readonly string[]).includes(String(s.nth ?? ''))) issue('nth', 'Choose which week of the month');
        if (!(WEEKDAYS as readonly string[]).includes(String(s.weekday ?? ''))) issue('weekday', 'Choose a day');
      }
      if (s.kind === 'monthly_day' && (s.monthDay === null || s.monthDay === undefined || (s.monthDay as unknown) === '')) {
        issue('monthDay', 'Enter a day of the month from 1 to 31');
      }
      if (s.kind === 'once') {
        if (!s.date) issue('date', 'Enter the date');
        else if (!realDate(s.date)) issue('date', 'Enter a real date');
      }
      const clockOk = (v: unknown) => typeof v === 'string' && /^\d{2}:\d{2}$/.test(v);
      if (clockOk(s.opensAt) && clockOk(s.closesAt) && s.closesAt <= s.opensAt)
        issue('closesAt', 'The end time must be after the start time');
      if (
        s.kind !== 'once' &&
        typeof s.startsOn === 'string' &&
        typeof s.endsOn === 'string' &&
        s.startsOn &&
        s.endsOn &&
        s.endsOn < s.startsOn
      ) {
        issue('endsOn', 'The end date must be on or after the start date');
      }
    },
    { when: () => true },
  )
  .transform((s): ScheduleInput => {
    const common = { opensAt: s.opensAt, closesAt: s.closesAt, note: s.note };
    switch (s.kind) {
      case 'weekly':
        return {
          kind: 'weekly',
          days: WEEKDAYS.filter((d) => s.days.includes(d)),
          interval: s.interval,
          startsOn: s.startsOn,
          endsOn: s.endsOn,
          ...common,
        };
      case 'monthly':
        return {
          kind: 'monthly',
          nth: Number(s.nth),
          weekday: s.weekday as Weekday,
          startsOn: s.startsOn,
          endsOn: s.endsOn,
          ...common,
        };
      case 'monthly_day':
        return { kind: 'monthly_day', monthDay: s.monthDay!, startsOn: s.startsOn, endsOn: s.endsOn, ...common };
      case 'once':
        return { kind: 'once', date: s.date, ...common };
    }
  });

// ---------- the place ----------

/** A coordinate as typed (or set by the map): a decimal number, or blank. Whether it is in the UK is checked with both. */
const coordinate = (message: string) =>
  z.preprocess(
    (v) => {
      const s = str(v).trim();
      return s === '' ? null : s;
    },
    z
      .string()
      .regex(/^[+-]?\d{1,3}(\.\d+)?$/, message)
      .transform(Number)
      .nullable(),
  );

export const locationInput = z
  .object({
    name: optionalLine('The name of the place', 120),
    address1: optionalLine('Address line 1', 120),
    address2: optionalLine('Address line 2', 120),
    city: optionalLine('Town or city', 60),
    postcode: z.preprocess((v) => str(v).trim(), z.string()),
    latitude: coordinate('Enter the latitude as a number, like 51.41'),
    longitude: coordinate('Enter the longitude as a number, like -0.75'),
    accessibility: enumList(ACCESSIBILITY_FEATURES, 'Choose from the list'),
  })
  .superRefine((l, ctx) => {
    if (l.postcode !== '' && !normalisePostcode(l.postcode)) {
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: postcodeMessages.enterReal });
    }
    if ((l.latitude === null) !== (l.longitude === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [l.latitude === null ? 'latitude' : 'longitude'],
        message: 'Enter both the latitude and the longitude, or neither',
      });
    } else if (typeof l.latitude === 'number' && typeof l.longitude === 'number') {
      // The pin must be somewhere a group in a UK borough could meet.
      const problem = ukPositionProblem(l.latitude, l.longitude);
      if (problem) ctx.addIssue({ code: 'custom', path: ['latitude'], message: problem });
    }
  })
  .transform((l) => ({ ...l, postcode: l.postcode === '' ? null : normalisePostcode(l.postcode)! }));

export type LocationInput = z.output<typeof locationInput>;

export function locationIsBlank(l: LocationInput): boolean {
  return !l.name && !l.address1 && !l.address2 && !l.city && !l.postcode;
}

// ---------- the listing ----------

/**
 * The listing's schema. A draft (saved to finish later, not yet sent for checking or published)
 * needs only its name: what is filled in must be right, but nothing else has to be there yet.
 */
function listingSchema(draft: boolean) {
  const atLeastOne = <T extends z.ZodType>(item: T, message: string) =>
    z.preprocess(list, draft ? z.array(item) : z.array(item).min(1, message));
  return z
    .object({
      organisationId: z.uuid({ error: 'Choose the group that runs it' }),
      name: line('The name', 120, 'Enter the name of the activity'),
      description: z.preprocess(
        (v) => plainText(str(v)),
        (draft ? z.string() : z.string().min(1, 'Describe the activity')).superRefine(lengthLimit('The description', 4000)),
      ),
      needs: atLeastOne(z.string().regex(/^[a-z0-9-]{1,64}$/, 'Choose from the list'), 'Choose at least one thing it helps with'),
      minimumAge: optionalInt(0, 120, 'Enter an age from 0 to 120, in whole years'),
      maximumAge: optionalInt(0, 120, 'Enter an age from 0 to 120, in whole years'),
      eligibility: optionalText('Who can come', 500),
      // A draft may leave the question unanswered: it is then neither free nor priced yet.
      cost: draft
        ? z.enum(['free', 'paid', ''], { error: 'Say whether it is free' })
        : z.enum(['free', 'paid'], { error: 'Say whether it is free' }),
      costDescription: optionalLine('What it costs', 200),
      languages: z.preprocess(
        (v) => splitList(str(v)),
        z.array(z.string().max(40, 'Enter each language in 40 characters or fewer')).max(15, 'List up to 15 languages'),
      ),
      deliveryModes: atLeastOne(z.enum(DELIVERY_MODES, { error: 'Choose from the list' }), 'Choose how people take part'),
      accessMethods: atLeastOne(z.enum(ACCESS_METHODS, { error: 'Choose from the list' }), 'Choose how people can join'),
      url: z.preprocess((v) => str(v), z.string()),
      email: z.preprocess(
        (v) => plainLine(str(v)).toLowerCase(),
        z.union([
          z.literal(''),
          z.email({ error: 'Enter an email address in the correct format, like name@example.com' }).max(254),
        ]),
      ),
      phone: z.preprocess((v) => str(v), z.string()),
      contactName: optionalLine('The contact name', 100),
      status: z.enum(SERVICE_STATUSES, { error: 'Say whether it is running' }),
      alert: optionalLine('The notice', 300),
      capacityStatus: z.enum(CAPACITY_STATUSES, { error: 'Say whether it has space' }),
      capacitySpaces: optionalInt(0, 9999, 'Enter the number of spaces as a whole number, like 5'),
      location: locationInput,
      schedules: z.preprocess(
        (v) => (Array.isArray(v) ? v : []),
        z.array(scheduleInput).max(MAX_SCHEDULES, `Add up to ${MAX_SCHEDULES} times`),
      ),
    })
    .superRefine(
      (s, ctx) => {
        // Runs even when a field already failed (defensively: a failed field holds what was typed),
        // so the person sees every problem at once rather than in rounds.
        const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
        if (typeof s.minimumAge === 'number' && typeof s.maximumAge === 'number' && s.maximumAge < s.minimumAge) {
          issue(['maximumAge'], 'The oldest age must be the same as or more than the youngest');
        }
        if (s.cost === 'paid' && !s.costDescription && !draft) issue(['costDescription'], 'Say what it costs, like £2 a session');
        const url = typeof s.url === 'string' ? s.url : '';
        const phone = typeof s.phone === 'string' ? s.phone : '';
        const email = typeof s.email === 'string' ? s.email : '';
        if (url !== '' && normaliseUrl(url) === null) issue(['url'], 'Enter a web address, like www.example.org');
        if (phone !== '' && normalisePhone(phone) === null) issue(['phone'], 'Enter a UK phone number, like 01632 960 123');
        if (draft) return;
        if (url === '' && email === '' && phone === '')
          issue(['email'], 'Give at least one way to get in touch: an email address, a phone number or a website');
        if (Array.isArray(s.deliveryModes) && (s.deliveryModes as string[]).includes('in_person')) {
          const l = (s.location ?? {}) as Record<string, unknown>;
          if (!l.address1) issue(['location', 'address1'], 'Enter the first line of the address');
          if (!l.city) issue(['location', 'city'], 'Enter the town or city');
          if (!l.postcode) issue(['location', 'postcode'], 'Enter the postcode');
        }
      },
      { when: () => true },
    )
    .transform((s) => ({
      ...s,
      isFree: s.cost === 'free',
      costDescription: s.cost === 'free' ? null : s.costDescription,
      needs: [...new Set(s.needs)].sort(),
      url: s.url === '' ? null : normaliseUrl(s.url),
      email: s.email === '' ? null : s.email,
      phone: s.phone === '' ? null : normalisePhone(s.phone),
      capacitySpaces: s.capacityStatus === 'open' ? s.capacitySpaces : null,
      location: s.deliveryModes.includes('in_person') || !locationIsBlank(s.location) ? s.location : null,
    }));
}

export const listingInput = listingSchema(false);
const draftListingInput = listingSchema(true);

/** A listing as the editor saves it: each time either set in the form, or a stored one kept as it is. */
export type ListingInput = Omit<z.output<typeof draftListingInput>, 'schedules'> & {
  schedules: Array<ScheduleInput | KeepInput>;
};

// ---------- the form's raw values ----------

/** What the form posts, as strings, kept so a form with errors comes back as the person left it. */
export type ScheduleValues = {
  kind: string;
  days: string[];
  interval: string;
  nth: string;
  weekday: string;
  monthDay: string;
  date: string;
  startsOn: string;
  endsOn: string;
  opensAt: string;
  closesAt: string;
  note: string;
  /** kind "keep": the identity of the stored schedule kept as it is (the form cannot show it). */
  keep?: string;
  /** kind "keep": what to show for it, in words, with its next dates; null when it is no longer stored. Display only. */
  kept?: { text: string; next: string[] } | null;
  /** After "replace": the words of the stored schedule this slot replaces. Display only. */
  replaces?: string;
};

export type ListingValues = {
  organisationId: string;
  name: string;
  description: string;
  needs: string[];
  minimumAge: string;
  maximumAge: string;
  eligibility: string;
  cost: string;
  costDescription: string;
  languages: string;
  deliveryModes: string[];
  accessMethods: string[];
  url: string;
  email: string;
  phone: string;
  contactName: string;
  status: string;
  alert: string;
  capacityStatus: string;
  capacitySpaces: string;
  /**
   * The space as the editor was opened with it (capacityKey), posted back unchanged: a save where
   * the person left the space alone keeps what is stored, so it never undoes a one-tap change made
   * since (docs/decisions/0021).
   */
  capacityAsLoaded?: string;
  location: {
    name: string;
    address1: string;
    address2: string;
    city: string;
    postcode: string;
    latitude: string;
    longitude: string;
    accessibility: string[];
  };
  schedules: ScheduleValues[];
};

export function blankSchedule(): ScheduleValues {
  return {
    kind: 'weekly',
    days: [],
    interval: '1',
    nth: '',
    weekday: '',
    monthDay: '',
    date: '',
    startsOn: '',
    endsOn: '',
    opensAt: '',
    closesAt: '',
    note: '',
  };
}

export function blankListing(organisationId = ''): ListingValues {
  return {
    organisationId,
    name: '',
    description: '',
    needs: [],
    minimumAge: '',
    maximumAge: '',
    eligibility: '',
    cost: '',
    costDescription: '',
    languages: '',
    deliveryModes: [],
    accessMethods: [],
    url: '',
    email: '',
    phone: '',
    contactName: '',
    status: 'active',
    alert: '',
    capacityStatus: 'open',
    capacitySpaces: '',
    location: { name: '', address1: '', address2: '', city: '', postcode: '', latitude: '', longitude: '', accessibility: [] },
    schedules: [blankSchedule()],
  };
}

// Read as typed: a value too long for its field is refused with a message, never cut.
const formText = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};
const formList = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');

/** The editor's form as values: schedules are posted as `schedules.0.kind`, `schedules.0.days`, ... */
export function listingValuesFromForm(form: FormData): ListingValues {
  const count = Math.min(MAX_SCHEDULES + 1, Math.max(0, Number(formText(form, 'scheduleCount')) || 0));
  const schedules: ScheduleValues[] = [];
  for (let i = 0; i < count; i++) {
    const p = `schedules.${i}.`;
    schedules.push({
      kind: formText(form, `${p}kind`),
      days: formList(form, `${p}days`),
      interval: formText(form, `${p}interval`),
      nth: formText(form, `${p}nth`),
      weekday: formText(form, `${p}weekday`),
      monthDay: formText(form, `${p}monthDay`),
      date: formText(form, `${p}date`),
      startsOn: formText(form, `${p}startsOn`),
      endsOn: formText(form, `${p}endsOn`),
      opensAt: formText(form, `${p}opensAt`),
      closesAt: formText(form, `${p}closesAt`),
      note: formText(form, `${p}note`),
      ...(formText(form, `${p}keep`) ? { keep: formText(form, `${p}keep`) } : {}),
      ...(formText(form, `${p}replaces`) ? { replaces: formText(form, `${p}replaces`) } : {}),
    });
  }
  return {
    organisationId: formText(form, 'organisationId'),
    name: formText(form, 'name'),
    description: formText(form, 'description'),
    needs: formList(form, 'needs'),
    minimumAge: formText(form, 'minimumAge'),
    maximumAge: formText(form, 'maximumAge'),
    eligibility: formText(form, 'eligibility'),
    cost: formText(form, 'cost'),
    costDescription: formText(form, 'costDescription'),
    languages: formText(form, 'languages'),
    deliveryModes: formList(form, 'deliveryModes'),
    accessMethods: formList(form, 'accessMethods'),
    url: formText(form, 'url'),
    email: formText(form, 'email'),
    phone: formText(form, 'phone'),
    contactName: formText(form, 'contactName'),
    status: formText(form, 'status'),
    alert: formText(form, 'alert'),
    capacityStatus: formText(form, 'capacityStatus'),
    capacitySpaces: formText(form, 'capacitySpaces'),
    ...(form.has('capacityAsLoaded') ? { capacityAsLoaded: formText(form, 'capacityAsLoaded') } : {}),
    location: {
      name: formText(form, 'location.name'),
      address1: formText(form, 'location.address1'),
      address2: formText(form, 'location.address2'),
      city: formText(form, 'location.city'),
      postcode: formText(form, 'location.postcode'),
      latitude: formText(form, 'location.latitude'),
      longitude: formText(form, 'location.longitude'),
      accessibility: formList(form, 'location.accessibility'),
    },
    schedules,
  };
}

/** The space in a form's words, as one string: "open:5", "open:", "full:" (spaces count only when open). */
export function capacityKey(v: Pick<ListingValues, 'capacityStatus' | 'capacitySpaces'>): string {
  return `${v.capacityStatus}:${v.capacityStatus === 'open' ? v.capacitySpaces.trim() : ''}`;
}

/** Whether the person left the space as the form was opened with it. */
export function capacityUntouched(v: ListingValues): boolean {
  return v.capacityAsLoaded !== undefined && v.capacityAsLoaded === capacityKey(v);
}

/** A schedule slot the person left completely empty is not an error: it is ignored. */
export function isBlankSchedule(s: ScheduleValues): boolean {
  if (s.kind === 'keep') return false;
  return (
    !s.days.length &&
    !s.nth &&
    !s.weekday &&
    !s.monthDay &&
    !s.date &&
    !s.startsOn &&
    !s.endsOn &&
    !s.opensAt &&
    !s.closesAt &&
    !s.note
  );
}

/** The id of the control a message belongs to: `schedules.0.opensAt` -> `schedules-0-opensAt`. */
export function fieldId(path: readonly PropertyKey[]): string {
  return path.map(String).join('-');
}

export type { FieldErrors };

/** Every message for each field, keyed by the control's id (for the error summary links). */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  return issuesToErrors(issues, (path) => (path.length ? fieldId(path) : 'form')).fieldErrors;
}

export type ParsedListing = { ok: true; data: ListingInput } | { ok: false; fieldErrors: FieldErrors };

/**
 * Validates the form's values; empty schedule slots are dropped first, keeping their positions for
 * messages. A draft is checked for what is filled in, not for what is missing (listingSchema).
 */
export function parseListing(values: ListingValues, options: { draft?: boolean } = {}): ParsedListing {
  const filled = values.schedules.map((s, i) => ({ s, i })).filter(({ s }) => !isBlankSchedule(s));
  // Stored schedules kept as they are skip the form's checks: they are taken from the listing itself when saved.
  const kept = filled.filter(({ s }) => s.kind === 'keep');
  const typed = filled.filter(({ s }) => s.kind !== 'keep');
  const parsed = (options.draft ? draftListingInput : listingInput).safeParse({
    ...values,
    schedules: typed.map(({ s }) => s),
  });
  const extra: Record<string, string[]> = {};
  for (const { s, i } of kept) if (!KEEP_KEY.test(s.keep ?? '')) extra[`schedules-${i}-kind`] = ['Choose how often it happens'];
  if (filled.length > MAX_SCHEDULES) extra.schedules = [`Add up to ${MAX_SCHEDULES} times`];
  // Control and direction characters anywhere, line breaks outside the two boxes of several lines.
  Object.assign(extra, nestedCharacterErrors(values, ['description', 'eligibility']));
  if (parsed.success && Object.keys(extra).length === 0) {
    const times = [...parsed.data.schedules];
    const schedules = filled.map(({ s, i }): ScheduleInput | KeepInput =>
      s.kind === 'keep' ? { kind: 'keep', key: s.keep!, slot: i } : times.shift()!,
    );
    return { ok: true, data: { ...parsed.data, schedules } };
  }
  if (parsed.success) return { ok: false, fieldErrors: extra };
  // Point schedule messages back at the slot the person filled in.
  const remapped = parsed.error.issues.map((issue) =>
    issue.path[0] === 'schedules' && typeof issue.path[1] === 'number'
      ? { ...issue, path: ['schedules', typed[issue.path[1]]?.i ?? issue.path[1], ...issue.path.slice(2)] }
      : issue,
  );
  return { ok: false, fieldErrors: { ...fieldErrors(remapped), ...extra } };
}
