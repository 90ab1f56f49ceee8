/**
 * The site's files do not change while the page is open, but JupyterLite's drive fetches a file
 * again every time it is read with its content: opening a notebook reads it twice (the document,
 * then the checkpoint the document context creates before the notebook is shown), one more round
 * trip (a no-cache revalidation) on the way to the first paint. This plugin keeps each file's
 * first successful read and hands out copies of it.
 */
import { type Contents, IDefaultDrive, type ServiceManagerPlugin } from '@jupyterlab/services';

type ReadServerFile = (
  path: string,
  options?: Contents.IFetchOptions,
) => Promise<Contents.IModel | null>;

export const serverFilesReadOnce: ServiceManagerPlugin<void> = {
  id: '@tutor/jupyterlite:server-files-read-once',
  description: "Reads each of the site's files from the server once per page.",
  autoStart: true,
  requires: [IDefaultDrive],
  activate: (_: null, drive: Contents.IDrive) => {
    // `_getServerContents` is private upstream (BrowserStorageDrive); without it, nothing to do.
    const target = drive as unknown as { _getServerContents?: ReadServerFile };
    const read = target._getServerContents?.bind(drive);
    if (!read) return;
    const reads = new Map<string, Promise<Contents.IModel | null>>();
    target._getServerContents = async (path, options) => {
      if (!options?.content) return read(path, options);
      let model = reads.get(path);
      if (!model) {
        model = read(path, options);
        reads.set(path, model);
      }
      try {
        const result = await model;
        if (result !== null) return structuredClone(result);
        reads.delete(path); // not there (or not fetched): asked again next time
        return null;
      } catch (error) {
        reads.delete(path);
        throw error;
      }
    };
  },
};
