import { apiFetch } from '../client';

/**
 * GET /api/auth/me/export, saved as a file. Fetched through the API client (the bearer token and
 * its refresh), then handed to the browser as a download of the JSON as received.
 */
export async function downloadAccountData(): Promise<void> {
  const data = await apiFetch('/api/auth/me/export');
  const exportedAt = (data as { exported_at?: unknown } | null)?.exported_at;
  const day = typeof exportedAt === 'string' ? exportedAt.slice(0, 10) : 'export';
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `numerical-tutor-data-${day}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
