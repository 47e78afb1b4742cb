import { Table } from '@/components/ui';
import { ons4Questions } from '@/lib/cases/labels';
import type { Ons4Row } from '@/lib/cases/ons4';
import type { CasePage } from '@/lib/cases/view';

const directionText = { better: 'Better', worse: 'Worse', same: 'No change' } as const;

/** "+2", "-5", "0". */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');

function changeText(row: Pick<Ons4Row, 'change' | 'direction'>): string {
  return row.change === null || row.direction === null
    ? 'Cannot compare'
    : `${signed(row.change)} (${directionText[row.direction]})`;
}

const score = (n: number | null) => (n === null ? 'Not answered' : String(n));

/** For a closed case: the wellbeing answers at the start and at closing, side by side. */
export function Wellbeing({ page }: { page: CasePage }) {
  if (page.case.status !== 'closed') return null;
  const ons4 = page.ons4;
  return (
    <>
      <h2 className="heading-l" id="wellbeing">
        Wellbeing before and after
      </h2>
      {!ons4 ? (
        <p>No closing wellbeing scores were recorded, so there is nothing to compare.</p>
      ) : (
        <>
          <p>
            The first answer to each ONS4 question, and the answer at closing. For anxiety a lower score is better. The total is
            out of 40, with anxiety counted the other way round (10 minus the score).
          </p>
          <Table
            caption="ONS4 wellbeing scores before and after"
            captionHidden
            firstCellIsHeader
            head={[
              'Question',
              { content: 'Before', numeric: true },
              { content: 'After', numeric: true },
              { content: 'Change', numeric: true },
            ]}
            rowKeys={[...ons4.rows.map((r) => r.key), 'total']}
            rows={[
              ...ons4.rows.map((r) => [
                ons4Questions.find((q) => q.key === r.key)!.short,
                { content: score(r.before), numeric: true },
                { content: score(r.after), numeric: true },
                { content: changeText(r), numeric: true },
              ]),
              [
                'Total (out of 40)',
                { content: ons4.total ? String(ons4.total.before) : 'Not all answered', numeric: true },
                { content: ons4.total ? String(ons4.total.after) : 'Not all answered', numeric: true },
                { content: ons4.total ? changeText(ons4.total) : 'Cannot compare', numeric: true },
              ],
            ]}
          />
        </>
      )}
    </>
  );
}
