import 'server-only';
import { Prisma, type Tx } from '@/lib/db/client';
import { milesToMetres } from '@/lib/geo/distance';
import { dayOf, londonDay, weekdayOf, ymd } from './days';
import { inSearchSql } from './listed';
import type { TimeOfDay } from './vocab';

// The directory search: one parameterised query (words, needs, place, filters, sort, page and the
// total). Every value reaches PostgreSQL as a bind parameter; only whitelisted fragments are
// chosen in code.

export type SearchSort = 'relevance' | 'distance' | 'updated' | 'name';

export type SearchQuery = {
  q: string;
  needs: string[];
  origin: { latitude: number; longitude: number } | null;
  radiusMiles: number | null;
  age: number | null;
  free: boolean;
  /** Weekday codes: MO, TU, ... */
  days: string[];
  times: TimeOfDay[];
  access: string[];
  modes: string[];
  selfRefer: boolean;
  hasSpace: boolean;
  openToday: boolean;
  sort: SearchSort;
  page: number;
  pageSize: number;
  now: Date;
  hideAfterMonths: number;
  /** More conditions on the service `s` and its organisation `o` (the open data API's filters). */
  extra?: Prisma.Sql[];
};

export type SearchRow = {
  id: string;
  rank: number;
  /** Metres from the search's place to the nearest location; null without a place or a location. */
  distanceMetres: number | null;
  locationId: string | null;
  latitude: number | null;
  longitude: number | null;
};

export type SearchPage = { total: number; rows: SearchRow[] };

/** Lower case, accents kept (the database removes them), punctuation to spaces. */
export function normaliseWords(q: string): string {
  return q
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'"\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

const TIME_RANGES: Record<TimeOfDay, [string, string]> = {
  morning: ['00:00', '12:00'],
  afternoon: ['12:00', '17:00'],
  evening: ['17:00', '24:00'],
};

/** Today's facts in London, for "open today": the date, weekday and its place in the month. */
export function todayFacts(now: Date) {
  const today = londonDay(now);
  const { year, month, day } = ymd(today);
  const code = weekdayOf(today);
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const isoDow = ((today + 3) % 7) + 1; // 1 = Monday
  return {
    date: new Date(today * 86_400_000),
    code,
    nth: `${Math.ceil(day / 7)}${code}`,
    last: `-${Math.ceil((dim - day + 1) / 7)}${code}`,
    dayOfMonth: day,
    /** The day counted from the month's end, as a negative BYMONTHDAY counts it (-1 is the last day). */
    dayFromEnd: day - dim - 1,
    monday: new Date((today - (isoDow - 1)) * 86_400_000),
    monthIndex: year * 12 + (month - 1),
    epochMonday: new Date(dayOf(1970, 1, 5) * 86_400_000),
  };
}

const sql = Prisma.sql;
const empty = Prisma.empty;
const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, ' AND ') : sql`TRUE`);

// A schedule's local time as a time, or NULL when the text is not a valid clock time (a bad row
// must not break every search).
const opens = sql`(CASE WHEN sc."opensAt" ~ '^([01]?[0-9]|2[0-3]):[0-5][0-9]$' THEN sc."opensAt"::time END)`;
const closesRaw = sql`(CASE WHEN sc."closesAt" ~ '^(([01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)$' THEN sc."closesAt"::time END)`;
const closes = sql`(CASE WHEN ${closesRaw} IS NULL OR ${closesRaw} <= ${opens} THEN '24:00'::time ELSE ${closesRaw} END)`;

