/**
 * `/jupyterlite/lab/index.html?path=files/<notebook>`. The JupyterLite test build replaces Python
 * with a JavaScript stand-in kernel when the lab URL carries `testKernel=1`: this page passes that
 * switch through when it was itself opened with `?testKernel=1`. Test-only: a production build
 * has no test kernel, so the parameter does nothing there.
 */
export function labUrl(notebookFilename: string, pageSearch: string): string {
  const query = new URLSearchParams({ path: `files/${notebookFilename}` });
  if (new URLSearchParams(pageSearch).get('testKernel') === '1') query.set('testKernel', '1');
  return `/jupyterlite/lab/index.html?${query.toString()}`;
}

/** The module's starting notebook as served by JupyterLite (contents path files/<name>). */
export function originalNotebookUrl(notebookFilename: string): string {
  return `/jupyterlite/files/files/${encodeURIComponent(notebookFilename)}`;
}
