// A shortlist is a list of service ids held in the URL (/shortlist?ids=a,b) and mirrored in the
// browser's storage. The server never stores it.
import type { Route } from 'next';

export const SHORTLIST_MAX = 30;
export const SHORTLIST_STORAGE_KEY = 'directory-shortlist';
export const SHORTLIST_EVENT = 'directory-shortlist-change';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isServiceId(value: string): boolean {
  return UUID_RE.test(value);
}

/** Ids from a query value ("a,b" or ["a", "b"]): valid, unique, in order, at most SHORTLIST_MAX. */
export function parseShortlistIds(raw: string | string[] | null | undefined): string[] {
  const values = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const seen = new Set<string>();
  for (const v of values.flatMap((x) => x.split(/[,\s]+/))) {
    const id = v.trim().toLowerCase();
    if (isServiceId(id) && !seen.has(id)) seen.add(id);
    if (seen.size >= SHORTLIST_MAX) break;
  }
  return [...seen];
}

export function shortlistHref(ids: readonly string[]): Route {
  return ids.length ? `/shortlist?ids=${ids.join(',')}` : '/shortlist';
}

export function toggleId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(0, SHORTLIST_MAX);
}
