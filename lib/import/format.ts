// The bulk CSV: one row per listing, with its group and its place. Import and export use the same
// columns, so an export can be edited in a spreadsheet and imported again (rows are matched on
// their ids, so nothing is duplicated).
import { csvRow } from '@/lib/csv/write';
import { EXAMPLE_POSTCODE } from '@/lib/geo/postcode';
import { blankSchedule, type ScheduleValues } from '@/lib/listings/schema';
import { extendedRule } from '@/lib/directory/schedule';
import { scheduleLike, type ScheduleSnapshot } from '@/lib/listings/schedule-slots';

export type Column = { name: string; required: boolean; help: string; example: string };

export const COLUMNS: readonly Column[] = [
  {
    name: 'service_id',
    required: true,
    help: 'Your stable id for the listing. Importing the same id again updates that listing.',
    example: 'EB-WALK-001',
  },
  { name: 'organisation_id', required: true, help: 'Your stable id for the group that runs it.', example: 'EB-ORG-017' },
  { name: 'organisation_name', required: true, help: 'The group’s name.', example: 'Eastbrook Walkers' },
  {
    name: 'organisation_email',
    required: false,
    help: 'The group’s email address.',
    example: 'hello@eastbrookwalkers.example.org',
  },
  { name: 'organisation_phone', required: false, help: 'The group’s phone number.', example: '01632 960 111' },
  { name: 'organisation_website', required: false, help: 'The group’s website.', example: 'www.eastbrookwalkers.example.org' },
  { name: 'organisation_charity_number', required: false, help: 'Registered charity number.', example: '1234567' },
  { name: 'name', required: true, help: 'The activity’s name.', example: 'Tuesday Health Walk' },
  {
    name: 'description',
    required: true,
    help: 'What happens. Plain text; line breaks are kept.',
    example: 'A gentle walk round the park, then tea.',
  },
  {
    name: 'needs',
    required: true,
    help: 'Needs theme codes, separated by ; (see the list on this page).',
    example: 'physical-activity;loneliness',
  },
  { name: 'min_age', required: false, help: 'Youngest age, in years.', example: '18' },
  { name: 'max_age', required: false, help: 'Oldest age, in years.', example: '' },
  { name: 'eligibility', required: false, help: 'Who can come, in words.', example: '' },
  { name: 'free', required: true, help: 'yes or no.', example: 'yes' },
  { name: 'cost', required: false, help: 'What it costs, when free is no.', example: '' },
  { name: 'languages', required: false, help: 'Separated by ;', example: 'English' },
  { name: 'delivery', required: true, help: 'in_person, online, phone; separated by ;', example: 'in_person' },
  {
    name: 'access',
    required: true,
    help: 'self_refer, professional_referral, drop_in; separated by ;',
    example: 'drop_in;self_refer',
  },
  { name: 'contact_name', required: false, help: 'A person to ask for.', example: 'Jan' },
  { name: 'email', required: false, help: 'Contact email. At least one of email, phone, website.', example: 'walks@example.org' },
  { name: 'phone', required: false, help: 'Contact phone number.', example: '' },
  { name: 'website', required: false, help: 'Web page for the activity.', example: '' },
  { name: 'status', required: false, help: 'active (default), temporarily_closed or inactive.', example: 'active' },
  { name: 'capacity', required: false, help: 'open (default), waiting_list or full.', example: 'open' },
  { name: 'spaces', required: false, help: 'Spaces left, when open.', example: '' },
  { name: 'notice', required: false, help: 'A short notice for visitors.', example: '' },
  {
    name: 'location_id',
    required: false,
    help: 'Your stable id for the place; listings sharing a place share an id. Blank: one place per listing.',
    example: 'EB-PLACE-003',
  },
  { name: 'location_name', required: false, help: 'Name of the place.', example: 'Northfield Park gate' },
  { name: 'address_1', required: false, help: 'Needed for in-person activities.', example: '1 Park Road' },
  { name: 'address_2', required: false, help: '', example: '' },
  { name: 'town', required: false, help: 'Needed for in-person activities.', example: 'Eastbrook' },
  { name: 'postcode', required: false, help: 'Needed for in-person activities.', example: EXAMPLE_POSTCODE },
  { name: 'latitude', required: false, help: 'Blank: taken from the postcode.', example: '' },
  { name: 'longitude', required: false, help: 'Blank: taken from the postcode.', example: '' },
  {
    name: 'accessibility',
    required: false,
    help: 'step_free, hearing_loop, bsl, accessible_toilet, parking, changing_places, quiet_space; separated by ;',
    example: 'step_free',
  },
  {
    name: 'schedules',
    required: false,
    help: 'When it runs, separated by |. Each: a rule, the times, then an optional note. Rules: WEEKLY;BYDAY=TU or WEEKLY;INTERVAL=2;BYDAY=WE;START=2026-11-11 (every other week), MONTHLY;BYDAY=2TH (second Thursday; -1 for the last), MONTHLY;BYMONTHDAY=15, or a date 2026-12-05 for a one-off. UNTIL=2027-06-30 ends a series.',
    example: 'WEEKLY;BYDAY=TU 10:00-11:30 | 2026-12-22 10:00-12:00 Christmas walk',
  },
  {
    name: 'last_checked',
    required: false,
    help: 'When the details were last confirmed, YYYY-MM-DD. Blank: the day of the import.',
    example: '2026-11-01',
  },
];

export const COLUMN_NAMES = COLUMNS.map((c) => c.name);
export type CsvRecord = Record<string, string>;

