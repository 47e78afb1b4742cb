// Rules about forms that a reviewer would otherwise have to remember (docs/decisions/0008).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => !f.includes('generated'));
}

const read = (f: string) => readFileSync(path.join(root, f), 'utf8');
const files = ['app', 'components', 'lib'].flatMap(sourceFiles);

describe('one form contract', () => {
  it('has one form-state type, in lib/forms', () => {
    expect(files.length).toBeGreaterThan(100);
    // A form may add a field of its own to the one shape (`FormState & { ... }`), never start another.
    const declared = files.filter((f) => /\btype \w*FormState\b\s*(<[^>]*>\s*)?=(?!\s*FormState\b[^;]*&)/.test(read(f)));
    expect(declared).toEqual(['lib/forms/state.ts']);
  });

  it('never cuts what a person typed: no server action or form reader slices posted text to a length', () => {
    const readers = files.filter((f) => /(^|\/)actions\.ts$/.test(f) || (f.startsWith('lib/') && /: FormData\b/.test(read(f))));
    expect(readers.length).toBeGreaterThan(10);
    const offenders = readers.filter((f) => /\.slice\(0,\s*\d[\d_]*\)/.test(read(f)) && !f.startsWith('lib/forms/'));
    expect(offenders).toEqual([]);
  });

  it('saves notes as given: the domain functions that store them do not cut them either', () => {
    for (const f of ['lib/moderation/index.ts', 'lib/organisations/index.ts', 'lib/referrals/answer-links.ts']) {
      expect(read(f), f).not.toMatch(/note[^\n]*\.slice\(0,\s*2000\)/);
    }
  });

  it('has no maxlength on a form’s text boxes, which would cut pasted text without a word', () => {
    const forms = files.filter((f) => f.startsWith('components/') && /useActionState|useFormAction/.test(read(f)));
    expect(forms.length).toBeGreaterThan(15);
    expect(forms.filter((f) => /maxLength=/.test(read(f)))).toEqual([]);
  });

  it('hands React the server action itself, so every form still posts without JavaScript', () => {
    // A client function in its place renders a form that a browser without JavaScript cannot post.
    expect(read('components/ui/use-form-action.ts')).toMatch(/useActionState\(action, initial\)/);
    const forms = files.filter((f) => /useActionState\(/.test(read(f)));
    expect(forms.length).toBeGreaterThan(5);
    expect(forms.filter((f) => /useActionState(<[^>]*>)?\(\s*(async|\(|function)/.test(read(f)))).toEqual([]);
  });

  it('wraps every form action, so a failure or an ended session gives back what was typed', () => {
    const actions = files.filter((f) => /(^|\/)actions\.ts$/.test(f));
    expect(actions.length).toBeGreaterThan(15);
    const bare = actions.flatMap((f) =>
      [...read(f).matchAll(/export async function (\w+)\(([^{]*)\{/g)]
        .filter(([, , params]) => /FormState/.test(params) && /FormData/.test(params))
        .map(([, name]) => `${f}: ${name}`),
    );
    expect(bare).toEqual([]);
    const wrapped = actions.flatMap((f) => [...read(f).matchAll(/export const \w+ = formAction\(/g)]);
    expect(wrapped.length).toBeGreaterThan(30);
  });
});
