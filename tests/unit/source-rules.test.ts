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

describe('source rules', () => {
  it('links are plain anchors: nothing imports next/link (docs/decisions/0007)', () => {
    const files = ['app', 'components', 'lib'].flatMap(sourceFiles).filter((f) => !f.includes('generated'));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((f) => /from ['"]next\/link['"]/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
