import { Link, route, type Route } from '@/components/ui/Link';
import { SECTION_TITLES } from '@/lib/reports/section-titles';
import type { SectionSlug } from '@/lib/reports/table';

/** Links between the reports, keeping the period and ward chosen. */
export function SectionNav({ current, query }: { current: SectionSlug | 'overview'; query: `?${string}` | '' }) {
  const items: { slug: SectionSlug | 'overview'; href: Route; text: string }[] = [
    { slug: 'overview', href: route(`/reports${query}`), text: 'Overview' },
    ...Object.entries(SECTION_TITLES).map(([slug, s]) => ({
      slug: slug as SectionSlug,
      href: route(`/reports/${slug}${query}`),
      text: s.title,
    })),
  ];
  return (
    <nav className="report-nav no-print" aria-label="Reports">
      <ul className="report-nav__list">
        {items.map((item) => (
          <li key={item.slug} className="report-nav__item">
            <Link href={item.href} className="report-nav__link" aria-current={item.slug === current ? 'page' : undefined}>
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
