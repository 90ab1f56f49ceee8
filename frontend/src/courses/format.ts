const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A date and time for people ("12 Mar 2026, 14:05"); the ISO text if it does not parse. */
export function formatDateTime(iso: string | null, empty = 'Never'): string {
  if (iso === null) return empty;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? iso : dateTime.format(parsed);
}

export function formatDate(iso: string): string {
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? iso : date.format(parsed);
}

/** 0.4 → "40%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
