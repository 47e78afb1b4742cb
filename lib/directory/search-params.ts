import type { Route } from 'next';
import { z } from 'zod';
import { EXAMPLE_POSTCODE } from '@/lib/geo/postcode';
import {
  ACCESSIBILITY,
  DAYS,
  MODES,
  RADII,
  SORTS,
  TIMES,
  type DayName,
  type Mode,
  type Radius,
  type Sort,
  type TimeOfDay,
} from './vocab';

// The whole search lives in the URL (bookmarkable, shareable, works without JavaScript). Each
// field is parsed on its own so one bad value gives that field an error and keeps the rest.

export type SearchParams = {
  q: string;
  needs: string[];
  place: string;
  radius: Radius | null;
  age: number | null;
  free: boolean;
  days: DayName[];
  times: TimeOfDay[];
  access: string[];
  modes: Mode[];
  selfRefer: boolean;
  hasSpace: boolean;
  openToday: boolean;
  sort: Sort | null;
  page: number;
};

export type SearchField = keyof SearchParams;
export type SearchErrors = Partial<Record<SearchField, string>>;

export const emptySearch: SearchParams = {
  q: '',
  needs: [],
  place: '',
  radius: null,
  age: null,
  free: false,
  days: [],
  times: [],
  access: [],
  modes: [],
  selfRefer: false,
  hasSpace: false,
  openToday: false,
  sort: null,
  page: 1,
};

/** URL parameter for each field: short, readable, stable (people bookmark them). */
export const PARAM: Record<SearchField, string> = {
  q: 'q',
  needs: 'need',
  place: 'place',
  radius: 'radius',
  age: 'age',
  free: 'free',
  days: 'day',
  times: 'time',
  access: 'access',
  modes: 'mode',
  selfRefer: 'self',
  hasSpace: 'space',
  openToday: 'today',
  sort: 'sort',
  page: 'page',
};

type Raw = Record<string, string | string[] | undefined>;

const blankToUndefined = (v: unknown) =>
  typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v;
const many = (raw: string | string[] | undefined): string[] =>
  (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
const one = (raw: string | string[] | undefined): string | undefined => (Array.isArray(raw) ? raw[0] : raw);

const flag = z
  .preprocess(blankToUndefined, z.enum(['1', 'yes', 'true', 'on'], { error: 'Tick the box or leave it empty' }).optional())
  .transform(Boolean);

const fields = {
  q: z.preprocess(blankToUndefined, z.string().max(200, 'Enter 200 characters or fewer').optional()).transform((v) => v ?? ''),
  needs: z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'Choose needs from the list')).max(30, 'Choose fewer needs'),
  place: z
    .preprocess(blankToUndefined, z.string().max(100, `Enter a postcode, like ${EXAMPLE_POSTCODE}`).optional())
    .transform((v) => v ?? ''),
  radius: z
    .preprocess(blankToUndefined, z.coerce.number().optional())
    .refine((v) => v === undefined || (RADII as readonly number[]).includes(v), 'Choose a distance from the list')
    .transform((v) => (v === undefined ? null : (v as Radius))),
  age: z
    .preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'Enter an age in years, like 67' })
        .int('Enter an age in whole years, like 67')
        .min(0, 'Enter an age of 0 or more')
        .max(120, 'Enter an age of 120 or less')
        .optional(),
    )
    .transform((v) => v ?? null),
  free: flag,
  days: z.array(z.enum(DAYS, { error: 'Choose days from the list' })),
  times: z.array(z.enum(TIMES, { error: 'Choose a time of day from the list' })),
  access: z.array(z.enum(ACCESSIBILITY, { error: 'Choose accessibility features from the list' })),
  modes: z.array(z.enum(MODES, { error: 'Choose in person, online or by phone' })),
  selfRefer: flag,
  hasSpace: flag,
  openToday: flag,
  sort: z
    .preprocess(blankToUndefined, z.enum(SORTS, { error: 'Choose how to sort from the list' }).optional())
    .transform((v) => v ?? null),
  page: z
    .preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'Page must be a number' })
        .int('Page must be a whole number')
        .min(1, 'Page must be 1 or more')
        .max(10_000, 'Page must be 10,000 or less')
        .optional(),
    )
    .transform((v) => v ?? 1),
} satisfies Record<SearchField, z.ZodType>;

