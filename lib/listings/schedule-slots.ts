// A listing's schedules in each of their shapes: the stored row, the plain value a version keeps
// (dates as "YYYY-MM-DD", London calendar days), the shape lib/directory reads, and the editor's
// form slots (questions answered, or a schedule the questions cannot hold kept as it is).
import type { Prisma } from '@/lib/db/generated/client';
import { londonDay, weekdayOf, ymd } from '@/lib/directory/days';
import { formatDayDate, formatTimeRange } from '@/lib/directory/format';
import { nextOccurrences } from '@/lib/directory/recurrence';
import { toRrule, type ScheduleLike } from '@/lib/directory/schedule';
import { describeSchedule } from '@/lib/directory/schedule-words';
import { type WEEKDAYS, scheduleInput, type KeepInput, type ScheduleInput, type ScheduleValues } from './schema';

export type ScheduleSnapshot = {
  freq: 'WEEKLY' | 'MONTHLY' | 'ONCE';
  interval: number;
  byDay: string[];
  byMonthDay: number | null;
  rrule: string | null;
  dtstart: string | null;
  validFrom: string | null;
  validTo: string | null;
  opensAt: string;
  closesAt: string;
  description: string | null;
};

// ---------- dates ----------

export function dateKey(d: Date | null | undefined): string | null {
  if (!d) return null;
  return d.toISOString().slice(0, 10);
}

export function dateFromKey(key: string | null | undefined): Date | null {
  return key ? new Date(`${key}T00:00:00Z`) : null;
}

