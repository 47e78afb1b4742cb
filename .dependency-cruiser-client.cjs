// What a component can reach at run time: never the database. Unlike .dependency-cruiser.cjs this
// pass follows only imports that survive compilation (a component may use a type from anywhere),
// and stops at server actions (files named actions.ts, the convention for 'use server' modules):
// a client component calls those through a reference, it never bundles what they import.
// Why: docs/decisions/0010-lint-and-boundaries.md.
const base = require('./.dependency-cruiser.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'components-not-to-database',
      comment:
        'A component may import from lib/ only what is safe in a browser (types, labels, formatting, schemas): ' +
        'no lib module that reaches the database client, Prisma or pg, however indirectly. A page (a server ' +
        'component) reads the data and passes it in as props; a form calls a server action.',
      severity: 'error',
      from: { path: '^components/' },
      // The doors to the database (one report per component that reaches one): our client and its
      // siblings in lib/db, and the drivers. The generated client behind lib/db/client.ts is reached
      // only through it; importing it directly is prisma-only-in-lib's business.
      to: { path: ['^lib/db/[^/]+\\.ts$', '^node_modules/(pg|pg-boss|@prisma/client)/'], reachable: true },
    },
  ],
  options: {
    ...base.options,
    tsPreCompilationDeps: false,
    doNotFollow: { path: [...base.options.doNotFollow.path, '(^|/)actions\\.ts$'] },
  },
};
