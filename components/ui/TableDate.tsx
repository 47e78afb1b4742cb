import { formatDate, formatTime } from '@/lib/format/dates';

type DateLike = Date | string | number;

/**
 * A date in a table: "23 November 2026" on a wide screen, "23 Nov 2026" on a phone, where the
 * table's rows are stacked (app/globals.css, .date-long and .date-short). With `time`, the time
 * follows ("at 2:30pm"). Only one of the two is ever shown, so a screen reader reads it once.
 */
export function TableDate({ value, dateOnly, time }: { value: DateLike | null | undefined; dateOnly?: boolean; time?: boolean }) {
  const long = formatDate(value, { dateOnly });
  if (!long) return null;
  const short = formatDate(value, { dateOnly, short: true });
  const at = time ? ` at ${formatTime(value)}` : '';
  if (long === short) return <>{`${long}${at}`}</>;
  return (
    <>
      <span className="date-long">{`${long}${at}`}</span>
      <span className="date-short">{`${short}${at}`}</span>
    </>
  );
}
