import { Button } from '@/components/ui/Button';
import { Select, TextInput } from '@/components/ui/TextInput';
import { fieldErrorsOf } from '@/lib/forms/state';
import type { ReportContext } from '@/lib/reports/context';
import { PERIOD_PRESETS } from '@/lib/reports/filter';

/**
 * Period and ward, as a GET form: the URL holds the whole view, so it can be bookmarked, shared
 * and used without JavaScript.
 */
export function ReportFilters({
  context,
  action,
}: {
  context: Pick<ReportContext, 'period' | 'ward' | 'wards' | 'errors'>;
  action: string;
}) {
  const { period, ward, wards } = context;
  const errors = fieldErrorsOf(context.errors);
  return (
    <form method="get" action={action} className="report-filters no-print" aria-label="Choose the period and area">
      <div className="report-filters__row">
        <Select
          id="period"
          label="Period"
          options={PERIOD_PRESETS.map((p) => ({ value: p.value, label: p.label }))}
          defaultValue={period.preset}
          error={errors.period}
        />
        <TextInput
          id="from"
          type="date"
          label="From"
          hint="For custom dates"
          defaultValue={period.preset === 'custom' ? period.fromKey : ''}
          error={errors.from}
          width="10"
        />
        <TextInput
          id="to"
          type="date"
          label="To"
          hint="For custom dates"
          defaultValue={period.preset === 'custom' ? period.toKey : ''}
          error={errors.to}
          width="10"
        />
        <Select
          id="ward"
          label="Area"
          options={[{ value: '', label: 'All wards' }, ...wards.map((w) => ({ value: w.code, label: w.name }))]}
          defaultValue={ward?.code ?? ''}
          error={errors.ward}
        />
      </div>
      <Button variant="secondary">Show figures</Button>
    </form>
  );
}
