// Paging for the lists staff work through (triage queue, caseload, provider inbox, outbox).

/** Long enough to scan at a glance, short enough that a page stays quick to render and read. */
export const LIST_PAGE_SIZE = 25;

/** The 1-based page asked for in a query string: a positive whole number, else 1. */
export function requestedPage(raw: string | string[] | undefined): number {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(value) && value >= 1 ? Math.trunc(value) : 1;
}

export type PageOf = { page: number; totalPages: number; offset: number; size: number; total: number };

/** The page to show of `total` items: the last page when asked beyond it, so a stale link still shows something. */
export function pageOf(total: number, requested: number, size: number = LIST_PAGE_SIZE): PageOf {
  const totalPages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), totalPages);
  return { page, totalPages, offset: (page - 1) * size, size, total };
}

/** "Showing 26 to 50 of 104 referrals", or '' when everything fits on one page. */
export function showingText(p: PageOf, shown: number, plural: string): string {
  if (p.totalPages <= 1) return '';
  const first = p.offset + 1;
  return `Showing ${first.toLocaleString('en-GB')} to ${(p.offset + shown).toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} ${plural}`;
}
