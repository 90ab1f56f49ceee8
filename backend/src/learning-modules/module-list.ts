import type { ModuleCatalogItem } from '@tutor/shared/learning-modules';
import type { Database } from '../db/client';
import { listModules, toCatalogItem, toModuleOut } from './service';

/** Every module in order with one user's status: progress's query, given by the app. */
export type ModuleStatusesOf = (
  userId: string,
) => Promise<{ id: string; status: string; exercisesPassed: number }[]>;

/** How many exercises a module's notebook has (its tutor file's), by notebook file name. */
export type ExerciseTotalOf = (notebookFilename: string) => number;

/** How long a module's title, description, filename and order may be served from memory. */
export const MODULE_DETAILS_TTL_MS = 60_000;

/**
 * `GET /api/modules` (and the public `GET /api/modules/catalog`) as JSON text. The list is the most frequent read, and it is mostly the same
 * text for everyone: each module's fields are serialised once and kept; a request asks the
 * database only for the modules in order with this user's status (progress's one query, a join), and
 * joins the kept pieces. A module the pieces do not know yet (added since) reloads them at once;
 * an edited title or description shows within MODULE_DETAILS_TTL_MS.
 */
export class ModuleListCache {
  /** Per module id: its ModuleListItem as JSON, cut just before the status value. */
  private heads = new Map<string, string>();
  /** Per module id: its number of exercises. */
  private totals = new Map<string, number>();
  /** `GET /api/modules/catalog` as JSON text, made with the pieces. */
  private catalog = '[]';
  private loadedAt = -Infinity;

  constructor(
    private readonly db: Database,
    private readonly statusesOf: ModuleStatusesOf,
    private readonly exerciseTotalOf: ExerciseTotalOf,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async json(userId: string): Promise<string> {
    const rows = await this.statusesOf(userId);
    const stale = this.now() - this.loadedAt > MODULE_DETAILS_TTL_MS;
    if (stale || rows.some((row) => !this.heads.has(row.id))) await this.reload();
    let json = '[';
    for (const row of rows) {
      const head = this.heads.get(row.id);
      if (!head) continue; // deleted between the two queries of a reload
      if (json.length > 1) json += ',';
      const total = this.totals.get(row.id) ?? 0;
      const passed = Math.min(row.exercisesPassed, total);
      json += `${head}${JSON.stringify(row.status)},"exercises_passed":${passed},"exercises_total":${total}}`;
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
    const totals = new Map<string, number>();
    const catalog: ModuleCatalogItem[] = [];
    for (const module of await listModules(this.db)) {
      const json = JSON.stringify({ ...toModuleOut(module), status: '' });
      heads.set(module.id, json.slice(0, json.length - '""}'.length));
      totals.set(module.id, this.exerciseTotalOf(module.notebookFilename));
      catalog.push(toCatalogItem(module));
    }
    this.heads = heads;
    this.totals = totals;
    this.catalog = JSON.stringify(catalog);
    this.loadedAt = loadedAt;
  }
}
