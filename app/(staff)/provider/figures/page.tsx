import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { Link } from '@/components/ui/Link';
import { Table, type TableCell } from '@/components/ui/Table';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { Button, Select } from '@/components/ui';
import { cleanQuery } from '@/lib/forms';
import {
  chosenYear,
  FIGURE_DEFINITIONS,
  figureYears,
  financialYearLabel,
  memberOrganisationIds,
  providerFigures,
  type FigureCounts,
} from '@/lib/providers/figures';

export const metadata: Metadata = { title: 'Your figures for funding bids' };

const countHead: TableCell[] = [
  { content: 'Received', numeric: true },
  { content: 'Accepted', numeric: true },
  { content: 'Attended', numeric: true },
  { content: 'Completed', numeric: true },
];

function counts(c: FigureCounts): TableCell[] {
  return [c.received, c.accepted, c.attended, c.completed].map((n) => ({ content: formatNumber(n), numeric: true }));
}

function totalCounts(c: FigureCounts): TableCell[] {
  return [c.received, c.accepted, c.attended, c.completed].map((n) => ({
    content: <strong>{formatNumber(n)}</strong>,
    numeric: true,
  }));
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProviderFiguresPage({ searchParams }: Props) {
  const user = await requireRole('provider');
  const asked = cleanQuery(await searchParams).year;
  const organisationIds = await memberOrganisationIds(db(), user);
  const years = await figureYears(db(), organisationIds);
  const figures = await providerFigures(
    db(),
    organisationIds,
    new Date(),
    chosenYear(typeof asked === 'string' ? asked : undefined, years),
  );
  const period = `${formatDate(`${figures.from}T12:00:00Z`)} to ${formatDate(`${figures.to}T12:00:00Z`)}`;
  const csvHref = `/provider/figures/figures.csv?year=${figures.year}`;

  return (
    <>
      <p className="no-print">
        <Link href="/provider">Back to your listings and referrals</Link>
      </p>
      <PageHeading>Your figures for funding bids</PageHeading>
      {years.length > 1 ? (
        <form method="get" action="/provider/figures" className="no-print flex flex-wrap items-end gap-x-4">
          <Select
            id="year"
            label="Financial year"
            hint="April to March, as councils, the NHS and most funders count"
            defaultValue={String(figures.year)}
            options={years.map((y, i) => ({ value: String(y), label: `${financialYearLabel(y)}${i === 0 ? ' (so far)' : ''}` }))}
          />
          <div className="form-group">
            <Button variant="secondary">Show figures</Button>
          </div>
        </form>
      ) : null}
      <p>
        Referrals to your activities in the financial year {financialYearLabel(figures.year)}
        {figures.soFar ? ', so far' : ''}: {period}. These are counts of referrals only: they do not include anyone’s name or
        details.
      </p>

      {organisationIds.length === 0 ? (
        <p>Your account is not linked to a group yet, so there are no figures to show.</p>
      ) : figures.totals.received === 0 ? (
        <p>No referrals were sent to your activities in this period.</p>
      ) : (
        <>
          <h2 className="heading-m">What the figures mean</h2>
          <ul className="list-bullet">
            {Object.values(FIGURE_DEFINITIONS).map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          <p>
            Months are calendar months in UK time. A referral counts once, in the month it was sent, however far it has got since.
          </p>

          <p className="no-print">
            <a href={csvHref} download>
              Download CSV
            </a>{' '}
            (spreadsheet of both tables). To print a summary, use your browser’s “Print this page”: the menus and links are left
            out.
          </p>

          <Table
            caption="Referrals by month"
            head={['Month', ...countHead]}
            firstCellIsHeader
            rowKeys={[...figures.byMonth.map((m) => m.month), 'total']}
            rows={[
              ...figures.byMonth.map((m) => [m.label, ...counts(m)]),
              [<strong key="t">Total</strong>, ...totalCounts(figures.totals)],
            ]}
          />

          <Table
            caption="Referrals by activity"
            head={['Activity', 'Group', ...countHead]}
            firstCellIsHeader
            rowKeys={[...figures.byActivity.map((a) => a.serviceId), 'total']}
            rows={[
              ...figures.byActivity.map((a) => [a.name, a.organisationName, ...counts(a)]),
              [<strong key="t">Total</strong>, '', ...totalCounts(figures.totals)],
            ]}
          />
        </>
      )}
    </>
  );
}
