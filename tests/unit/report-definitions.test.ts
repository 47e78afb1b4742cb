import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitions } from '@/lib/reports/definitions';

describe('measure definitions', () => {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/measures.md'), 'utf8');

  it('are written in docs/measures.md word for word', () => {
    const missing = Object.entries(definitions)
      .filter(([, text]) => !doc.includes(text))
      .map(([id]) => id);
    expect(missing).toEqual([]);
  });

  it('are one line each, in plain sentences', () => {
    for (const [id, text] of Object.entries(definitions)) {
      expect(text, id).not.toMatch(/\n/);
      expect(text.length, id).toBeLessThan(330);
      expect(text, id).toMatch(/\.$/);
    }
  });
});
