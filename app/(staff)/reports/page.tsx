import type { Metadata } from 'next';
import { after } from 'next/server';
import { FigureList } from '@/components/reports/FigureList';
import { ReportFrame } from '@/components/reports/ReportFrame';
import { ReportTableBlock } from '@/components/reports/ReportTableBlock';
import { Link, route } from '@/components/ui/Link';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { logError } from '@/lib/log/logger';
import { SECTIONS } from '@/lib/reports';
import { loadReportContext } from '@/lib/reports/context';
import { refreshReportFacts } from '@/lib/reports/facts';
import { reportQueryString } from '@/lib/reports/filter';
import { overviewFigures } from '@/lib/reports/sections/overview';
import { reportsDb } from '@/lib/reports/db';
import { figuresTable, type SectionSlug } from '@/lib/reports/table';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Reports' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ReportsPage({ searchParams }: { searchParams: Search }) {
  await requirePermission('reports.view');
  const context = await loadReportContext(db(), cleanQuery(await searchParams));
  if (context.facts.stale) after(() => refreshReportFacts(db()).catch((err) => logError(err, { where: 'reports refresh' })));
  const figures = await overviewFigures(reportsDb(), context.filter);
  const query = reportQueryString(context);
  const links = Object.fromEntries(figures.map((f) => [f.id, route(`/reports/${f.section}${query}`)]));

  return (
    <ReportFrame
      context={context}
      current="overview"
      title="Reports"
      lead="Unmet need, demand, waiting, outcomes, supply and equity, for the period and area you choose. Totals only: no one can be named from them."
      action="/reports"
    >
      <h2 className="heading-l">Headline figures</h2>
      <FigureList figures={figures} links={links} />
      <ReportTableBlock
        table={figuresTable({ slug: 'demand', title: 'Overview', figures })}
        csvHref={`/api/reports/overview/figures${query}`}
        screenOnly
      />
      <h2 className="heading-l">Reports</h2>
      <ul className="list">
        {Object.entries(SECTIONS).map(([slug, s]) => (
          <li key={slug} className="mb-4">
            <Link href={`/reports/${slug as SectionSlug}${query}`} className="font-bold">
              {s.title}
            </Link>
            <br />
            {s.blurb}
          </li>
        ))}
      </ul>
    </ReportFrame>
  );
}
