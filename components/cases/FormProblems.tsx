'use client';

import { ErrorSummary } from '@/components/ui';
import type { FormState } from '@/lib/cases/form';

/**
 * The error summary for a casework form: the form-wide message first (linked to `messageTarget`),
 * then each field's first error in `order`, linked to the control's id (`ids` when it differs).
 */
export function FormProblems({
  state,
  order,
  ids = {},
  messageTarget,
}: {
  state: FormState;
  order: readonly string[];
  ids?: Partial<Record<string, string>>;
  messageTarget?: string;
}) {
  const items: { href: string; text: string }[] = [];
  if (state.message) items.push({ href: `#${messageTarget ?? ids[order[0]] ?? order[0]}`, text: state.message });
  const names = [...order, ...Object.keys(state.errors).filter((k) => !order.includes(k))];
  for (const name of names) {
    const text = state.errors[name]?.[0];
    if (text) items.push({ href: `#${ids[name] ?? name}`, text });
  }
  return <ErrorSummary errors={items} />;
}

/** What to show in a field after a failed submit: what was typed, else the starting value. */
export function valueOf(state: FormState, name: string, fallback = ''): string {
  const v = state.values[name];
  if (v === undefined) return fallback;
  return Array.isArray(v) ? (v[0] ?? '') : v;
}

export function valuesOf(state: FormState, name: string, fallback: readonly string[] = []): string[] {
  const v = state.values[name];
  if (v === undefined) return [...fallback];
  return Array.isArray(v) ? v : v === '' ? [] : [v];
}
