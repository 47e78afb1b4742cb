import { describe, expect, it } from 'vitest';
import { parseForm } from '@/lib/forms';
import { safeguardingInput } from '@/lib/triage/schema';

const CASE = '00000000-0000-4000-8000-000000000001';

function posted(summary: string): FormData {
  const form = new FormData();
  form.set('referredTo', 'adults');
  form.set('referredToDetail', '');
  form.set('summary', summary);
  return form;
}

// The case page and the triage page both post this form. A summary over 2,000 characters used to
// be cut to 2,000 before it was checked, and saved: now it is refused, and kept whole in the box.
describe('the safeguarding form', () => {
  it('refuses a summary over 2,000 characters, saying the limit and how much over, and keeps it whole', () => {
    const summary = 'She said she had not eaten for days. '.repeat(70).trim();
    expect(summary.length).toBeGreaterThan(2000);
    const parsed = parseForm(safeguardingInput, posted(summary), { with: { caseId: CASE } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.state.fieldErrors.summary).toEqual([
      `Summary must be 2,000 characters or fewer. You have ${summary.length - 2000} characters too many`,
    ]);
    expect(parsed.state.values.summary).toBe(summary);
  });

  it('takes a summary of exactly 2,000 characters as it is', () => {
    const summary = 'x'.repeat(2000);
    const parsed = parseForm(safeguardingInput, posted(summary), { with: { caseId: CASE } });
    expect(parsed.ok && parsed.data.summary).toBe(summary);
  });

  it('shows every problem at once', () => {
    const form = new FormData();
    form.set('summary', '   ');
    form.set('referredToDetail', 'y'.repeat(201));
    const parsed = parseForm(safeguardingInput, form, { with: { caseId: CASE } });
    expect(parsed.ok ? [] : Object.keys(parsed.state.fieldErrors).sort()).toEqual(['referredTo', 'referredToDetail', 'summary']);
  });
});
