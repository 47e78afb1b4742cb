// CSV download of the signed-in provider's own referral figures (counts only, no people).
import { NextResponse } from 'next/server';
import { getSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { figuresCsvFileName, figuresCsvRows, memberOrganisationIds, providerFigures } from '@/lib/providers/figures';
import { toCsv } from '@/lib/csv/write';

export async function GET() {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ message: 'Sign in to download your figures.' }, { status: 401 });
  if (user.role !== 'provider')
    return NextResponse.json({ message: 'Only providers can download these figures.' }, { status: 403 });

  const organisationIds = await memberOrganisationIds(db(), user);
  const figures = await providerFigures(db(), organisationIds);
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
