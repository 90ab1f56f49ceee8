// A save body accepted in plain code. Zod (the shared ProgressUpdateSchema / ProgressBeaconSchema)
// cost more than the nbformat schema check on a notebook of a hundred cells (it copies every
// object it checks), and nearly every save is valid: this accepts exactly what those schemas
// accept when it can tell at a glance, and leaves the rest to them, so every refusal keeps the
// schemas' message. A unit test holds it to the schemas (save-body.test.ts).
import {
  NOTEBOOK_MAX_DEPTH,
  PROGRESS_STATUSES,
  type ProgressBeacon,
  type ProgressUpdate,
} from '@tutor/shared/progress';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const STATUSES: ReadonlySet<unknown> = new Set(PROGRESS_STATUSES);
const UPDATE_KEYS: ReadonlySet<string> = new Set(['status', 'notebook_state', 'base_version']);
const BEACON_KEYS: ReadonlySet<string> = new Set([...UPDATE_KEYS, 'save_token']);

const isStringOrStrings = (value: unknown) =>
  typeof value === 'string' ||
  (Array.isArray(value) && value.every((line) => typeof line === 'string'));

const isVersion = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** A cell as NotebookStateSchema's cell schema accepts it. */
function plainCell(cell: unknown): boolean {
  if (!isObject(cell) || typeof cell['cell_type'] !== 'string') return false;
  const { source, metadata } = cell;
  return (
    (source === undefined || isStringOrStrings(source)) &&
    (metadata === undefined || isObject(metadata))
  );
}

/** A notebook as NotebookStateSchema accepts it, its depth aside (checked on the whole body). */
function plainNotebook(notebook: unknown): boolean {
  if (!isObject(notebook) || notebook['nbformat'] !== 4) return false;
  const minor = notebook['nbformat_minor'];
  if (minor !== undefined && typeof minor !== 'number') return false;
  const cells = notebook['cells'];
  return isObject(notebook['metadata']) && Array.isArray(cells) && cells.every(plainCell);
}

/**
 * `body` as the save it asks for when the shared schema would accept it as it is; undefined when
 * that takes the schema to tell (it then refuses or accepts it itself). `depth` is how deeply the
 * whole body nests (json-body.ts): its notebook one level less.
 */
function plainSaveBody(body: unknown, depth: number | undefined, keys: ReadonlySet<string>) {
  if (depth === undefined || depth > NOTEBOOK_MAX_DEPTH + 1 || !isObject(body)) return undefined;
  for (const key in body) if (!keys.has(key)) return undefined;
  const { status, notebook_state: notebook, base_version: baseVersion } = body;
  if (status === undefined && notebook === undefined) return undefined;
  if (status !== undefined && !STATUSES.has(status)) return undefined;
  if (baseVersion !== undefined && !isVersion(baseVersion)) return undefined;
  if (notebook !== undefined && !plainNotebook(notebook)) return undefined;
  return body;
}

/** A PUT body that ProgressUpdateSchema accepts as it is, else undefined (see plainSaveBody). */
export const plainProgressUpdate = (body: unknown, depth: number | undefined) =>
  plainSaveBody(body, depth, UPDATE_KEYS) as ProgressUpdate | undefined;

/** A beacon body that ProgressBeaconSchema accepts as it is, else undefined. */
export function plainProgressBeacon(
  body: unknown,
  depth: number | undefined,
): ProgressBeacon | undefined {
  const plain = plainSaveBody(body, depth, BEACON_KEYS);
  const token = plain?.['save_token'];
  return typeof token === 'string' && token.length > 0 ? (plain as ProgressBeacon) : undefined;
}