function scheduleConditions(q: SearchQuery, today: ReturnType<typeof todayFacts>): Prisma.Sql | null {
  const parts: Prisma.Sql[] = [];
  if (q.days.length) {
    parts.push(sql`(
      (sc."freq" IN ('WEEKLY', 'MONTHLY') AND EXISTS (
        SELECT 1 FROM unnest(sc."byDay") AS b(code) WHERE right(b.code, 2) = ANY(${q.days}::text[])))
      OR (sc."freq" = 'WEEKLY' AND cardinality(sc."byDay") = 0 AND coalesce(sc."dtstart", sc."validFrom") IS NOT NULL
          AND (ARRAY['MO','TU','WE','TH','FR','SA','SU'])[extract(isodow FROM coalesce(sc."dtstart", sc."validFrom"))::int] = ANY(${q.days}::text[]))
      OR (sc."freq" = 'ONCE'
          AND (ARRAY['MO','TU','WE','TH','FR','SA','SU'])[extract(isodow FROM coalesce(sc."validFrom", sc."dtstart"))::int] = ANY(${q.days}::text[]))
    )`);
  }
  if (q.times.length) {
    // A session counts for a part of the day when it starts in it or spends at least an hour in it.
    const each = q.times.map((t) => {
      const [from, to] = TIME_RANGES[t];
      return sql`((${opens} >= ${from}::time AND ${opens} < ${to}::time)
        OR (LEAST(${closes}, ${to}::time) - GREATEST(${opens}, ${from}::time)) >= interval '60 minutes')`;
    });
    parts.push(sql`(${opens} IS NOT NULL AND (${Prisma.join(each, ' OR ')}))`);
  }
  if (q.openToday) {
    const anchor = sql`coalesce(sc."dtstart", sc."validFrom")`;
    // The same rules as lib/directory/recurrence: a series starts at the later of its start date
    // and valid-from date; weekdays and a day of the month together narrow each other (RFC 5545).
    parts.push(sql`(
      coalesce(sc."validFrom", sc."dtstart", ${today.date}::date) <= ${today.date}::date
      AND (sc."freq" = 'ONCE' OR sc."dtstart" IS NULL OR sc."dtstart" <= ${today.date}::date)
      AND (
        (sc."freq" = 'ONCE' AND coalesce(sc."validFrom", sc."dtstart") = ${today.date}::date)
        OR (sc."freq" = 'WEEKLY'
            AND (${today.code} = ANY(sc."byDay")
                 OR (cardinality(sc."byDay") = 0 AND ${anchor} IS NOT NULL AND extract(isodow FROM ${anchor}) = extract(isodow FROM ${today.date}::date)))
            AND (sc."interval" <= 1 OR mod(mod(
                  (${today.monday}::date - coalesce(${anchor} - (extract(isodow FROM ${anchor})::int - 1), ${today.epochMonday}::date)) / 7,
                  sc."interval") + sc."interval", sc."interval") = 0))
        OR (sc."freq" = 'MONTHLY'
            AND (((cardinality(sc."byDay") > 0 OR sc."byMonthDay" IS NOT NULL)
                  AND (cardinality(sc."byDay") = 0 OR sc."byDay" && ARRAY[${today.code}, ${today.nth}, ${today.last}]::text[])
                  AND (sc."byMonthDay" IS NULL OR sc."byMonthDay" IN (${today.dayOfMonth}, ${today.dayFromEnd})))
                 OR (cardinality(sc."byDay") = 0 AND sc."byMonthDay" IS NULL AND ${anchor} IS NOT NULL AND extract(day FROM ${anchor}) = ${today.dayOfMonth}))
            AND (sc."interval" <= 1 OR mod(mod(
                  ${today.monthIndex}::int - coalesce((extract(year FROM ${anchor}) * 12 + extract(month FROM ${anchor}) - 1)::int, 1970 * 12),
                  sc."interval") + sc."interval", sc."interval") = 0))
      )
    )`);
  }
  if (!parts.length) return null;
  return sql`EXISTS (
    SELECT 1 FROM "Schedule" sc
    WHERE sc."serviceId" = s."id"
      AND (sc."validTo" IS NULL OR sc."validTo" >= ${today.date}::date)
      AND (sc."freq" <> 'ONCE' OR coalesce(sc."validFrom", sc."dtstart") >= ${today.date}::date)
      AND ${and(parts)}
  )`;
}

