// Statements the PGlite worker parses once and then only binds and executes, as node-postgres does
// with named statements on PostgreSQL. PGlite's own query() parses, describes and plans every
// statement anew, in five calls into PostgreSQL's main loop; here a known statement is one call
// (bind, describe, execute, sync in one buffer), about a third of the time for a small select.
import { parse, type PGlite, protocol, type Results } from '@electric-sql/pglite';
import { BYTEA_OID } from './bytea';

type QueryOptions = NonNullable<Parameters<PGlite['query']>[2]>;

/** Distinct statement texts kept; past it a new text is parsed each time (PostgreSQL's unnamed statement). */
const MAX_STATEMENTS = 256;

/** SQLSTATEs saying the named statement no longer fits (a schema change) or is gone. */
const STALE_STATEMENT = new Set(['0A000', '26000']);

interface Statement {
  name: string;
  paramTypes: number[];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const message = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    message.set(part, offset);
    offset += part.length;
  }
  return message;
}

export class PreparedStatements {
  private readonly statements = new Map<string, Statement>();
  private nextName = 1;
  /** PGlite's parameter serializers, but bytea arrives as hex text already (client.ts). */
  private readonly serializers: PGlite['serializers'];

  constructor(private readonly database: PGlite) {
    this.serializers = { ...database.serializers, [BYTEA_OID]: String };
  }

  /**
   * Runs `sql` as PGlite's query() would, in the open transaction when `inTransaction` (whose
   * owner holds PGlite's transaction lock), otherwise after any open transaction has ended.
   */
  async query<Row>(
    sql: string,
    params: unknown[],
    options: QueryOptions,
    inTransaction: boolean,
  ): Promise<Results<Row>> {
    await this.database.waitReady;
    const run = () =>
      this.database._runExclusiveQuery(() => this.run<Row>(sql, params, options, inTransaction));
    return inTransaction ? run() : this.database._runExclusiveTransaction(run);
  }

  private async run<Row>(
    sql: string,
    params: unknown[],
    options: QueryOptions,
    inTransaction: boolean,
  ): Promise<Results<Row>> {
    const statement = this.statements.get(sql) ?? (await this.prepare(sql));
    try {
      return await this.execute<Row>(statement, params, options, inTransaction);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !STALE_STATEMENT.has(code) || inTransaction) throw error;
      this.statements.delete(sql);
      return this.execute<Row>(await this.prepare(sql), params, options, inTransaction);
    }
  }

  private async prepare(sql: string): Promise<Statement> {
    const name = this.statements.size < MAX_STATEMENTS ? `tutor_${this.nextName++}` : '';
    const { serialize } = protocol;
    const { messages } = await this.database.execProtocol(
      concat([
        serialize.parse({ name, text: sql }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    if (name) this.statements.set(sql, statement);
    return statement;
  }

  private async execute<Row>(
    statement: Statement,
    params: unknown[],
    options: QueryOptions,
    inTransaction: boolean,
  ): Promise<Results<Row>> {
    const { serialize } = protocol;
    const values = params.map((value, index) => {
      if (value === null || value === undefined) return null;
      const serializer = this.serializers[statement.paramTypes[index]!];
      return serializer ? serializer(value) : String(value);
    });
    const { messages } = await this.database.execProtocol(
      concat([
        serialize.bind({ statement: statement.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: !inTransaction },
    );
    return parse.parseResults(messages, this.database.parsers, options)[0] as Results<Row>;
  }
}
