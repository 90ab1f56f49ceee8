/**
 * The notebooks as JupyterLite contents: the files under `files/files/` (contents path
 * `files/<name>.ipynb`) and the `api/contents/.../all.json` directory indexes the in-browser
 * contents manager reads.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { hasTrustMarkers } from '../../../shared/src/notebook-trust';

/** The contents folder holding the notebooks; the seed's URL is `?path=files/<name>.ipynb`. */
export const NOTEBOOK_FOLDER = 'files';

interface ContentsModel {
  name: string;
  path: string;
  type: 'directory' | 'notebook';
  format: 'json' | null;
  mimetype: string | null;
  content: ContentsModel[] | null;
  size: number | null;
  writable: boolean;
  created: string;
  last_modified: string;
}

/** A fixed timestamp keeps builds byte-identical (SOURCE_DATE_EPOCH if set). */
function buildTimestamp(): string {
  const epoch = Number(process.env['SOURCE_DATE_EPOCH'] ?? 0);
  return new Date((Number.isFinite(epoch) ? epoch : 0) * 1000).toISOString();
}

function directory(name: string, dirPath: string, content: ContentsModel[] | null): ContentsModel {
  const time = buildTimestamp();
  return {
    name,
    path: dirPath,
    type: 'directory',
    format: content ? 'json' : null,
    mimetype: null,
    content,
    size: null,
    writable: true,
    created: time,
    last_modified: time,
  };
}

export async function writeContents(siteDir: string, notebooks: string[]): Promise<void> {
  const time = buildTimestamp();
  const filesDir = path.join(siteDir, 'files', NOTEBOOK_FOLDER);
  await mkdir(filesDir, { recursive: true });
  const models: ContentsModel[] = [];
  for (const source of notebooks) {
    const name = path.basename(source);
    const text = await readFile(source, 'utf8');
    let notebook: unknown;
    try {
      notebook = JSON.parse(text);
    } catch (error) {
      throw new Error(`${source} is not valid JSON: ${(error as Error).message}`);
    }
    // The lab would render such a notebook's outputs trusted (scripts in HTML outputs would run).
    if (hasTrustMarkers(notebook)) {
      throw new Error(
        `${source} has trust markers (a cell's metadata.trusted or metadata.signature): remove them`,
      );
    }
    await copyFile(source, path.join(filesDir, name));
    models.push({
      name,
      path: `${NOTEBOOK_FOLDER}/${name}`,
      type: 'notebook',
      format: null,
      mimetype: null,
      content: null,
      size: Buffer.byteLength(text),
      writable: true,
      created: time,
      last_modified: time,
    });
  }
  const apiDir = path.join(siteDir, 'api/contents');
  await mkdir(path.join(apiDir, NOTEBOOK_FOLDER), { recursive: true });
  await writeFile(
    path.join(apiDir, 'all.json'),
    JSON.stringify(directory('', '', [directory(NOTEBOOK_FOLDER, NOTEBOOK_FOLDER, null)]), null, 2),
  );
  await writeFile(
    path.join(apiDir, NOTEBOOK_FOLDER, 'all.json'),
    JSON.stringify(directory(NOTEBOOK_FOLDER, NOTEBOOK_FOLDER, models), null, 2),
  );
}
