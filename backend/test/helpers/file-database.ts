// Setup file of the integration projects: on PostgreSQL runs, gives the test file a database of its
// own, copied from the run's migrated template, and drops it when the file is done. Assertions on
// row counts then see only what this file wrote, whatever runs beside it.
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { adminQuery, useFileDatabase } from './test-database';

const serverUrl = inject('databaseServerUrl');
const template = inject('databaseTemplate');

if (serverUrl && template) {
  const name = `${template.slice(0, -'_t'.length)}_f${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database "${name}" template "${template}"`);
  useFileDatabase(Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString());
  afterAll(() => adminQuery(serverUrl, `drop database if exists "${name}" with (force)`));
}
