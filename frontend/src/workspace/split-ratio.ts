/**
 * The notebook pane's share of the workspace width, remembered per user in localStorage. Only this
 * number is stored in the browser: notebook content lives on the server alone.
 */

export const DEFAULT_NOTEBOOK_PERCENT = 60;
export const MIN_PANE_PX = 300;

const key = (userId: string) => `numerical-tutor:workspace-split:${userId}`;

export function loadSplitPercent(userId: string | undefined): number {
  if (!userId) return DEFAULT_NOTEBOOK_PERCENT;
  try {
    const value = Number(localStorage.getItem(key(userId)));
    return Number.isFinite(value) && value >= 5 && value <= 95 ? value : DEFAULT_NOTEBOOK_PERCENT;
  } catch {
    return DEFAULT_NOTEBOOK_PERCENT;
  }
}

export function saveSplitPercent(userId: string | undefined, percent: number): void {
  if (!userId) return;
  try {
    localStorage.setItem(key(userId), String(Math.round(percent * 10) / 10));
  } catch {
    // Storage full or disabled: the split just is not remembered.
  }
}

/** The range of notebook percentages that keeps both panes at least MIN_PANE_PX wide. */
export function percentBounds(containerPx: number, gutterPx: number): { min: number; max: number } {
  if (containerPx <= 0) return { min: 0, max: 100 };
  const min = ((MIN_PANE_PX + gutterPx / 2) / containerPx) * 100;
  return min >= 50 ? { min: 50, max: 50 } : { min, max: 100 - min };
}

export function clampPercent(percent: number, bounds: { min: number; max: number }): number {
  return Math.min(bounds.max, Math.max(bounds.min, percent));
}
