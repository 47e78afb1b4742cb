/** "1,234" with British grouping. */
export function formatNumber(n: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits }).format(n);
}
