import type { ReactNode } from 'react';
import { PageHeading } from '@/components/layout/PageHeading';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { InsetText } from '@/components/ui/InsetText';
import { formatDateTime } from '@/lib/format/dates';
import { fieldErrorsOf, hasErrors } from '@/lib/forms/state';
import type { ReportContext } from '@/lib/reports/context';
import { areaLabel, periodLabel, reportQueryString } from '@/lib/reports/filter';
import type { SectionSlug } from '@/lib/reports/table';
import { PrintButton } from './PrintButton';
import { ReportFilters } from './ReportFilters';
import { SectionNav } from './SectionNav';
import './reports.css';

const ERROR_ORDER = ['period', 'from', 'to', 'ward'];

/** What every report page shares: heading, period and area, filters, section links, privacy note. */
export function ReportFrame({
  context,
  current,
  title,
  lead,
  action,
  children,
}: {
  context: ReportContext;
  current: SectionSlug | 'overview';
  title: string;
  lead: string;
  action: string;
  children: ReactNode;
}) {
  const query = reportQueryString(context);
  const errors = { fieldErrors: fieldErrorsOf(context.errors) };
  return (
    <>
      {hasErrors(errors) ? (
        <ErrorSummary
          state={errors}
          order={ERROR_ORDER}
          description="These figures are for the last 12 months and all wards until the problem is fixed."
          disableAutoFocus
        />
      ) : null}
      <PageHeading caption={current === 'overview' ? undefined : 'Reports'}>{title}</PageHeading>
      <p className="body-l">{lead}</p>
      <p id="report-scope">
        <strong>Period:</strong> {periodLabel(context.period)}. <strong>Area:</strong> {areaLabel(context.ward)}.
      </p>
      <p className="report-meta body-s">
        {context.facts.refreshedAt
          ? `Figures about cases include everything recorded up to ${formatDateTime(context.facts.refreshedAt)}; they are brought up to date every 15 minutes. Figures about the directory and searches are live.`
          : 'Figures about cases are being brought up to date.'}
      </p>
      <ReportFilters context={context} action={action} />
      <SectionNav current={current} query={query} />
      {children}
      <InsetText>
        To protect people&apos;s privacy, a count from 1 to 4 shows as &ldquo;&lt;5&rdquo;, a share, rate or average built on one
        is not shown, and where a total would give a hidden count away one more count in that row or column is not shown either.
        No one is named anywhere in these reports.
      </InsetText>
      <PrintButton />
    </>
  );
}