function dayKey(day: number): string {
  const { year, month, day: dd } = ymd(day);
  return `${year}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** Today's London date as "YYYY-MM-DD" (for date inputs' hints and minimums). */
export function todayKey(now: Date = new Date()): string {
  return dayKey(londonDay(now));
}

// ---------- schedules ----------

/**
 * The stored fields for one schedule. "Every other week" needs to know which weeks: the first
 * session date if given, otherwise the coming session's week (anchored one cycle back, so the
 * schedule does not read "from" a future date).
 */
export function scheduleFromInput(s: ScheduleInput, now: Date = new Date()): ScheduleSnapshot {
  const base = { opensAt: s.opensAt, closesAt: s.closesAt, description: s.note };
  let out: Omit<ScheduleSnapshot, 'rrule'>;
  switch (s.kind) {
    case 'once':
      out = {
        ...base,
        freq: 'ONCE',
        interval: 1,
        byDay: [],
        byMonthDay: null,
        dtstart: s.date,
        validFrom: s.date,
        validTo: s.date,
      };
      break;
    case 'weekly': {
      let dtstart = s.startsOn;
      if (!dtstart && s.interval > 1) {
        const today = londonDay(now);
        let d = today;
        while (!s.days.includes(weekdayOf(d) as (typeof WEEKDAYS)[number])) d++;
        dtstart = dayKey(d - 7 * s.interval);
      }
      out = {
        ...base,
        freq: 'WEEKLY',
        interval: s.interval,
        byDay: [...s.days],
        byMonthDay: null,
        dtstart,
        validFrom: s.startsOn,
        validTo: s.endsOn,
      };
      break;
    }
    case 'monthly':
      out = {
        ...base,
        freq: 'MONTHLY',
        interval: 1,
        byDay: [`${s.nth}${s.weekday}`],
        byMonthDay: null,
        dtstart: s.startsOn,
        validFrom: s.startsOn,
        validTo: s.endsOn,
      };
      break;
    case 'monthly_day':
      out = {
        ...base,
        freq: 'MONTHLY',
        interval: 1,
        byDay: [],
        byMonthDay: s.monthDay,
        dtstart: s.startsOn,
        validFrom: s.startsOn,
        validTo: s.endsOn,
      };
      break;
  }
  return { ...out, rrule: toRrule(scheduleLike(out)) };
}

/** The shape lib/directory reads (dates as Date). */
export function scheduleLike(s: Omit<ScheduleSnapshot, 'rrule'> & { rrule?: string | null }): ScheduleLike {
  return {
    freq: s.freq,
    interval: s.interval,
    byDay: s.byDay,
    byMonthDay: s.byMonthDay,
    rrule: s.rrule ?? null,
    dtstart: dateFromKey(s.dtstart),
    validFrom: dateFromKey(s.validFrom),
    validTo: dateFromKey(s.validTo),
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    description: s.description,
  };
}

type ScheduleRow = {
  freq: 'WEEKLY' | 'MONTHLY' | 'ONCE';
  interval: number;
  byDay: string[];
  byMonthDay: number | null;
  rrule: string | null;
  dtstart: Date | null;
  validFrom: Date | null;
  validTo: Date | null;
  opensAt: string;
  closesAt: string;
  description: string | null;
  notes?: string | null;
};

export function scheduleFromRow(r: ScheduleRow): ScheduleSnapshot {
  return {
    freq: r.freq,
    interval: r.interval,
    byDay: [...r.byDay],
    byMonthDay: r.byMonthDay,
    rrule: r.rrule,
    dtstart: dateKey(r.dtstart),
    validFrom: dateKey(r.validFrom),
    validTo: dateKey(r.validTo),
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    description: r.description ?? r.notes ?? null,
  };
}

export function scheduleData(s: ScheduleSnapshot): Omit<Prisma.ScheduleCreateManyInput, 'serviceId'> {
  return {
    freq: s.freq,
    interval: s.interval,
    byDay: s.byDay,
    byMonthDay: s.byMonthDay,
    rrule: s.rrule,
    timezone: 'Europe/London',
    dtstart: dateFromKey(s.dtstart),
    validFrom: dateFromKey(s.validFrom),
    validTo: dateFromKey(s.validTo),
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    description: s.description,
  };
}

/**
 * A stored schedule as the editor's form values: the nearest the form's questions can get. Only
 * right when editorCanShow(s); otherwise scheduleValues keeps the schedule as it is.
 */
export function approximateScheduleValues(s: ScheduleSnapshot): ScheduleValues {
  const v: ScheduleValues = {
    kind: 'weekly',
    days: [],
    interval: '1',
    nth: '',
    weekday: '',
    monthDay: '',
    date: '',
    startsOn: '',
    endsOn: '',
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    note: s.description ?? '',
  };
  if (s.freq === 'ONCE') return { ...v, kind: 'once', date: s.validFrom ?? s.dtstart ?? '' };
  const withN = s.byDay.map((code) => /^([+-]?\d)?([A-Z]{2})$/.exec(code)).filter((m): m is RegExpExecArray => m !== null);
  const endsOn = s.validTo ?? '';
  if (s.freq === 'WEEKLY') {
    const startsOn = s.validFrom ?? (s.interval > 1 ? (s.dtstart ?? '') : '');
    return {
      ...v,
      kind: 'weekly',
      days: withN.map((m) => m[2]),
      interval: String(Math.min(4, Math.max(1, s.interval))),
      startsOn,
      endsOn,
    };
  }
  const startsOn = s.validFrom ?? '';
  if (s.byMonthDay !== null) return { ...v, kind: 'monthly_day', monthDay: String(s.byMonthDay), startsOn, endsOn };
  const first = withN[0];
  return { ...v, kind: 'monthly', nth: first?.[1] ?? '', weekday: first?.[2] ?? '', startsOn, endsOn };
}

/** Who a stored schedule is, in the form: a hash of everything it holds (two 32-bit FNV-1a hashes). */
export function scheduleIdentity(s: ScheduleSnapshot): string {
  const text = JSON.stringify([
    s.freq,
    s.interval,
    s.byDay,
    s.byMonthDay,
    s.rrule,
    s.dtstart,
    s.validFrom,
    s.validTo,
    s.opensAt,
    s.closesAt,
    s.description,
  ]);
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x050c5d1f);
}

function scheduleWords(s: ScheduleSnapshot, now: Date): string {
  const text = describeSchedule(scheduleLike(s), now);
  return s.description ? `${text} (${s.description})` : text;
}

/** The next sessions of a stored schedule, as the editor lists them. */
export function scheduleNextDates(s: ScheduleSnapshot, count: number, now: Date): string[] {
  return nextOccurrences([scheduleLike(s)], count, now).map(
    (o) => `${formatDayDate(o.start)}, ${formatTimeRange(s.opensAt, s.closesAt)}`,
  );
}

/**
 * Can the editor's questions hold this schedule without changing it? It must read the same in
 * words, and give the same sessions for the next year or so, after a trip through the form.
 * Rules the form has no questions for (several weeks of the month, every other month, an
 * exception, a session past midnight...) cannot.
 */
export function editorCanShow(s: ScheduleSnapshot, now: Date = new Date()): boolean {
  const parsed = scheduleInput.safeParse(approximateScheduleValues(s));
  if (!parsed.success) return false;
  const back = scheduleFromInput(parsed.data, now);
  if (back.validTo !== s.validTo || scheduleWords(back, now) !== scheduleWords(s, now)) return false;
  const sessions = (x: ScheduleSnapshot) =>
    nextOccurrences([scheduleLike(x)], 30, now, 800)
      .map((o) => o.start.getTime())
      .join();
  return sessions(back) === sessions(s);
}

/** A stored schedule the form cannot show, as a slot that keeps it exactly as it is. */
export function keptScheduleValues(s: ScheduleSnapshot, now: Date = new Date()): ScheduleValues {
  return {
    kind: 'keep',
    days: [],
    interval: '',
    nth: '',
    weekday: '',
    monthDay: '',
    date: '',
    startsOn: '',
    endsOn: '',
    opensAt: '',
    closesAt: '',
    note: '',
    keep: scheduleIdentity(s),
    kept: { text: scheduleWords(s, now), next: scheduleNextDates(s, 3, now) },
  };
}

/** A stored schedule as the editor's form values: questions answered when the form can show it, kept as it is when not. */
export function scheduleValues(s: ScheduleSnapshot, now: Date = new Date()): ScheduleValues {
  return editorCanShow(s, now) ? approximateScheduleValues(s) : keptScheduleValues(s, now);
}

/** A kept slot names a schedule the listing no longer has (someone changed it since the form was opened). */
export class KeptScheduleMissing extends Error {
  constructor(readonly slot: number) {
    super(`The kept schedule in slot ${slot} is no longer stored`);
    this.name = 'KeptScheduleMissing';
  }
}

/** The stored fields for a form slot: a kept schedule is taken from the listing's own, unchanged. */
export function scheduleFromSlot(
  s: ScheduleInput | KeepInput,
  existing: readonly ScheduleSnapshot[],
  now: Date = new Date(),
): ScheduleSnapshot {
  if (s.kind !== 'keep') return scheduleFromInput(s, now);
  const found = existing.find((x) => scheduleIdentity(x) === s.key);
  if (!found) throw new KeptScheduleMissing(s.slot);
  return { ...found };
}
