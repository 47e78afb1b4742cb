import { describe, expect, it } from 'vitest';
import { pageOf, requestedPage, showingText } from '@/lib/paging/pages';

describe('paging', () => {
  it('reads the page asked for, falling back to 1 for anything that is not a positive number', () => {
    expect(requestedPage('3')).toBe(3);
    expect(requestedPage(['2', '5'])).toBe(2);
    expect(requestedPage('2.7')).toBe(2);
    for (const bad of [undefined, '', '0', '-4', 'abc', 'Infinity']) expect(requestedPage(bad)).toBe(1);
  });

  it('clamps to the last page and works out the offset', () => {
    expect(pageOf(104, 2)).toEqual({ page: 2, totalPages: 5, offset: 25, size: 25, total: 104 });
    expect(pageOf(104, 9)).toMatchObject({ page: 5, offset: 100 });
    expect(pageOf(0, 3)).toMatchObject({ page: 1, totalPages: 1, offset: 0 });
    expect(pageOf(50, 2, 25)).toMatchObject({ page: 2, totalPages: 2, offset: 25 });
  });

  it('says which items are shown, only when there is more than one page', () => {
    expect(showingText(pageOf(104, 2), 25, 'referrals')).toBe('Showing 26 to 50 of 104 referrals');
    expect(showingText(pageOf(104, 5), 4, 'referrals')).toBe('Showing 101 to 104 of 104 referrals');
    expect(showingText(pageOf(1_234, 1), 25, 'cases')).toBe('Showing 1 to 25 of 1,234 cases');
    expect(showingText(pageOf(20, 1), 20, 'cases')).toBe('');
  });
});
