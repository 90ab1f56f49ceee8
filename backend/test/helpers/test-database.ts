import pg from 'pg';

// The database a test file runs against: set once per file by file-database.ts on PostgreSQL runs,
// unset on PGlite runs (each open is then a new in-memory cluster).
let fileDatabaseUrl: string | undefined;

export function useFileDatabase(url: string): void {
  fileDatabaseUrl = url;
}

/** This test file's own PostgreSQL database, or undefined on PGlite runs. */
export function testDatabaseUrl(): string | undefined {
  return fileDatabaseUrl;
}

/** Runs one statement on the PostgreSQL server at `url` (CREATE/DROP DATABASE and the like). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
