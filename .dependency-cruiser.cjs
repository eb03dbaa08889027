// The layering, checked: `npm run lint` runs `depcruise` with these rules.
// Folders are listed from the bottom up in README.md, "Layers". Every rule says why it exists.
// tools/ and test/ may import anything and are not checked here.

/** Our own top-level folders, as a path pattern. */
const OURS = '^(bot|booking|config|dialogs|insights|knowledge|model|municipality|observability|pack|privacy|scheduling|storage|tab|tools|test)/';

/** A rule: files under `folder` may import, of our folders, only their own folder and `allowed`. */
function onlyImports(folder, allowed, comment) {
  return {
    name: `${folder}-imports-only-${allowed.length ? allowed.join('-') : 'itself'}`,
    comment,
    severity: 'error',
    from: { path: `^${folder}/` },
    to: { path: OURS, pathNot: `^(${[folder, ...allowed].join('|')})/` },
  };
}

/** A rule: the npm package(s) `packages` may be imported only from `folders` (and tools/, test/). */
function onlyFrom(packages, folders, comment) {
  return {
    name: `${packages[0]}-only-in-${folders.join('-')}`,
    comment,
    severity: 'error',
    from: { path: OURS, pathNot: `^(${[...folders, 'tools', 'test'].join('|')})/` },
    to: { path: `node_modules/(@types/)?(${packages.join('|')})/` },
  };
}

module.exports = {
  forbidden: [
    // The SDK and drivers stay at the edge.
    onlyFrom(['restify'], ['bot'], 'The HTTP server is the edge: only bot/ serves requests.'),
    onlyFrom(['botbuilder', 'botbuilder-core', 'botframework-connector', 'botframework-schema'], ['bot', 'dialogs'],
      'The Bot Framework SDK stays at the edge: the composition root and the chat dialogs; cores are plain TypeScript.'),
    onlyFrom(['botbuilder-dialogs'], ['bot', 'dialogs'], 'Waterfalls and prompts are the chat adapter; nothing below it knows about them.'),
    onlyFrom(['kysely', 'pg', 'better-sqlite3'], ['storage'], 'The database driver and query builder live only in storage/; the core never knows the dialect.'),
    onlyFrom(['openai'], ['model'], 'model/ is the one OpenAI adapter; knowledge/ talks to it through its own port.'),
    onlyFrom(['pino'], ['observability'], 'One root logger; everyone else takes the Logger type from observability/.'),

    // Leaves: import nothing of ours.
    onlyImports('municipality', [], 'Leaf: the municipality content (areas, contacts, roles) that everyone reads.'),
    onlyImports('scheduling', [], 'Leaf: pure calendar and time rules.'),
    onlyImports('observability', [], 'Leaf: the root logger.'),

    // Cores: plain TypeScript over the leaves, never the edge, dialogs, storage or each other.
    onlyImports('booking', ['municipality', 'scheduling'], 'Core: booking rules, one home for chat and tab alike. Imports only the leaves: never the SDK, bot/, dialogs/, tab/, storage/, pack/, config/ or another core.'),
    onlyImports('triage', ['municipality', 'scheduling'], 'Core: akut detection and who to call. Imports only the leaves: never the SDK, bot/, dialogs/, tab/, storage/, pack/, config/ or another core.'),
    onlyImports('privacy', ['municipality', 'scheduling'], 'Core: the privacy guard runs before anything else sees the text. Imports only the leaves: never the SDK, bot/, dialogs/, tab/, storage/, pack/, config/ or another core.'),
    onlyImports('knowledge', ['municipality'], 'Core: answers from the knowledge base; the model comes in through a port. Imports only the leaves: never the SDK, bot/, dialogs/, tab/, storage/, pack/, config/ or another core.'),
    onlyImports('insights', ['municipality', 'scheduling'], 'Core: counts enumerated events per week and builds the suppressed statistics; the store, the guard and the word lists come in through ports. Imports only the leaves.'),

    // Adapters over the cores.
    onlyImports('model', ['knowledge'], 'Edge adapter: implements knowledge/\'s phraser port with OpenAI.'),
    onlyImports('storage', ['booking', 'insights', 'municipality', 'observability'], 'Storage persists core types and reuses pure core rules; it never calls adapters.'),
    onlyImports('tab', ['booking', 'insights', 'municipality', 'scheduling', 'privacy'], 'The tab is a thin adapter over the cores, never over the chat dialogs.'),
    onlyImports('dialogs', ['booking', 'triage', 'privacy', 'knowledge', 'insights', 'municipality', 'scheduling'],
      'The chat dialogs adapt the cores; storage and the tab reach them only through ports wired in bot/.'),

    // Upper layers.
    onlyImports('config', ['municipality'], 'Config parses process.env once; only the composition root and pack/ read it.'),
    onlyImports('pack', ['booking', 'triage', 'privacy', 'knowledge', 'municipality', 'scheduling', 'config'],
      'The municipality pack loads content for the cores; it sits above them and below bot/.'),
    // bot/ is the composition root and may import everything but tools/ and test/.

    {
      name: 'no-tools-or-test-in-production',
      comment: 'Production code never imports a tool or a test helper.',
      severity: 'error',
      from: { pathNot: '^(tools|test)/' },
      to: { path: '^(tools|test)/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle means two modules are one; merge them or move the shared part down.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve fails at runtime.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-undeclared-dependency',
      comment: 'Every package we import is in package.json, pinned, not borrowed from a transitive install.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-dev-dependency-in-production',
      comment: 'Production code runs without devDependencies installed.',
      severity: 'error',
      from: { path: '^(bot|booking|config|dialogs|insights|knowledge|model|municipality|observability|pack|privacy|scheduling|storage|tab)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: 'node_modules/@types/' },
    },
  ],
  options: {
    // Unanchored on purpose: in a git worktree node_modules is a link and resolves to ../main/node_modules.
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
