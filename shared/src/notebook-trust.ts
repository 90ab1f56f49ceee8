/**
 * Notebook trust markers, removed wherever a saved notebook comes back.
 *
 * JupyterLab renders a code cell's outputs as trusted when the cell's `metadata.trusted` is true:
 * HTML with its <script> tags, JavaScript outputs. It sets the marker itself on every cell it
 * runs, so whatever HTML a student displayed would run again on every later open, and a notebook
 * saved through the API could carry any script. The classic notebook trusted a notebook whose
 * `metadata.signature` matched its key. A notebook that has been stored is data, never trusted:
 * the server strips both markers when it stores a notebook and when it returns one, and the lab
 * strips them again when it loads one (its outputs then render sanitised, scripts removed).
 *
 * Dependency-free: used by the server and by the JupyterLite bundle.
 */

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasOwn = (value: JsonObject, key: string) => Object.prototype.hasOwnProperty.call(value, key);

const cellIsTrusted = (cell: unknown): boolean =>
  isObject(cell) && isObject(cell['metadata']) && hasOwn(cell['metadata'], 'trusted');

/** Whether `notebook` holds a trust marker (a cell's `metadata.trusted`, `metadata.signature`). */
export function hasTrustMarkers(notebook: unknown): boolean {
  if (!isObject(notebook)) return false;
  const metadata = notebook['metadata'];
  if (isObject(metadata) && hasOwn(metadata, 'signature')) return true;
  const cells = notebook['cells'];
  return Array.isArray(cells) && cells.some(cellIsTrusted);
}

/**
 * `notebook` without its trust markers: the same object when it has none (nothing is copied),
 * otherwise a copy in which only the objects that held a marker are new.
 */
export function withoutTrustMarkers<T>(notebook: T): T {
  if (!hasTrustMarkers(notebook)) return notebook;
  const copy: JsonObject = { ...(notebook as JsonObject) };
  const metadata = copy['metadata'];
  if (isObject(metadata) && hasOwn(metadata, 'signature')) {
    const { signature: _signature, ...rest } = metadata;
    copy['metadata'] = rest;
  }
  const cells = copy['cells'];
  if (Array.isArray(cells)) {
    copy['cells'] = cells.map((cell: unknown) => {
      if (!cellIsTrusted(cell)) return cell;
      const { trusted: _trusted, ...rest } = (cell as JsonObject)['metadata'] as JsonObject;
      return { ...(cell as JsonObject), metadata: rest };
    });
  }
  return copy as T;
}