const MULTI: ReadonlySet<SearchField> = new Set<SearchField>(['needs', 'days', 'times', 'access', 'modes']);

/** Parses Next's `searchParams` (or URLSearchParams) into a search, with an error per bad field. */
export function parseSearchParams(input: Raw | URLSearchParams): { params: SearchParams; errors: SearchErrors } {
  const raw: Raw = input instanceof URLSearchParams ? toRaw(input) : input;
  const params: SearchParams = { ...emptySearch };
  const errors: SearchErrors = {};
  for (const key of Object.keys(fields) as SearchField[]) {
    const value = raw[PARAM[key]];
    const schema = fields[key] as z.ZodType;
    const parsed = schema.safeParse(MULTI.has(key) ? [...new Set(many(value))] : one(value));
    if (parsed.success) (params as Record<string, unknown>)[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? 'Check this answer';
  }
  return { params, errors };
}

function toRaw(sp: URLSearchParams): Raw {
  const out: Raw = {};
  for (const key of new Set(sp.keys())) {
    const all = sp.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** The URL query for a search; only fields that differ from the empty search are written. */
export function toQueryString(params: Partial<SearchParams>): `?${string}` | '' {
  const sp = new URLSearchParams();
  const p = { ...emptySearch, ...params };
  if (p.q) sp.set(PARAM.q, p.q);
  for (const n of p.needs) sp.append(PARAM.needs, n);
  if (p.place) sp.set(PARAM.place, p.place);
  if (p.radius !== null) sp.set(PARAM.radius, String(p.radius));
  if (p.age !== null) sp.set(PARAM.age, String(p.age));
  if (p.free) sp.set(PARAM.free, '1');
  for (const d of p.days) sp.append(PARAM.days, d);
  for (const t of p.times) sp.append(PARAM.times, t);
  for (const a of p.access) sp.append(PARAM.access, a);
  for (const m of p.modes) sp.append(PARAM.modes, m);
  if (p.selfRefer) sp.set(PARAM.selfRefer, '1');
  if (p.hasSpace) sp.set(PARAM.hasSpace, '1');
  if (p.openToday) sp.set(PARAM.openToday, '1');
  if (p.sort) sp.set(PARAM.sort, p.sort);
  if (p.page > 1) sp.set(PARAM.page, String(p.page));
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export function searchHref(params: Partial<SearchParams>): Route {
  return `/services${toQueryString(params)}`;
}

/** The sort actually used: distance when a place is given, best match for words, else A to Z. */
export function effectiveSort(params: Pick<SearchParams, 'sort' | 'q'>, hasOrigin: boolean): Sort | 'name' {
  if (params.sort === 'distance') return hasOrigin ? 'distance' : params.q ? 'relevance' : 'name';
  if (params.sort === 'relevance') return params.q ? 'relevance' : hasOrigin ? 'distance' : 'name';
  if (params.sort === 'updated') return 'updated';
  if (hasOrigin) return 'distance';
  return params.q ? 'relevance' : 'name';
}

/** Filters other than words and place, as stored in the anonymous search log. */
export function filtersForLog(p: SearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (p.needs.length) out.needs = p.needs;
  if (p.radius !== null) out.radius = p.radius;
  if (p.age !== null) out.age = p.age;
  if (p.free) out.free = true;
  if (p.days.length) out.days = p.days;
  if (p.times.length) out.times = p.times;
  if (p.access.length) out.access = p.access;
  if (p.modes.length) out.modes = p.modes;
  if (p.selfRefer) out.selfRefer = true;
  if (p.hasSpace) out.hasSpace = true;
  if (p.openToday) out.openToday = true;
  return out;
}

/** How many filters (not words or place) narrow the search; for "Clear filters (3)". */
export function filterCount(p: SearchParams): number {
  return (
    p.needs.length +
    (p.age !== null ? 1 : 0) +
    (p.free ? 1 : 0) +
    p.days.length +
    p.times.length +
    p.access.length +
    p.modes.length +
    (p.selfRefer ? 1 : 0) +
    (p.hasSpace ? 1 : 0) +
    (p.openToday ? 1 : 0)
  );
}
