import type { ILabShell } from '@jupyterlab/application';

/** Single-document mode with every area but the main one collapsed or hidden. */
export function fitShellToPanel(labShell: ILabShell): void {
  labShell.mode = 'single-document';
  labShell.collapseLeft();
  labShell.collapseRight();
  for (const side of ['left', 'right'] as const) {
    if (labShell.isSideTabBarVisible(side)) labShell.toggleSideTabBarVisibility(side);
  }
  if (labShell.isTopInSimpleModeVisible()) labShell.toggleTopInSimpleModeVisibility();
  document.body.classList.add('tutor-SidePanel');
}
