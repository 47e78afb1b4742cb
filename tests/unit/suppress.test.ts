import { describe, expect, it } from 'vitest';
import {
  canShowFiguresBuiltOn,
  canShowShare,
  countText,
  isSmall,
  suppressCount,
  suppressGrid,
  suppressList,
} from '@/lib/reports/suppress';

describe('primary suppression', () => {
  it('shows 1 to 4 as "<5" and everything else as a number', () => {
    expect([0, 1, 2, 3, 4, 5, 1234].map(suppressCount)).toEqual(['0', '<5', '<5', '<5', '<5', '5', '1,234']);
    expect([0, 1, 4, 5].map(isSmall)).toEqual([false, true, true, false]);
  });

  it('hides a figure built on fewer than 5 people, and a share built on a count from 1 to 4', () => {
    expect([0, 4, 5].map(canShowFiguresBuiltOn)).toEqual([false, false, true]);
    expect(canShowShare(3, 100)).toBe(false); // numerator small
    expect(canShowShare(0, 4)).toBe(false); // denominator small
    expect(canShowShare(0, 10)).toBe(true); // 0 of 10 names no one
    expect(canShowShare(7, 10)).toBe(true);
    expect(canShowShare(5, 0)).toBe(false);
  });

  it('says "Not shown" for a count hidden only to protect another', () => {
    expect(countText(12, 'secondary')).toBe('Not shown');
    expect(countText(3, 'primary')).toBe('<5');
    expect(countText(12, 'shown')).toBe('12');
  });
});

