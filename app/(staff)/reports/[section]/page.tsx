import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { after } from 'next/server';
import { FigureList } from '@/components/reports/FigureList';
import { ReportFrame } from '@/components/reports/ReportFrame';
import { ReportTableBlock } from '@/components/reports/ReportTableBlock';
import { requirePermission } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { logError } from '@/lib/log/logger';
import { buildSection, isSectionSlug, SECTIONS } from '@/lib/reports';
import { loadReportContext } from '@/lib/reports/context';
import { refreshReportFacts } from '@/lib/reports/facts';
import { reportQueryString } from '@/lib/reports/filter';
import { reportsDb } from '@/lib/reports/db';
import { figuresTable } from '@/lib/reports/table';
import { cleanQuery } from '@/lib/forms';

type Params = Promise<{ section: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { section } = await params;
  return { title: isSectionSlug(section) ? `${SECTIONS[section].title} - Reports` : 'Reports' };
}

export default async function ReportSectionPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  await requirePermission('reports.view');
  const { section: slug } = await params;
  if (!isSectionSlug(slug)) notFound();
  const context = await loadReportContext(db(), cleanQuery(await searchParams));
  if (context.facts.stale) after(() => refreshReportFacts(db()).catch((err) => logError(err, { where: 'reports refresh' })));
  const section = await buildSection(reportsDb(), slug, context.filter);
  const query = reportQueryString(context);
  const csv = (tableId: string) => `/api/reports/${slug}/${tableId}${query}`;
  const mapTiles = { url: config.map.tileUrl, attribution: config.map.attribution };

  return (
    <ReportFrame context={context} current={slug} title={section.title} lead={section.summary} action={`/reports/${slug}`}>
      <FigureList figures={section.figures} />
      <ReportTableBlock table={figuresTable(section)} csvHref={csv('figures')} screenOnly />
      {section.tables.map((t) => (
        <ReportTableBlock key={t.id} table={t} csvHref={csv(t.id)} mapTiles={mapTiles} />
      ))}
    </ReportFrame>
  );
}
