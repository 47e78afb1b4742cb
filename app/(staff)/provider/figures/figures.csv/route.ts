// CSV download of the signed-in provider's own referral figures (counts only, no people).
import { NextResponse } from 'next/server';
import { getSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import {
  chosenYear,
  figureYears,
  figuresCsvFileName,
  figuresCsvRows,
  memberOrganisationIds,
  providerFigures,
} from '@/lib/providers/figures';
import { toCsv } from '@/lib/csv/write';

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ message: 'Sign in to download your figures.' }, { status: 401 });
  if (user.role !== 'provider')
    return NextResponse.json({ message: 'Only providers can download these figures.' }, { status: 403 });

  const organisationIds = await memberOrganisationIds(db(), user);
  const years = await figureYears(db(), organisationIds);
  const asked = new URL(request.url).searchParams.get('year') ?? undefined;
  const figures = await providerFigures(db(), organisationIds, new Date(), chosenYear(asked, years));
  const csv = toCsv(figuresCsvRows(figures), { bom: true });
  return new NextResponse(csv, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${figuresCsvFileName(figures)}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
