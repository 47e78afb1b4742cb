import { cx } from './cx';
import { Link, type Route } from './Link';

export type PaginationProps = {
  /** 1-based. */
  page: number;
  totalPages: number;
  /** Builds the link for a page. Or give `baseHref` (which may carry a query) and `pageParam`. */
  hrefFor?: (page: number) => Route;
  baseHref?: Route;
  pageParam?: string;
  /** Names the navigation landmark; give each one on a page its own. */
  label?: string;
};

/** Sets one query parameter on a relative or absolute URL, keeping the others. */
export function withPage(baseHref: string, pageParam: string, page: number): Route {
  const url = new URL(baseHref, 'http://x.invalid');
  if (page <= 1) url.searchParams.delete(pageParam);
  else url.searchParams.set(pageParam, String(page));
  const query = url.searchParams.toString();
  const sameOrigin = url.origin === 'http://x.invalid';
  // The page baseHref names, with another query.
  return `${sameOrigin ? '' : url.origin}${url.pathname}${query ? `?${query}` : ''}${url.hash}` as Route;
}

/** Which page numbers to show: the first, the last, the current and its neighbours, with gaps as null. */
export function pageWindow(page: number, totalPages: number): Array<number | null> {
  const wanted = new Set([1, totalPages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= totalPages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && n - last > 1) out.push(n - last === 2 ? last + 1 : null);
    out.push(n);
  }
  return out;
}

/** GOV.UK pagination with plain server links (works without JavaScript); the current page has aria-current. */
export function Pagination({ page, totalPages, hrefFor, baseHref, pageParam = 'page', label = 'Pagination' }: PaginationProps) {
  if (totalPages <= 1) return null;
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), totalPages);
  const href = hrefFor ?? ((n: number) => withPage(baseHref ?? '?', pageParam, n));
  return (
    <nav className="pagination" aria-label={label}>
      {current > 1 ? (
        <div className="pagination__prev">
          <Link href={href(current - 1)} rel="prev">
            Previous<span className="visually-hidden"> page</span>
          </Link>
        </div>
      ) : null}
      <ul className="pagination__list">
        {pageWindow(current, totalPages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} className="pagination__item pagination__item--ellipsis">
              {'\u22EF'}
            </li>
          ) : (
            <li key={n} className={cx('pagination__item', n === current && 'pagination__item--current')}>
              <Link
                className="pagination__link"
                href={href(n)}
                aria-label={`Page ${n}`}
                aria-current={n === current ? 'page' : undefined}
              >
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      {current < totalPages ? (
        <div className="pagination__next">
          <Link href={href(current + 1)} rel="next">
            Next<span className="visually-hidden"> page</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
