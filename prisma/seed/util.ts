import { createHash } from 'node:crypto';
import { TZDate } from '@date-fns/tz';

// ---------- deterministic identifiers ----------

const NAMESPACE = 'eastbrook-demo-seed';

/** A name-based UUID (version 5 layout, SHA-1 of a namespace and a stable key): same key, same id. */
export function sid(kind: string, key: string | number): string {
  const h = createHash('sha1').update(`${NAMESPACE}:${kind}:${key}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

// ---------- deterministic randomness ----------

function seedFrom(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32LE(0);
}

/** A small seeded generator (mulberry32) with the helpers the seed needs. */
export class Rng {
  private state: number;
  constructor(key: string) {
    this.state = seedFrom(key) >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }
  /** k distinct items, order kept random. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const out: T[] = [];
    while (out.length < k && copy.length > 0) {
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    }
    return out;
  }
  normal(mean = 0, sd = 1): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Log-normal with the given median. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }
}

/** Fills {key} placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!(k in values)) throw new Error(`no value for {${k}} in "${template}"`);
    return values[k];
  });
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------- time, relative to a fixed anchor ----------

export const TIME_ZONE = 'Europe/London';
const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export type DayCode = (typeof DAY_CODES)[number];

/**
 * Times in the seed are "day offsets" from the anchor's London calendar date: 0 is the anchor's
 * day, -1 the day before, and the fraction is the local time of day. `Clock` turns them into
 * instants and calendar dates, so the same anchor always gives the same rows.
 */
export class Clock {
  readonly anchor: Date;
  private readonly y: number;
  private readonly m: number;
  private readonly d: number;
  /** Weekday of the anchor's day (0 Sunday). */
  readonly weekday: number;
  /** The anchor's local time of day as a fraction of a day. */
  readonly nowT: number;

  constructor(anchor: Date) {
    this.anchor = anchor;
    const local = new TZDate(anchor.getTime(), TIME_ZONE);
    this.y = local.getFullYear();
    this.m = local.getMonth();
    this.d = local.getDate();
    this.weekday = local.getDay();
    this.nowT = (local.getHours() * 60 + local.getMinutes()) / 1440;
  }

  /** The instant of day offset `t` (fractional days, local wall time). */
  at(t: number): Date {
    const day = Math.floor(t);
    const minutes = Math.min(1439, Math.round((t - day) * 1440));
    const local = new TZDate(this.y, this.m, this.d + day, Math.floor(minutes / 60), minutes % 60, TIME_ZONE);
    return new Date(local.getTime());
  }

  /** The calendar date of day offset `t`, as a UTC-midnight Date (for @db.Date columns). */
  date(t: number): Date {
    return new Date(Date.UTC(this.y, this.m, this.d + Math.floor(t)));
  }

  weekdayOf(t: number): number {
    return (((this.weekday + Math.floor(t)) % 7) + 7) % 7;
  }

  dayCode(t: number): DayCode {
    return DAY_CODES[this.weekdayOf(t)];
  }

  isWeekend(t: number): boolean {
    const w = this.weekdayOf(t);
    return w === 0 || w === 6;
  }

  /** Moves `t` to the next working day if it falls on a weekend (keeping the time of day). */
  toWorkingDay(t: number): number {
    let out = t;
    while (this.isWeekend(out)) out += 1;
    return out;
  }

  /** Adds working days (Monday to Friday). */
  addWorkingDays(t: number, days: number): number {
    let out = t;
    let left = days;
    while (left > 0) {
      out += 1;
      if (!this.isWeekend(out)) left -= 1;
    }
    return out;
  }

  /** True when `t` is at or before the anchor. */
  past(t: number): boolean {
    return t <= this.nowT;
  }
}

/** A time of day within working hours, as a fraction of a day. */
export function workHours(rng: Rng, from = 9, to = 17): number {
  return (from * 60 + rng.int(0, (to - from) * 60 - 1)) / 1440;
}
