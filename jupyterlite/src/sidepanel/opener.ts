import type { ILabShell } from '@jupyterlab/application';
import type { IDocumentManager } from '@jupyterlab/docmanager';
import type { Notebook, NotebookPanel } from '@jupyterlab/notebook';
import { Widget } from '@lumino/widgets';

import { idle, markNotebookRendered, nextFrame, painted } from './startup-gate';

/**
 * Opens the document named by `?path=` (a contents path, e.g. `files/module_01.ipynb`) with the
 * notebook factory.
 */
export async function openFromUrl(
  docManager: IDocumentManager,
  labShell: ILabShell,
  search: string,
): Promise<void> {
  const params = new URLSearchParams(search);
  const path = params.get('path');
  if (!path) {
    showMessage(labShell, 'No notebook was requested (the page address has no ?path=).');
    return;
  }
  try {
    await docManager.services.contents.get(path, { content: false });
  } catch {
    showMessage(labShell, `The notebook ${path} could not be found.`);
    return;
  }
  const widget = docManager.openOrReveal(path, 'Notebook', undefined, { ref: '_noref' });
  if (!widget) {
    showMessage(labShell, `The notebook ${path} could not be opened.`);
    return;
  }
  await whenRendered(widget as NotebookPanel);
}

/**
 * Resolves once the notebook's first screen of cells is painted; then the kernel may start. The
 * notebook renders its cells in idle time after its model is loaded (placeholders first, in
 * order), so wait until the cells down to the bottom of the visible area are rendered, a frame has
 * been painted, and the main thread was idle once.
 */
async function whenRendered(panel: NotebookPanel): Promise<void> {
  try {
    await panel.context.ready;
    await panel.revealed;
    while (!panel.isDisposed && !visibleCellsRendered(panel.content)) await nextFrame();
    await painted();
    await idle();
  } finally {
    markNotebookRendered();
  }
}

/** Whether every cell that starts above the bottom of the notebook's visible area is rendered. */
function visibleCellsRendered(notebook: Notebook): boolean {
  const bottom = notebook.node.getBoundingClientRect().bottom;
  for (const cell of notebook.widgets) {
    if (cell.isPlaceholder()) return false;
    if (cell.node.getBoundingClientRect().top >= bottom) return true;
  }
  return true;
}

function showMessage(labShell: ILabShell, text: string): void {
  markNotebookRendered();
  const widget = new Widget();
  widget.id = 'tutor-open-error';
  widget.title.label = 'Notebook';
  widget.addClass('tutor-OpenError');
  const paragraph = document.createElement('p');
  paragraph.setAttribute('role', 'alert');
  paragraph.textContent = text;
  widget.node.appendChild(paragraph);
  labShell.add(widget, 'main');
}