/** Builds the query; exported so the benchmark can time exactly the SQL the page runs. */
export function buildSearchSql(q: SearchQuery): Prisma.Sql {
  const words = normaliseWords(q.q);
  const hasWords = words.length > 0;
  const today = todayFacts(q.now);
  const origin = q.origin;
  const radiusM = origin && q.radiusMiles ? milesToMetres(q.radiusMiles) : null;
  const point = origin ? sql`ll_to_earth(${origin.latitude}::float8, ${origin.longitude}::float8)` : null;

  const where: Prisma.Sql[] = [...inSearchSql(q.now, q.hideAfterMonths), ...(q.extra ?? [])];

  // Words: the services found by full text, by a name like the words (typos), or by a theme the
  // words point at. Each arm can use its own index; the union is the candidate list.
  const themeHit = sql`EXISTS (SELECT 1 FROM "ServiceTaxonomy" st WHERE st."serviceId" = s."id" AND st."termId" IN (SELECT id FROM themes))`;
  // Within a radius the nearby services are few, so each is checked; otherwise the words lead.
  const wordsLead = hasWords && !(q.origin && q.radiusMiles);
  if (wordsLead) where.push(sql`s."id" IN (SELECT id FROM text_hits)`);
  else if (hasWords) where.push(sql`(s."searchVector" @@ words.tsq OR nh.sim >= 0.6 OR ${themeHit})`);
  // Needs: any of the chosen themes, or a theme under one of them.
  const withNeeds = q.needs.length
    ? sql`need_terms AS MATERIALIZED (
        SELECT t."id" FROM "TaxonomyTerm" t LEFT JOIN "TaxonomyTerm" parent ON parent."id" = t."parentId"
        WHERE t."code" = ANY(${q.needs}::text[]) OR parent."code" = ANY(${q.needs}::text[])
      ),`
    : sql``;
  if (q.needs.length) {
    where.push(
      sql`EXISTS (SELECT 1 FROM "ServiceTaxonomy" st WHERE st."serviceId" = s."id" AND st."termId" IN (SELECT "id" FROM need_terms))`,
    );
  }
  if (q.age !== null) {
    where.push(
      sql`(s."minimumAge" IS NULL OR s."minimumAge" <= ${q.age}::int) AND (s."maximumAge" IS NULL OR s."maximumAge" >= ${q.age}::int)`,
    );
  }
  if (q.free) where.push(sql`s."isFree"`);
  if (q.modes.length) where.push(sql`s."deliveryModes" && ${q.modes}::text[]::"DeliveryMode"[]`);
  if (q.selfRefer) where.push(sql`s."accessMethods" && ARRAY['self_refer', 'drop_in']::"AccessMethod"[]`);
  if (q.hasSpace) {
    where.push(
      sql`s."status" = 'active' AND s."capacityStatus" = 'open' AND (s."capacitySpaces" IS NULL OR s."capacitySpaces" > 0)`,
    );
  }
  if (q.openToday) where.push(sql`s."status" = 'active'`);
  const schedule = scheduleConditions(q, today);
  if (schedule) where.push(schedule);

  // With a place, each service is measured to its nearest location (with the accessibility asked
  // for), computed once for all services rather than row by row.
  const nearbyFilters: Prisma.Sql[] = [sql`l."latitude" IS NOT NULL`, sql`l."longitude" IS NOT NULL`];
  if (q.access.length) nearbyFilters.push(sql`l."accessibility" @> ${q.access}::text[]`);
  if (point && radiusM !== null) {
    nearbyFilters.push(sql`earth_box(${point}, ${radiusM}::float8) @> ll_to_earth(l."latitude", l."longitude")`);
    nearbyFilters.push(sql`earth_distance(${point}, ll_to_earth(l."latitude", l."longitude")) <= ${radiusM}::float8`);
  }
  // Each location is measured once, then each service takes its nearest location.
  const withNearby = point
    ? sql`located AS MATERIALIZED (
        SELECT l."id", l."latitude", l."longitude", earth_distance(${point}, ll_to_earth(l."latitude", l."longitude")) AS distance
        FROM "Location" l
        WHERE ${and(nearbyFilters)}
      ),
      nearby AS MATERIALIZED (
        SELECT DISTINCT ON (sal."serviceId") sal."serviceId" AS service_id, lo."id", lo."latitude", lo."longitude", lo.distance
        FROM located lo JOIN "ServiceAtLocation" sal ON sal."locationId" = lo."id"
        ORDER BY sal."serviceId", lo.distance, lo."id"
      ),`
    : sql``;

  // Services with no place at all that run online or by phone are useful wherever you are. Within a
  // radius the candidates are the nearby services plus those, so the search starts from the GiST index.
  const withPlaceless =
    point && radiusM !== null && !q.access.length
      ? sql`placeless AS MATERIALIZED (
          SELECT s0."id" FROM "Service" s0
          WHERE NOT EXISTS (SELECT 1 FROM "ServiceAtLocation" sal0 WHERE sal0."serviceId" = s0."id")
        ),`
      : empty;
  // Within a radius the search starts from the nearby (and placeless) services; otherwise from all.
  const fromCandidates = point !== null && (radiusM !== null || q.access.length > 0);
  const withCandidates = fromCandidates
    ? sql`candidates AS MATERIALIZED (
        SELECT service_id, "id", "latitude", "longitude", distance FROM nearby
        ${withPlaceless === empty ? empty : sql`UNION ALL SELECT p0."id", NULL::uuid, NULL::float8, NULL::float8, NULL::float8 FROM placeless p0 WHERE p0."id" NOT IN (SELECT service_id FROM nearby)`}
      ),`
    : sql``;
  if (fromCandidates && withPlaceless !== empty) {
    where.push(sql`(nb."id" IS NOT NULL OR s."deliveryModes" && ARRAY['online', 'phone']::"DeliveryMode"[])`);
  } else if (!point && q.access.length) {
    where.push(sql`EXISTS (
      SELECT 1 FROM "ServiceAtLocation" sal2 JOIN "Location" l2 ON l2."id" = sal2."locationId"
      WHERE sal2."serviceId" = s."id" AND l2."accessibility" @> ${q.access}::text[])`);
  }

  // ts_rank weighs the name (A) over themes and organisation (B) and the description (C); a name
  // found by trigram similarity (a typo) adds its similarity; a theme the words point at adds a little.
  const rank = hasWords
    ? sql`(ts_rank('{0.1, 0.2, 0.4, 1.0}', coalesce(s."searchVector", ''::tsvector), words.tsq)
          + CASE WHEN nh.sim >= 0.6 THEN 0.6 * nh.sim ELSE 0 END
          + CASE WHEN ${themeHit} THEN 0.3 ELSE 0 END)`
    : sql`0::float8`;

  const orderFor = (a: Prisma.Sql) =>
    ({
      relevance: sql`${a}.rank DESC, ${a}.distance ASC NULLS LAST, ${a}.name ASC, ${a}.id`,
      distance: sql`${a}.distance ASC NULLS LAST, ${a}.rank DESC, ${a}.name ASC, ${a}.id`,
      updated: sql`${a}."updatedAt" DESC, ${a}.name ASC, ${a}.id`,
      name: sql`${a}.name ASC, ${a}.id`,
    })[q.sort];

  const withWords = hasWords
    ? sql`words AS MATERIALIZED (
        SELECT websearch_to_tsquery('english', public.immutable_unaccent(${words})) AS tsq,
               lower(public.immutable_unaccent(${words})) AS phrase
      ),
      themes AS MATERIALIZED (
        -- Needs themes the words point at: a synonym ("lonely"), or the theme's own name, even misspelt
        -- ("dementa" is close enough to the synonym "dementia"; short words must match exactly).
        SELECT t."id" FROM "TaxonomyTerm" t, words
        WHERE EXISTS (
                SELECT 1 FROM unnest(t."synonyms") AS syn(word)
                WHERE (' ' || words.phrase || ' ') LIKE ('% ' || lower(public.immutable_unaccent(syn.word)) || ' %')
                   OR (length(syn.word) >= 5 AND strict_word_similarity(lower(public.immutable_unaccent(syn.word)), words.phrase) >= 0.5))
           OR (' ' || words.phrase || ' ') LIKE ('% ' || lower(public.immutable_unaccent(t."name")) || ' %')
           OR (length(words.phrase) >= 5 AND strict_word_similarity(words.phrase, lower(public.immutable_unaccent(t."name"))) >= 0.6)
      ),
      ${
        wordsLead
          ? sql`name_hits AS MATERIALIZED (
        SELECT s2."id", word_similarity((SELECT phrase FROM words), lower(public.immutable_unaccent(s2."name"))) AS sim
        FROM "Service" s2 WHERE (SELECT phrase FROM words) <% lower(public.immutable_unaccent(s2."name"))
      ),
      text_hits AS MATERIALIZED (
        SELECT s1."id" FROM "Service" s1 WHERE s1."searchVector" @@ (SELECT tsq FROM words)
        UNION
        SELECT "id" FROM name_hits
        UNION
        SELECT st."serviceId" FROM "ServiceTaxonomy" st WHERE st."termId" IN (SELECT id FROM themes)
      ),`
          : empty
      }`
    : sql``;

  const limit = Math.max(0, Math.min(100, q.pageSize));
  const offset = Math.max(0, (q.page - 1) * limit);

  // Without a place, the location (for the map) is looked up for the page's rows only.
  const pageLocation = point
    ? sql`p."locationId", p."latitude", p."longitude"`
    : sql`loc."id" AS "locationId", loc."latitude", loc."longitude"`;
  const pageLocationJoin = point
    ? empty
    : sql`LEFT JOIN LATERAL (
        SELECT l."id", l."latitude", l."longitude"
        FROM "ServiceAtLocation" sal JOIN "Location" l ON l."id" = sal."locationId"
        WHERE sal."serviceId" = p."id" AND l."latitude" IS NOT NULL AND l."longitude" IS NOT NULL
          ${q.access.length ? sql`AND l."accessibility" @> ${q.access}::text[]` : empty}
        ORDER BY l."id" LIMIT 1
      ) loc ON TRUE`;

  return sql`
    WITH ${withWords} ${withNeeds} ${withNearby} ${withPlaceless} ${withCandidates}
    matches AS (
      SELECT s."id", s."name", s."updatedAt", ${rank} AS rank,
             ${point ? sql`nb.distance, nb."id" AS "locationId", nb."latitude", nb."longitude"` : sql`NULL::float8 AS distance`}
      FROM "Service" s
      JOIN "Organisation" o ON o."id" = s."organisationId"
      ${hasWords ? sql`CROSS JOIN words` : empty}
      ${
        wordsLead
          ? sql`LEFT JOIN name_hits nh ON nh."id" = s."id"`
          : hasWords
            ? sql`CROSS JOIN LATERAL (SELECT word_similarity(words.phrase, lower(public.immutable_unaccent(s."name"))) AS sim) nh`
            : empty
      }
      ${fromCandidates ? sql`JOIN candidates nb ON nb.service_id = s."id"` : point ? sql`LEFT JOIN nearby nb ON nb.service_id = s."id"` : empty}
      WHERE ${and(where)}
    ),
    page AS (
      SELECT m.* FROM matches m ORDER BY ${orderFor(sql`m`)} LIMIT ${limit} OFFSET ${offset}
    )
    SELECT (SELECT count(*) FROM matches)::int AS total,
           p."id", p.rank::float8 AS rank, p.distance::float8 AS distance, ${pageLocation}
    FROM (SELECT 1) one LEFT JOIN page p ON TRUE
    ${pageLocationJoin}
    ORDER BY ${orderFor(sql`p`)}`;
}

type RawRow = {
  total: number;
  id: string | null;
  rank: number | null;
  distance: number | null;
  locationId: string | null;
  latitude: number | null;
  longitude: number | null;
};

export async function searchServices(db: Tx, q: SearchQuery): Promise<SearchPage> {
  const raw = await db.$queryRaw<RawRow[]>(buildSearchSql(q));
  const total = raw[0]?.total ?? 0;
  const rows = raw
    .filter((r) => r.id !== null)
    .map((r) => ({
      id: r.id!,
      rank: Number(r.rank ?? 0),
      distanceMetres: r.distance === null ? null : Number(r.distance),
      locationId: r.locationId,
      latitude: r.latitude,
      longitude: r.longitude,
    }));
  return { total: Number(total), rows };
}
