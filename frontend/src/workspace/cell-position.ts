/**
 * The cell a student was at in a module's notebook, kept in this browser so that reopening the
 * workspace returns there. Keyed by user and module: another student on the same computer starts
 * at the top. Only an index is kept (no notebook content).
 */
const PREFIX = 'tutor:workspace-cell:';

function key(userId: string, moduleId: string): string {
  return `${PREFIX}${userId}:${moduleId}`;
}

export function rememberedCell(userId: string, moduleId: string): number | null {
  try {
    const value = Number(window.localStorage.getItem(key(userId, moduleId)));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function rememberCell(userId: string, moduleId: string, index: number): void {
  try {
    if (index > 0) window.localStorage.setItem(key(userId, moduleId), String(index));
    else window.localStorage.removeItem(key(userId, moduleId));
  } catch {
    // Storage can be full or disabled: the workspace then opens at the top, as before.
  }
}
