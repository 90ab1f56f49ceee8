// `npm run db:migrate`: applies the migrations to the configured database and exits.
import pino from 'pino';
import { loadEnv } from '../config/env';
import { openDatabase } from './client';
import { databaseTargetFromEnv } from './database-target';
import { prepareDatabase } from './migrate';
import { seeders } from './seeders';

const env = loadEnv();
const log = pino({ level: env.LOG_LEVEL });
const handle = openDatabase(databaseTargetFromEnv(env));
try {
  await prepareDatabase(handle, log, seeders);
} finally {
  await handle.close();
}
