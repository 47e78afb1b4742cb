// CSV download of one report table, for the period and area in the query string. Aggregates
// only, suppressed exactly as on the page.
import { NextResponse, type NextRequest } from 'next/server';
import { getSessionUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { buildSection, isSectionSlug, SECTIONS } from '@/lib/reports';
import { loadReportContext } from '@/lib/reports/context';
import { csvFileName, tableCsv } from '@/lib/reports/csv';
import { areaLabel, fileNamePart, periodLabel } from '@/lib/reports/filter';
import { overviewFigures } from '@/lib/reports/sections/overview';
import { reportsDb } from '@/lib/reports/db';
import { allTables, figuresTable, type ReportTable } from '@/lib/reports/table';
import { cleanSearchParams } from '@/lib/forms';

type Params = Promise<{ section: string; table: string }>;

export async function GET(request: NextRequest, { params }: { params: Params }) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ message: 'Sign in to download reports.' }, { status: 401 });
  if (!can(user, 'reports.view'))
    return NextResponse.json({ message: 'You do not have permission to download reports.' }, { status: 403 });

  const { section, table: tableId } = await params;
  if (section !== 'overview' && !isSectionSlug(section))
    return NextResponse.json({ message: 'There is no such report.' }, { status: 404 });

  const context = await loadReportContext(db(), Object.fromEntries(cleanSearchParams(request.nextUrl.searchParams)));
  let table: ReportTable | undefined;
  let title: string;
  if (section === 'overview') {
    const figures = await overviewFigures(reportsDb(), context.filter);
    title = 'Overview';
    table = tableId === 'figures' ? figuresTable({ slug: 'demand', title, figures }) : undefined;
  } else {
    const built = await buildSection(reportsDb(), section, context.filter);
    title = SECTIONS[section].title;
    table = allTables(built).find((t) => t.id === tableId);
  }
  if (!table) return NextResponse.json({ message: 'There is no such table in this report.' }, { status: 404 });

  const csv = tableCsv(table, periodLabel(context.period), areaLabel(context.ward), { bom: true });
  const name = csvFileName(section, table.id, fileNamePart(context));
  return new NextResponse(csv, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
      'X-Report-Title': encodeURIComponent(`${title}: ${table.title}`),
    },
  });
}
