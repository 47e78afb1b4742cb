import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closeCaseInput } from '@/lib/cases/close';
import { conversationInput } from '@/lib/cases/conversations';
import { parseForm } from '@/lib/forms';
import { ons4Fields, ons4Score } from '@/lib/cases/ons4';

const schema = z.object(ons4Fields);

describe('ONS4 scores from a form', () => {
  it('treats an empty box as not answered, never 0', () => {
    expect(ons4Score('Anxiety').parse('')).toBeUndefined();
    expect(ons4Score('Anxiety').parse('   ')).toBeUndefined();
    expect(ons4Score('Anxiety').parse(undefined)).toBeUndefined();
    expect(ons4Score('Anxiety').parse(null)).toBeUndefined();
  });

  it('keeps a real 0 and a 10', () => {
    expect(ons4Score('Anxiety').parse('0')).toBe(0);
    expect(ons4Score('Anxiety').parse(' 10 ')).toBe(10);
  });

  it.each(['11', '-1', '5.5', 'seven'])('refuses %s with a message naming the question', (raw) => {
    const result = ons4Score('Life satisfaction').safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/Life satisfaction/);
  });

  it('lets each question be answered or not on its own', () => {
    expect(schema.parse({ lifeSatisfaction: '7', worthwhile: '', happiness: '0', anxiety: '' })).toEqual({
      lifeSatisfaction: 7,
      worthwhile: undefined,
      happiness: 0,
      anxiety: undefined,
    });
  });

  it('goes through the whole conversation form the same way', () => {
    const parsed = conversationInput.parse({
      occurredOn: '2026-11-10',
      type: 'listen_connect',
      needs: [],
      lifeSatisfaction: '',
      worthwhile: '8',
      happiness: '',
      anxiety: '0',
      nextFollowUpOn: '',
      supersedesId: '',
    });
    expect(parsed.lifeSatisfaction).toBeUndefined();
    expect(parsed.worthwhile).toBe(8);
    expect(parsed.happiness).toBeUndefined();
    expect(parsed.anxiety).toBe(0);
    expect(parsed.nextFollowUpOn).toBeUndefined();
  });

  it('refuses a follow-up before the conversation and a correction without a note', () => {
    const early = conversationInput.safeParse({
      occurredOn: '2026-11-10',
      type: 'crisis',
      needs: [],
      nextFollowUpOn: '2026-11-09',
    });
    expect(early.success).toBe(false);
    expect(z.flattenError(early.error!).fieldErrors.nextFollowUpOn?.[0]).toMatch(/on or after/);
    const correction = conversationInput.safeParse({
      occurredOn: '2026-11-10',
      type: 'crisis',
      needs: [],
      supersedesId: '00000000-0000-4000-8000-000000000000',
    });
    expect(z.flattenError(correction.error!).fieldErrors.correctionNote?.[0]).toMatch(/correction/);
  });

  it('refuses a date that does not exist', () => {
    const bad = conversationInput.safeParse({ occurredOn: '2026-02-30', type: 'crisis', needs: [] });
    expect(bad.success).toBe(false);
  });
});

describe('ONS4 answers that are not whole numbers', () => {
  it.each(['5.5', '7.9', '5.', '7,9'])('refuses %s with a message on its box, never storing 5 or 7', (raw) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ occurredOn: '2026-11-10', type: 'listen_connect', happiness: raw, anxiety: '3' }))
      form.set(k, v);
    const parsed = parseForm(conversationInput, form, { lists: ['needs'] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.state.fieldErrors.happiness).toEqual([
      `Happiness must be a whole number from 0 to 10, or left empty. ${raw} is not a whole number`,
    ]);
    expect(parsed.state.fieldErrors.anxiety).toBeUndefined();
    expect(parsed.state.values.happiness).toBe(raw);
  });

  it('refuses them when closing a case too', () => {
    const result = closeCaseInput.safeParse({
      expectedVersion: '3',
      outcome: 'settled_community_support',
      closedOn: '2026-11-10',
      lifeSatisfaction: '5.5',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['lifeSatisfaction', 'Life satisfaction must be a whole number from 0 to 10, or left empty. 5.5 is not a whole number'],
    ]);
  });
});
