import type { Prisma } from '../../../lib/db/generated/client';
import { TAXONOMY_NAME, themes } from '../data/taxonomy';
import { sid } from '../util';

export function buildTaxonomy() {
  const taxonomyId = sid('taxonomy', TAXONOMY_NAME);
  const taxonomy: Prisma.TaxonomyCreateManyInput = {
    id: taxonomyId,
    name: TAXONOMY_NAME,
    description: 'The needs themes Eastbrook\u2019s link workers record and residents search by.',
    version: '1',
  };
  const terms: Prisma.TaxonomyTermCreateManyInput[] = themes.map((t, i) => ({
    id: sid('term', t.code),
    taxonomyId,
    code: t.code,
    name: t.name,
    description: t.description,
    synonyms: t.synonyms,
    sortOrder: (i + 1) * 10,
  }));
  const themeIdByCode = new Map(themes.map((t) => [t.code, sid('term', t.code)]));
  return { taxonomy, terms, themeIdByCode };
}
