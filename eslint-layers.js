// The import rules of docs/ARCHITECTURE.md "Layers": no import cycles, one-way layers in the
// backend, kebab-case file names. Kept apart from eslint.config.js so the rules read as one list.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import checkFile from 'eslint-plugin-check-file';
import importX from 'eslint-plugin-import-x';

const src = './backend/src';
/** Features: routes and services, each owning its tables (schema.ts). */
const FEATURES = [
  'auth',
  'chat',
  'conversation',
  'tutor',
  'learning-modules',
  'progress',
  'health',
  'static',
  'courses',
  'account',
];

/** A folder of backend/src may import only itself and the folders named. */
const onlyFrom = (folder, allowed, message) => ({
  target: `${src}/${folder}`,
  from: src,
  except: [`./${folder}`, ...allowed.map((name) => `./${name}`)],
  message,
});

const layerZones = [
  onlyFrom('pedagogy', [], 'pedagogy is pure teaching rules: it imports no other layer.'),
  onlyFrom(
    'ai',
    ['pedagogy', 'config', 'errors', 'logging'],
    'ai sits below the features: it may use pedagogy, config, errors and logging only.',
  ),
  onlyFrom('config', [], 'config is the bottom layer.'),
  onlyFrom('errors', [], 'errors is the bottom layer.'),
  onlyFrom('logging', ['config'], 'logging may use config only.'),
  onlyFrom('rate-limit', ['config', 'errors'], 'rate-limit may use config and errors only.'),
  onlyFrom('workers', [], 'workers (starting worker threads) is a bottom layer.'),
  // db's schema.ts and seeders.ts gather every feature's tables and seeds: they are exempt.
  {
    target: [`${src}/db/!(schema|seeders|migrate-cli).ts`, `${src}/db/pglite/**`],
    from: src,
    except: ['./db', './config', './errors', './logging', './workers'],
    message: 'db sits below the features: only schema.ts and seeders.ts gather them.',
  },
  // Nothing imports the composition root.
  {
    target: `${src}/*/**`,
    from: [`${src}/app.ts`, `${src}/server.ts`],
    message: 'app.ts and server.ts compose the app: nothing imports them.',
  },
];

/**
 * Features that may join another feature's tables read-only (progress is per module: its queries
 * join learning_modules for order and title; a class's dashboard, roster and history are set-based
 * queries over its students' users, progress and conversations). Nobody writes another feature's
 * tables.
 */
const READERS = {
  'learning-modules': ['progress', 'courses'],
  auth: ['courses'],
  progress: ['courses'],
  conversation: ['courses'],
};

/** A feature's tables are its own: others use its functions, never its schema. */
const tableZones = FEATURES.map((feature) => ({
  target: FEATURES.filter(
    (other) => other !== feature && !(READERS[feature] ?? []).includes(other),
  ).map((other) => `${src}/${other}/**/!(schema).ts`),
  from: `${src}/${feature}/schema.ts`,
  message: `${feature}'s tables are written and read through ${feature}'s own functions (foreign keys in a schema.ts aside).`,
}));

export const layerRules = [
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, the cycle check cannot parse the TypeScript files it follows.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [
            'backend/tsconfig.json',
            'frontend/tsconfig.json',
            'shared/tsconfig.json',
            'tsconfig.tooling.json',
          ],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['backend/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...tableZones] }],
    },
  },
  {
    files: ['{backend,frontend,shared}/src/**/*.{ts,tsx}', '{bench,scripts,e2e}/**/*.ts'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
    },
  },
];
