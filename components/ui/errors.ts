export type ErrorSummaryItem = { href: string; text: string };

/**
 * Turns zod's `fieldErrors` ({ field: string[] }) into error summary links, in form order.
 * `order` lists field names in the order they appear; `ids` maps a field name to the id of the
 * control to focus when it differs from the name (e.g. a radio group's first input).
 */
export function summaryFromFieldErrors(
  fieldErrors: Partial<Record<string, readonly string[] | string | undefined>> | null | undefined,
  order: readonly string[] = [],
  ids: Partial<Record<string, string>> = {},
): ErrorSummaryItem[] {
  if (!fieldErrors) return [];
  const names = [...order.filter((name) => name in fieldErrors), ...Object.keys(fieldErrors).filter((name) => !order.includes(name))];
  const items: ErrorSummaryItem[] = [];
  for (const name of names) {
    const value = fieldErrors[name];
    const text = typeof value === 'string' ? value : value?.find(Boolean);
    if (text) items.push({ href: `#${ids[name] ?? name}`, text });
  }
  return items;
}
