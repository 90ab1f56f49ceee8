/**
 * Stands in for @jupyterlab/shortcuts-extension's `renderer` module: the keyboard-shortcut editor's
 * React components (~6 kB compressed). The shortcuts plugin hands `renderShortCut` to the form
 * renderer registry, which only the settings editor reads; the side panel has none, so the editor
 * never renders (its keyboard shortcuts themselves are set up by the plugin, not by this module).
 */
export function renderShortCut(): never {
  throw new Error('The keyboard shortcut editor is not part of this app');
}
