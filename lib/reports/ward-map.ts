// The ward map beside the table of unmet need per 1,000 people by ward. It is drawn from that
// table's published values (after suppression), never from the query's raw counts, so it shows
// exactly what the table shows and nothing more: a ward whose count or rate is hidden gets the
// same fixed, hatched circle whatever its number.
import type { WardCentre } from './sql/ward-centres';
import { SUPPRESSED_TEXT } from './suppress';
import type { ReportTable } from './table';

/** How many shades the rates are banded into. */
export const BAND_COUNT = 4;
/** Viridis in four steps, light (low) to dark (high): told apart with the common forms of colour blindness, and in greyscale. */
export const BAND_COLOURS = ['#fde725', '#35b779', '#31688e', '#440154'] as const;
/** Radius in screen pixels of a circle at the top of the scale; circle area is in proportion to the rate. */
export const MAX_RADIUS = 28;
/** Every ward whose number is hidden is drawn this size. */
export const HIDDEN_RADIUS = 9;
/** A ward with none recorded: a small hollow ring. */
export const NONE_RADIUS = 4;
/** So that a rate far below the top of the scale still shows as a dot. */
const MIN_RADIUS = 2;

export type WardMapBand = { label: string; colour: string };

export type WardMapWard = {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  /** 'rate': sized and shaded by its rate; 'none': none recorded; 'hidden': count or rate not shown. */
  kind: 'rate' | 'none' | 'hidden';
  /** Index into `bands` ('rate' only). */
  band: number | null;
  /** Circle radius in pixels. */
  radius: number;
  /** The ward's figures in words, as the table shows them (the circle's tooltip). */
  description: string;
};

export type WardMap = {
  /** One line: what the map shows (a details/summary beside it, and docs/measures.md). */
  definition: string;
  wards: WardMapWard[];
  /** Wards in the table that cannot be placed (no postcodes held for them). */
  leftOff: string[];
  /** Shades, lowest first; none when no ward has a rate to shade. */
  bands: WardMapBand[];
  /** Circles for the legend: a rate and the radius it is drawn with. */
  sizes: { label: string; radius: number }[];
};

/** Candidate band widths in tenths (0.1, 0.2, 0.5, 1, 2, 2.5, 5, 10, ...): every band edge is a round number. */
function niceStepTenths(maxTenths: number): number {
  const target = maxTenths / BAND_COUNT;
  for (let scale = 1; ; scale *= 10) {
    for (const m of scale === 1 ? [1, 2, 5] : [1, 2, 2.5, 5]) {
      const step = m * scale;
      if (step >= target) return step;
    }
  }
}

const fmt = (tenths: number) => String(tenths / 10);

/** The table's ward rows as circles at their wards' centres. `table` is the by-ward table (count, population, rate). */
export function buildWardMap(
  table: Pick<ReportTable, 'columns' | 'rows'>,
  centres: readonly WardCentre[],
  definition: string,
): WardMap {
  const col = (key: string) => table.columns.findIndex((c) => c.key === key);
  const [iCount, iPopulation, iRate] = [col('n'), col('population'), col('rate')];
  const at = new Map(centres.map((c) => [c.wardId, c]));
  const wardRows = table.rows.filter((r) => !r.total && r.key !== 'unknown');

  // The scale: from the rates the table shows, never from hidden ones.
  const shownTenths = wardRows
    .map((r) => r.values[iRate]?.value)
    .filter((v): v is number => typeof v === 'number' && v > 0)
    .map((v) => Math.round(v * 10));
  const maxTenths = Math.max(0, ...shownTenths);
  const step = maxTenths > 0 ? niceStepTenths(maxTenths) : 0;
  const top = step * BAND_COUNT;
  const bands: WardMapBand[] = step
    ? BAND_COLOURS.map((colour, i) => ({
        colour,
        label:
          i === 0
            ? `More than 0, under ${fmt(step)}`
            : i === BAND_COUNT - 1
              ? `${fmt(i * step)} to ${fmt(top)}`
              : `${fmt(i * step)} to under ${fmt((i + 1) * step)}`,
      }))
    : [];
  const radiusFor = (tenths: number) => Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt(tenths / top));
  const sizes = step
    ? [top, top / 2, top / 4].map((t) => ({ label: `${fmt(t)} per 1,000 people`, radius: Math.round(radiusFor(t) * 10) / 10 }))
    : [];

  const wards: WardMapWard[] = [];
  const leftOff: string[] = [];
  for (const r of wardRows) {
    const centre = at.get(r.key);
    if (!centre) {
      leftOff.push(r.label);
      continue;
    }
    const count = r.values[iCount];
    const population = r.values[iPopulation];
    const rate = r.values[iRate];
    const place = { id: r.key, name: r.label, latitude: centre.latitude, longitude: centre.longitude };
    if (count.value === 0 && rate?.value === 0) {
      wards.push({
        ...place,
        kind: 'none',
        band: null,
        radius: NONE_RADIUS,
        description: `${r.label}: none recorded (0 per 1,000 people).`,
      });
    } else if (typeof count.value === 'number' && typeof rate?.value === 'number') {
      const tenths = Math.round(rate.value * 10);
      wards.push({
        ...place,
        kind: 'rate',
        band: Math.min(BAND_COUNT - 1, Math.floor(tenths / step)),
        radius: Math.round(radiusFor(tenths) * 10) / 10,
        description: `${r.label}: ${count.text} items recorded, ${rate.text} per 1,000 people (${population.text} people).`,
      });
    } else {
      const why =
        count.text === SUPPRESSED_TEXT
          ? 'fewer than 5 recorded, so the rate is not shown'
          : count.value === null
            ? 'the number is not shown, so that the total cannot give a smaller one away, and nor is the rate'
            : `${count.text} recorded; no population figure, so no rate`;
      wards.push({ ...place, kind: 'hidden', band: null, radius: HIDDEN_RADIUS, description: `${r.label}: ${why}.` });
    }
  }
  // Big circles first, so smaller ones are drawn on top of them.
  wards.sort((a, b) => b.radius - a.radius || a.name.localeCompare(b.name));
  return { definition, wards, leftOff, bands, sizes };
}
