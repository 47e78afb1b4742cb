// The GOV.UK date input (day, month and year boxes): one parse and one set of messages.

export type DateParts = { day?: string; month?: string; year?: string };

export type ParsedDateParts = { ok: true; date: Date | null } | { ok: false; error: string };

/**
 * A calendar date (UTC midnight) from three boxes, null when all are blank, or the GOV.UK message for
 * what to fix: "Date of birth must include a month and year", "Date of birth must be a real date".
 */
export function parseDateParts(label: string, parts: DateParts, example: string): ParsedDateParts {
  const d = (parts.day ?? '').trim();
  const m = (parts.month ?? '').trim();
  const y = (parts.year ?? '').trim();
  if (!d && !m && !y) return { ok: true, date: null };
  const missing = [!d && 'day', !m && 'month', !y && 'year'].filter(Boolean) as string[];
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
    return { ok: false, error: `${label} must include a ${list}` };
  }
  const real = `${label} must be a real date, like ${example}`;
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return { ok: false, error: real };
  const [dn, mn, yn] = [Number(d), Number(m), Number(y)];
  const date = new Date(Date.UTC(yn, mn - 1, dn));
  if (date.getUTCFullYear() !== yn || date.getUTCMonth() !== mn - 1 || date.getUTCDate() !== dn)
    return { ok: false, error: real };
  return { ok: true, date };
}
