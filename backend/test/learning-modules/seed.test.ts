import { randomBytes } from 'node:crypto';
import { asc, inArray } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/client';
import { prepareDatabase } from '../../src/db/migrate';
import { seeders } from '../../src/db/seeders';
import { initialModules, seedLearningModules } from '../../src/learning-modules/seed';
import { learningModules } from '../../src/learning-modules/schema';
import { openNewPglite, openTestDatabase } from '../helpers/test-app';

const log = pino({ level: 'silent' });
const filenames = initialModules.map((m) => m.notebookFilename);

const seeded = (handle: DatabaseHandle) =>
  handle.db
    .select({
      title: learningModules.title,
      filename: learningModules.notebookFilename,
      order: learningModules.order,
    })
    .from(learningModules)
    .where(inArray(learningModules.notebookFilename, filenames))
    .orderBy(asc(learningModules.order));

const expected = [
  { title: 'Introduction to NumPy', filename: 'module_01_intro_to_numpy.ipynb', order: 1 },
  { title: 'Linear Algebra Basics', filename: 'module_02_linear_algebra.ipynb', order: 2 },
  { title: 'Interpolation Methods', filename: 'module_03_interpolation.ipynb', order: 3 },
];

describe('learning module seed', () => {
  it('is idempotent: preparing the database again keeps three modules', async () => {
    const handle = openTestDatabase();
    try {
      await prepareDatabase(handle, log, seeders);
      await prepareDatabase(handle, log, seeders);
      expect(await seeded(handle)).toEqual(expected);
    } finally {
      await handle.close();
    }
  });

  it('inserts each module once even when two seeders race on an empty table', async () => {
    // Without the migration lock (PGlite has none to take): ON CONFLICT keeps it to three rows.
    const handle = openNewPglite();
    try {
      await prepareDatabase(handle, log, []);
      await Promise.all([seedLearningModules(handle.db, log), seedLearningModules(handle.db, log)]);
      expect(await handle.db.select().from(learningModules)).toHaveLength(3);
      expect(await seeded(handle)).toEqual(expected);
    } finally {
      await handle.close();
    }
  });

  it.runIf(inject('databaseServerUrl'))(
    'seeds once when two instances start together on a new PostgreSQL database',
    async () => {
      const serverUrl = new URL(inject('databaseServerUrl')!);
      const name = `tutor_seed_${Date.now()}_${randomBytes(3).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl.toString() });
      await admin.connect();
      await admin.query(`create database "${name}"`);
      const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
      const instances = [
        openDatabase({ kind: 'postgres', url, poolSize: 2 }),
        openDatabase({ kind: 'postgres', url, poolSize: 2 }),
      ];
      try {
        await Promise.all(instances.map((handle) => prepareDatabase(handle, log, seeders)));
        expect(await instances[0]!.db.select().from(learningModules)).toHaveLength(3);
        expect(await seeded(instances[1]!)).toEqual(expected);
      } finally {
        await Promise.all(instances.map((handle) => handle.close()));
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    },
  );
});
