import { asc, sql } from 'drizzle-orm';
import type { ModuleCatalogItem } from '@tutor/shared/learning-modules';
import type { ProgressStatus } from '@tutor/shared/progress';
import type { Database } from '../db/client';
import { userModuleProgress } from '../progress/schema';
import { listModules, toCatalogItem, toModuleOut } from './service';
import { learningModules } from './schema';

/** How long a module's title, description, filename and order may be served from memory. */
export const MODULE_DETAILS_TTL_MS = 60_000;

/**
 * `GET /api/modules` (and the public `GET /api/modules/catalog`) as JSON text. The list is the most frequent read, and it is mostly the same
 * text for everyone: each module's fields are serialised once and kept; a request asks the
 * database only for the modules in order with this user's status (one query, a join), and
 * joins the kept pieces. A module the pieces do not know yet (added since) reloads them at once;
 * an edited title or description shows within MODULE_DETAILS_TTL_MS.
 */
export class ModuleListCache {
  /** Per module id: its ModuleListItem as JSON, cut just before the status value. */
  private heads = new Map<string, string>();
  /** `GET /api/modules/catalog` as JSON text, made with the pieces. */
  private catalog = '[]';
  private loadedAt = -Infinity;
  private readonly rows;

  constructor(
    private readonly db: Database,
    private readonly now: () => number = () => performance.now(),
  ) {
    // A named prepared statement: PostgreSQL parses and plans it once per connection.
    this.rows = db
      .select({
        id: learningModules.id,
        status: sql<ProgressStatus>`coalesce(${userModuleProgress.status}, 'not_started')`,
      })
      .from(learningModules)
      .leftJoin(
        userModuleProgress,
        sql`${userModuleProgress.moduleId} = ${learningModules.id} and ${userModuleProgress.userId} = ${sql.placeholder('userId')}`,
      )
      .orderBy(asc(learningModules.order), asc(learningModules.title))
      .prepare('list_module_statuses');
  }

  async json(userId: string): Promise<string> {
    const rows = await this.rows.execute({ userId });
    const stale = this.now() - this.loadedAt > MODULE_DETAILS_TTL_MS;
    if (stale || rows.some((row) => !this.heads.has(row.id))) await this.reload();
    let json = '[';
    for (const row of rows) {
      const head = this.heads.get(row.id);
      if (!head) continue; // deleted between the two queries of a reload
      if (json.length > 1) json += ',';
      json += `${head}${JSON.stringify(row.status)}}`;
    }
    return `${json}]`;
  }

  /**
   * `GET /api/modules/catalog` (ModuleCatalogItem[]) as JSON text: the same details as the list,
   * without statuses, so it asks the database nothing while they are fresh.
   */
  async catalogJson(): Promise<string> {
    if (this.now() - this.loadedAt > MODULE_DETAILS_TTL_MS) await this.reload();
    return this.catalog;
  }

  private async reload(): Promise<void> {
    const loadedAt = this.now();
    const heads = new Map<string, string>();
    const catalog: ModuleCatalogItem[] = [];
    for (const module of await listModules(this.db)) {
      const json = JSON.stringify({ ...toModuleOut(module), status: '' });
      heads.set(module.id, json.slice(0, json.length - '""}'.length));
      catalog.push(toCatalogItem(module));
    }
    this.heads = heads;
    this.catalog = JSON.stringify(catalog);
    this.loadedAt = loadedAt;
  }
}
