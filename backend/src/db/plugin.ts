import fp from 'fastify-plugin';
import type { DatabaseHandle } from './client';
import { prepareDatabase } from './migrate';
import { seeders } from './seeders';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
}

export interface DatabasePluginOptions {
  handle: DatabaseHandle;
  /** Close the handle when the app closes (false when a test shares one handle). */
  closeOnShutdown: boolean;
}

/** Migrates and seeds the database, then exposes it as `app.database`. */
export const databasePlugin = fp<DatabasePluginOptions>(
  async (app, { handle, closeOnShutdown }) => {
    await prepareDatabase(handle, app.log, seeders);
    app.decorate('database', handle);
    if (closeOnShutdown) app.addHook('onClose', () => handle.close());
  },
  { name: 'database' },
);