/** The header and one example row; `needs` puts real needs codes in the example so it imports as it is. */
export function templateCsv(needs?: readonly string[]): string {
  return csvRow(COLUMN_NAMES) + csvRow(COLUMNS.map((c) => (c.name === 'needs' && needs?.length ? needs.join(';') : c.example)));
}

export const splitCodes = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const PART = /^(\S+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})(?:\s+(.+))?$/;

const IMPORTABLE_KEYS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'START', 'DTSTART', 'UNTIL', 'END']);

export type ScheduleParse = { ok: true; schedules: ScheduleValues[] } | { ok: false; error: string };

/** "WEEKLY;BYDAY=TU 10:00-11:30 | 2026-12-05 10:00-13:00 Christmas" -> form values for each time. */
export function parseScheduleText(text: string): ScheduleParse {
  const out: ScheduleValues[] = [];
  for (const raw of text
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = PART.exec(raw);
    if (!m)
      return {
        ok: false,
        error: `Write each time as a rule then the hours, like “WEEKLY;BYDAY=TU 10:00-11:30” (could not read “${raw.slice(0, 60)}”)`,
      };
    const [, rule, opensAt, closesAt, note] = m;
    const s: ScheduleValues = {
      ...blankSchedule(),
      opensAt: opensAt.padStart(5, '0'),
      closesAt: closesAt.padStart(5, '0'),
      note: note?.trim() ?? '',
    };
    if (ISO.test(rule)) {
      out.push({ ...s, kind: 'once', date: rule });
      continue;
    }
    const parts = rule.replace(/^RRULE:/i, '').split(';');
    const fields: Record<string, string> = {};
    let freq = '';
    for (const p of parts) {
      const [k, v] = p.split('=');
      if (v === undefined) freq = k.toUpperCase();
      else fields[k.toUpperCase()] = v.toUpperCase();
    }
    freq = fields.FREQ ?? freq;
    // Anything the import would have to leave out is refused, so a rule is never quietly simplified.
    const unknown = Object.keys(fields).find((k) => !IMPORTABLE_KEYS.has(k));
    if (unknown) {
      const what = unknown.startsWith('RRULE:') ? 'a second rule in one time (separate times with |)' : `${unknown} in a rule`;
      return {
        ok: false,
        error: `The import cannot take ${what} (in “${raw.slice(0, 60)}”): leave that time out, and the group can add it in the listing editor`,
      };
    }
    if (freq === 'MONTHLY' && (fields.INTERVAL ?? '1') !== '1') {
      return {
        ok: false,
        error: `A monthly time can only be every month (in “${raw.slice(0, 60)}”): leave INTERVAL out, or give the dates one by one`,
      };
    }
    const startsOn = fields.START ?? fields.DTSTART ?? '';
    const endsOn = fields.UNTIL ?? fields.END ?? '';
    if ((startsOn && !ISO.test(startsOn)) || (endsOn && !ISO.test(endsOn)))
      return { ok: false, error: `Write START and UNTIL dates as YYYY-MM-DD (in “${raw.slice(0, 60)}”)` };
    if (freq === 'WEEKLY') {
      const days = (fields.BYDAY ?? '').split(',').filter(Boolean);
      if (days.some((d) => !/^(MO|TU|WE|TH|FR|SA|SU)$/.test(d)))
        return { ok: false, error: `Use day codes MO, TU, WE, TH, FR, SA, SU (in “${raw.slice(0, 60)}”)` };
      out.push({ ...s, kind: 'weekly', days, interval: fields.INTERVAL ?? '1', startsOn, endsOn });
    } else if (freq === 'MONTHLY') {
      if (fields.BYMONTHDAY) {
        out.push({ ...s, kind: 'monthly_day', monthDay: fields.BYMONTHDAY, startsOn, endsOn });
      } else {
        const by = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(fields.BYDAY ?? '');
        if (!by)
          return {
            ok: false,
            error: `Give a monthly time as BYDAY=2TU (second Tuesday) or BYMONTHDAY=15 (in “${raw.slice(0, 60)}”)`,
          };
        out.push({ ...s, kind: 'monthly', nth: by[1], weekday: by[2], startsOn, endsOn });
      }
    } else {
      return { ok: false, error: `Start each time with WEEKLY, MONTHLY or a date (in “${raw.slice(0, 60)}”)` };
    }
  }
  return { ok: true, schedules: out };
}

/** The stored schedules in the same notation. */
export function formatScheduleText(list: readonly ScheduleSnapshot[]): string {
  return list
    .map((s) => {
      const hours = `${s.opensAt}-${s.closesAt}${s.description ? ` ${s.description.replace(/\|/g, '/')}` : ''}`;
      if (s.freq === 'ONCE') return `${s.validFrom ?? s.dtstart} ${hours}`;
      // A fuller rule (BYSETPOS, several rules, exceptions...) is written as stored, one line after
      // another, rather than cut down to what the columns below can say; importing it again is refused
      // with the line named, never simplified.
      if (s.rrule && extendedRule(scheduleLike(s))) return `${s.rrule.trim().replace(/\s*\r?\n\s*/g, ';')} ${hours}`;
      const parts: string[] = [s.freq];
      if (s.interval > 1) parts.push(`INTERVAL=${s.interval}`);
      if (s.byDay.length) parts.push(`BYDAY=${s.byDay.join(',')}`);
      if (s.byMonthDay !== null) parts.push(`BYMONTHDAY=${s.byMonthDay}`);
      const start = s.validFrom ?? (s.freq === 'WEEKLY' && s.interval > 1 ? s.dtstart : null);
      if (start) parts.push(`START=${start}`);
      if (s.validTo) parts.push(`UNTIL=${s.validTo}`);
      return `${parts.join(';')} ${hours}`;
    })
    .join(' | ');
}
