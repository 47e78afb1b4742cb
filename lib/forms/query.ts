// The one reader of addresses' query parameters for pages and route handlers. A parameter has no
// field to show a message on, so characters no input takes (control and direction characters, see
// ./characters) are taken out: a crafted link gets an ordinary page, never a server error.
import { withoutRefusedCharacters } from './characters';

export type RawQuery = Record<string, string | string[] | undefined>;

/** A page's searchParams with every value cleaned; use it on `await searchParams` before reading. */
export function cleanQuery(raw: RawQuery): RawQuery {
  const out: RawQuery = {};
  for (const [name, value] of Object.entries(raw)) {
    const key = withoutRefusedCharacters(name);
    if (key === '') continue;
    out[key] = Array.isArray(value)
      ? value.map(withoutRefusedCharacters)
      : value === undefined
        ? undefined
        : withoutRefusedCharacters(value);
  }
  return out;
}

/** A route handler's URLSearchParams, cleaned the same way. */
export function cleanSearchParams(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of params) {
    const key = withoutRefusedCharacters(name);
    if (key !== '') out.append(key, withoutRefusedCharacters(value));
  }
  return out;
}

/** A parameter's first value, cleaned; undefined when absent. */
export function firstParam(query: RawQuery, name: string): string | undefined {
  const v = query[name];
  return Array.isArray(v) ? v[0] : v;
}