describe('secondary suppression', () => {
  it('leaves a table without totals alone apart from the small cells', () => {
    expect(
      suppressGrid([
        [3, 10],
        [20, 0],
      ]).cells,
    ).toEqual([
      ['primary', 'shown'],
      ['shown', 'shown'],
    ]);
  });

  it('hides the smallest other cell in a row whose total is shown', () => {
    // 3 + 10 + 20 = 33. With 3 hidden, 33 - 10 - 20 would give it away; hiding 10 as well leaves
    // "two cells that add up to 13", one of them from 1 to 4.
    const marks = suppressGrid([[3, 10, 20]], { rowTotals: true });
    expect(marks.cells).toEqual([['primary', 'secondary', 'shown']]);
    expect(marks.rowTotals).toEqual(['shown']);
  });

  it('hides one more cell in a column whose total is shown, skipping zeros', () => {
    // 3 + 0 + 12 + 7 = 22. Hiding a 0 would protect nothing (a blank that must be 0 is still 0).
    const list = suppressList([3, 0, 12, 7]);
    expect(list.cells).toEqual(['primary', 'shown', 'shown', 'secondary']);
    expect(list.total).toBe('shown');
  });

  it('follows a hidden cell into the columns and rows it touches, until no line has exactly one hidden', () => {
    //            a   b | row total
    //  row 0:    3   8 |  11
    //  row 1:    6   9 |  15
    //  total:    9  17 |  26
    // Row 0: 3 is small, so 8 goes too. Column 0 then has only 3 hidden: 6 goes. Column 1 has only 8
    // hidden: 9 goes. Every row and column now has two hidden cells: a + b = 11, a + c = 9,
    // c + d = 15, b + d = 17 has a solution for each a from 1 to 4, so none is given away.
    const marks = suppressGrid(
      [
        [3, 8],
        [6, 9],
      ],
      { rowTotals: true, columnTotals: true },
    );
    expect(marks.cells).toEqual([
      ['primary', 'secondary'],
      ['secondary', 'secondary'],
    ]);
    expect(marks.rowTotals).toEqual(['shown', 'shown']);
    expect(marks.columnTotals).toEqual(['shown', 'shown']);
    expect(marks.grandTotal).toBe('shown');
  });

  it('counts a hidden total as the second hidden entry of its line', () => {
    //  row 0:    3   6 |  9
    //  row 1:    0   7 |  7
    //  total:    3  13 | 16
    // 3 and its column total 3 are small. Row 0: 6 goes. The totals row (3, 13 | 16) has only the
    // small 3 hidden: 13 goes. Column 1 (6, 7 | 13) now has two hidden (6 and 13), so 7 stays:
    // a + b = 9 and b + 7 = hidden, a from 1 to 4, gives nothing away.
    const marks = suppressGrid(
      [
        [3, 6],
        [0, 7],
      ],
      { rowTotals: true, columnTotals: true },
    );
    expect(marks.cells).toEqual([
      ['primary', 'secondary'],
      ['shown', 'shown'],
    ]);
    expect(marks.rowTotals).toEqual(['shown', 'shown']);
    expect(marks.columnTotals).toEqual(['primary', 'secondary']);
    expect(marks.grandTotal).toBe('shown');
  });

  it('hides a zero cell when a line has no other non-zero cell, rather than its total', () => {
    //            a   b   c | total
    //  row 0:    0   9   3 |  12
    //  row 1:    8   3  11 |  22
    //  total:    8  12  14 |  34
    // The two 3s are small. Row 0: 9 goes (smallest other non-zero). Row 1: 8 goes. Column a is then
    // 0 and a hidden 8 with a total of 8, which gives the 8 away; the only other cell is the 0, so
    // it is hidden too (a reader cannot tell a hidden cell is 0). Column c: 11 goes. Every total
    // stays: a + g = 14, c + e + g = 22 with a and e from 1 to 4 has many solutions.
    const marks = suppressGrid(
      [
        [0, 9, 3],
        [8, 3, 11],
      ],
      { rowTotals: true, columnTotals: true },
    );
    expect(marks.cells).toEqual([
      ['secondary', 'secondary', 'primary'],
      ['secondary', 'primary', 'secondary'],
    ]);
    expect(marks.rowTotals).toEqual(['shown', 'shown']);
    expect(marks.columnTotals).toEqual(['shown', 'shown', 'shown']);
    expect(marks.grandTotal).toBe('shown');
  });

  it('hides a total only when its line has no other cell', () => {
    // One column with a total column: each row's total is the row's only cell.
    //  row 0:  3 |  3
    //  row 1:  8 |  8
    //  total: 11 | 11
    // 3 is small (and so is its row total). Column: 8 goes. Row 1 is then a hidden 8 with a total
    // of 8: nothing else to hide, so the total goes.
    const marks = suppressGrid([[3], [8]], { rowTotals: true, columnTotals: true });
    expect(marks.cells).toEqual([['primary'], ['secondary']]);
    expect(marks.rowTotals).toEqual(['primary', 'secondary']);
    expect(marks.columnTotals).toEqual(['shown']);
    expect(marks.grandTotal).toBe('shown');
  });

  it('never leaves exactly one hidden entry in any published line (random tables)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let t = 0; t < 300; t++) {
      const R = 1 + Math.floor(rand() * 5);
      const C = 1 + Math.floor(rand() * 5);
      const cells = Array.from({ length: R }, () =>
        Array.from({ length: C }, () => (rand() < 0.3 ? 0 : Math.floor(rand() * 12))),
      );
      const m = suppressGrid(cells, { rowTotals: true, columnTotals: true });
      const hidden = (x: string | undefined) => x !== 'shown';
      for (let r = 0; r < R; r++) {
        const n = m.cells[r].filter(hidden).length + (hidden(m.rowTotals![r]) ? 1 : 0);
        expect(n === 0 || n >= 2, `row ${r} of ${JSON.stringify(cells)}`).toBe(true);
      }
      for (let c = 0; c < C; c++) {
        const n = m.cells.filter((row) => hidden(row[c])).length + (hidden(m.columnTotals![c]) ? 1 : 0);
        expect(n === 0 || n >= 2, `column ${c} of ${JSON.stringify(cells)}`).toBe(true);
      }
      const totalsRow = m.columnTotals!.filter(hidden).length + (hidden(m.grandTotal) ? 1 : 0);
      const totalsCol = m.rowTotals!.filter(hidden).length + (hidden(m.grandTotal) ? 1 : 0);
      expect(totalsRow === 0 || totalsRow >= 2).toBe(true);
      expect(totalsCol === 0 || totalsCol >= 2).toBe(true);
      // Every count from 1 to 4 is hidden.
      cells.forEach((row, r) => row.forEach((v, c) => v >= 1 && v <= 4 && expect(m.cells[r][c]).toBe('primary')));
    }
  });
});
