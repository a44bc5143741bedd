/**
 * The module boundaries of ARCHITECTURE.md, checked by `npm run lint` (`depcruise --validate`):
 * no import cycle anywhere, the pure core imports nothing of Nest, TypeORM, Temporal or I/O, libs
 * never reach into apps, no app imports another app, workflows import only the domain, and an API
 * capability reaches another only through that capability's module (its service), never its
 * repository. `npm run graph` prints the folder-level graph that the closing notes quote.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle makes load order matter and hides which module owns what.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'libs/domain is the pure core: no framework, no database, no workflow engine, no I/O.',
      from: { path: '^libs/domain/src' },
      to: {
        path: [
          'node_modules/(@nestjs|typeorm|pg|@temporalio|nodemailer|exceljs|pino)',
          '^(fs|net|http|https|child_process|worker_threads|dgram|cluster)$',
          '^libs/(engine|persistence)',
          '^apps/',
          '^workflows/',
        ],
      },
    },
    {
      name: 'libs-never-reach-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-app-into-another-app',
      severity: 'error',
      comment: 'Shared providers live in a lib; an app never imports another app (tests included).',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'workflows-import-the-domain-only',
      severity: 'error',
      comment: 'Workflow code is bundled and replayed: it may import the pure core and @temporalio/workflow.',
      from: { path: '^workflows/', pathNot: '^workflows/(test/|.*\\.spec\\.ts$)' },
      to: {
        path: [
          '^libs/(engine|persistence)',
          '^apps/',
          'node_modules/(@nestjs|typeorm|pg|@temporalio/(client|worker|activity))',
        ],
      },
    },
    {
      name: 'repositories-stay-in-their-capability',
      severity: 'error',
      comment: "A capability's SQL is its own: other capabilities go through its exported service.",
      from: { path: '^apps/api/src/([^/]+)/' },
      to: { path: '^apps/api/src/([^/]+)/[^/]+\\.repository\\.ts$', pathNot: '^apps/api/src/$1/' },
    },
    {
      name: 'web-fetches-through-hooks-modules',
      severity: 'error',
      comment: 'Pages and components call the capability hooks (*Api.ts); only those talk to the server.',
      from: {
        path: '^apps/web/src/',
        pathNot: ['Api\\.ts$', '^apps/web/src/auth/auth\\.tsx$', '^apps/web/src/api/'],
      },
      to: { path: '^apps/web/src/api/client\\.ts$' },
    },
    {
      name: 'web-bundle-has-no-node',
      severity: 'error',
      comment: 'What the browser bundle imports (the domain included) must not need Node.',
      from: { path: '^apps/web/src/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.data[^/]*)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
