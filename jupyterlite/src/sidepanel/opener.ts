import type { ILabShell } from '@jupyterlab/application';
import type { IDocumentManager } from '@jupyterlab/docmanager';
import type { NotebookPanel } from '@jupyterlab/notebook';
import { Widget } from '@lumino/widgets';

import { markNotebookRendered } from './startup-gate';

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

/** Resolves once the notebook's cells are painted; then the kernel may start. */
async function whenRendered(panel: NotebookPanel): Promise<void> {
  try {
    await panel.context.ready;
    await panel.revealed;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  } finally {
    markNotebookRendered();
  }
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
