/**
 * The architecture, enforced (issue 15; `npm run depcruise`, run by .ci/run). Layers, bottom up:
 *   src/domain   the pure core: rules, calendar, settings, leave arithmetic, approvals, money, time
 *   src/policy   the stored rules every dated computation reads, the month lock, the company clock,
 *                and the announcement of changed days (DayChanges)
 *   features     one folder each (= one Nest module): controllers, services, repositories, DTOs
 * Module files (*.module.ts) are the wiring of a folder and may import the modules it needs.
 */
const FOLDER = '^src/([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles between files.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'The pure core imports nothing of the rest and no framework, database or HTTP library.',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', 'node_modules/(luxon|chinese-days)/'] },
    },
    {
      name: 'policy-below-features',
      severity: 'error',
      comment: 'The policy layer imports only the pure core (and the libraries it needs).',
      from: { path: '^src/policy/' },
      to: { path: '^src/', pathNot: ['^src/(domain|policy)/', '^src/database/'] },
    },
    {
      name: 'controllers-use-services',
      severity: 'error',
      comment: 'Controllers reach data through services, never a repository.',
      from: { path: '\\.controller\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'repositories-stay-home',
      severity: 'error',
      comment: "A repository owns its tables; only its own folder imports it (the policy layer's are that layer's public surface).",
      from: { path: FOLDER, pathNot: '\\.module\\.ts$' },
      to: { path: '^src/([^/]+)/.+\\.repository\\.ts$', pathNot: ['^src/$1/', '^src/policy/'] },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(test|bench|e2e|web|scripts|migrations)/' },
    tsPreCompilationDeps: true,
    reporterOptions: {
      archi: { collapsePattern: '^src/[^/]+' },
      text: { highlightFocused: true },
    },
  },
};
