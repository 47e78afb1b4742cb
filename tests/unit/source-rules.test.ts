// Rules about the source that a reviewer would otherwise have to remember.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const files = ['app', 'components', 'lib'].flatMap(sourceFiles).filter((f) => !f.includes('generated'));
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');
const tags = (source: string, name: string) => source.match(new RegExp(`<${name}\\s[^>]*>`, 'g')) ?? [];

describe('source rules: links (docs/decisions/0009)', () => {
  it('only components/ui/Link.tsx imports next/link, so no link can prefetch', () => {
    expect(files.length).toBeGreaterThan(100);
    const importers = files.filter((f) => /from ['"]next\/link['"]/.test(read(f)));
    expect(importers).toEqual([path.join('components', 'ui', 'Link.tsx')]);
    expect(read(path.join('components', 'ui', 'Link.tsx'))).toContain('prefetch={false}');
  });

  it('links to pages use Link: a plain <a> with a path is a download or a route handler', () => {
    // The root error page replaces the layout when the app itself failed: it keeps full page loads.
    // Route handlers live under /api, and single sign-on's start (/sign-in/oidc, which redirects away).
    const plain = files
      .filter((f) => f !== path.join('app', 'global-error.tsx'))
      .flatMap((f) => tags(read(f), 'a').map((tag) => `${f}: ${tag}`))
      .filter(
        (t) => /href=(?:"|\{`|\{')\//.test(t) && !/\bdownload\b/.test(t) && !/href=(?:"|\{`|\{')\/(api|sign-in\/oidc)\b/.test(t),
      );
    expect(plain).toEqual([]);
  });

  it('Link never points at a route handler (app/api, files to download): those need a full request', () => {
    const wrong = files
      .flatMap((f) => tags(read(f), 'Link').map((tag) => `${f}: ${tag}`))
      .filter((t) => /href=(?:"|\{`|\{')\/api\//.test(t) || /\bdownload\b/.test(t) || /\.(csv|ics)\b/.test(t));
    expect(wrong).toEqual([]);
  });
});
