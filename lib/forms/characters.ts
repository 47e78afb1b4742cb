// Characters no form or address takes: C0 control characters (NUL breaks PostgreSQL text and the
// pages that show it) and the Unicode direction overrides and isolates, which make text read
// differently from what is stored ("Trojan Source"). Tab and line breaks are ordinary in a box of
// several lines and refused in a one-line box. Refused with a message, never removed unseen;
// parseForm and cleanQuery (./query.ts) apply this to every input. Pure, for client components too.
import type { FieldErrors, FormValues } from './state';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const TAB_OR_BREAK = /[\t\r\n]/;
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANY_REFUSED = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

export const CONTROL_CHARACTER_MESSAGE =
  'This answer has hidden control characters in it, which we cannot accept. Delete them (they often come from copying and pasting) and try again';
export const DIRECTION_CHARACTER_MESSAGE =
  'This answer has hidden characters that change the direction of the text. Delete them (they often come from copying and pasting) and try again';
export const LINE_BREAK_MESSAGE = 'Enter this answer on one line, without line breaks or tabs';

/** What is wrong with a value's characters, if anything. `multiline` boxes may hold tabs and line breaks. */
export function characterProblem(value: string, multiline = false): string | undefined {
  if (CONTROL.test(value)) return CONTROL_CHARACTER_MESSAGE;
  if (DIRECTION.test(value)) return DIRECTION_CHARACTER_MESSAGE;
  if (!multiline && TAB_OR_BREAK.test(value)) return LINE_BREAK_MESSAGE;
  return undefined;
}

/** A message for each posted field whose characters are refused; names in `multiline` are boxes of several lines. */
export function characterErrors(values: FormValues, multiline: readonly string[] = []): FieldErrors {
  const errors: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      const problem = characterProblem(v, multiline.includes(name));
      if (problem) {
        errors[name] = [problem];
        break;
      }
    }
  }
  return errors;
}

/**
 * As characterErrors, for values in nested objects and lists (a listing's location, its schedule
 * slots): each message is keyed by the path joined with `separator` (`schedules-0-note`); `multiline`
 * names the last part of a path (`note`).
 */
export function nestedCharacterErrors(value: unknown, multiline: readonly string[] = [], separator = '-'): FieldErrors {
  const flat: FormValues = {};
  const last: Record<string, string> = {};
  const walk = (v: unknown, path: string[]) => {
    if (typeof v === 'string') {
      const key = path.join(separator);
      flat[key] = v;
      last[key] = path[path.length - 1] ?? '';
    } else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      const key = path.join(separator);
      flat[key] = v as string[];
      last[key] = path[path.length - 1] ?? '';
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, String(i)]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  return characterErrors(
    flat,
    Object.keys(flat).filter((k) => multiline.includes(last[k]!)),
  );
}

/** A value with every refused character taken out (for addresses, which have no field to show a message on). */
export function withoutRefusedCharacters(value: string): string {
  return value.replace(ANY_REFUSED, '');
}

export function hasRefusedCharacters(value: string): boolean {
  ANY_REFUSED.lastIndex = 0;
  const found = ANY_REFUSED.test(value);
  ANY_REFUSED.lastIndex = 0;
  return found;
}
