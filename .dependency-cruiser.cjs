// Which module may import which: the layers app -> components -> lib, Prisma and next/link each
// in one place, and no cycles. `npm run lint:deps` runs it over the modules and again with lib's
// folders collapsed to one node each, so a cycle between two capabilities shows as one; the
// database-reachability rule for components is .dependency-cruiser-client.cjs.
// Why these rules: docs/decisions/0010-lint-and-boundaries.md.

// Prisma's generated enums (plain constants, no client) are safe anywhere.
const SAFE_GENERATED = '^lib/db/generated/(enums|browser)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lib-not-to-ui',
      comment: 'lib/ is the application; pages (app/) and React components (components/) use it, never the other way round.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'components-not-to-app',
      comment: 'Components serve routes; a route may use a component, a component never imports a route.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
    {
      name: 'prisma-only-in-lib',
      comment: 'The generated Prisma client and the drivers are used through lib/ (lib/db/client.ts and the domain functions).',
      severity: 'error',
      from: { path: '^(app|components)/|^(proxy|instrumentation)\\.ts$' },
      to: { path: ['^lib/db/generated/', '^node_modules/(pg|pg-boss|@prisma/[^/]+)/'], pathNot: SAFE_GENERATED },
    },
    {
      name: 'next-link-only-in-ui-link',
      comment: 'Links go through components/ui/Link.tsx, which turns prefetching off (docs/decisions/0007).',
      severity: 'error',
      from: { pathNot: '^components/ui/Link\\.tsx$' },
      to: { path: '^node_modules/next/link(\\.js)?$|^node_modules/next/dist/client/app-dir/link' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles between modules at run time (types that refer to each other are fine).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-folder-cycles-in-lib',
      comment:
        'Two lib/ capabilities that import each other (even through others, even types only) are one capability ' +
        'or need a third to hold what they share.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^lib/' },
      to: { path: '^lib/', circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: a lib module must not import even a component's type.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: ['node_modules', '^lib/db/generated/'] },
    exclude: { path: ['^\\.next/', '^\\.data/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
