// The floor's process (started by floor-process.ts): a pool, the floor server, its port sent back.
import pg from 'pg';
import type { FloorProcessOptions } from './floor-process';
import { startFloorServer } from './floor-server';

process.once('message', (options: FloorProcessOptions) => {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
  startFloorServer(pool, options.moduleId, options.save).then(
    (floor) => {
      process.send!({ port: floor.port });
      process.once('SIGTERM', () => {
        void floor
          .close()
          .then(() => pool.end())
          .finally(() => process.exit(0));
      });
    },
    (error: Error) => {
      process.send!({ error: error.message }, () => process.exit(1));
    },
  );
});
