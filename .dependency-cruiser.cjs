// Import boundaries checked by `npm run lint:deps`. Every folder under lib/ is one capability;
// capabilities may depend on each other in one direction only, and never on the interface.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-capability-cycles',
      severity: 'error',
      comment: 'Two lib/ capabilities import each other (directly or round a loop): move the shared piece down into one of them, or into its own capability.',
      scope: 'folder',
      from: { path: '^lib/[^/]+$' },
      to: { path: '^lib/[^/]+$', circular: true },
    },
    {
      name: 'lib-not-to-interface',
      severity: 'error',
      comment: 'lib/ is the domain: it never imports components or routes (types included).',
      from: { path: '^lib/' },
      to: { path: '^(components|app)/' },
    },
    {
      name: 'components-not-to-routes',
      severity: 'error',
      comment: 'Components never import from app/: a type they share with a route lives in lib/.',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
  ],
  options: {
    includeOnly: '^(app|components|lib)/',
    exclude: { path: '^lib/db/generated/' },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type import is still a dependency between capabilities.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
