import { apiErrorFromResponse, networkError } from '../api-error';
import { apiClient } from '../client';
import { classPath } from './paths';

/**
 * GET /api/classes/{id}/dashboard.csv as a file. Not through `apiFetch`, which reads JSON: the
 * token is refreshed first when it is about to expire, so one request does.
 */
export async function downloadDashboardCsv(classId: string): Promise<Blob> {
  const token = await apiClient.getAccessToken();
  let response: Response;
  try {
    response = await fetch(`${classPath(classId)}/dashboard.csv`, {
      credentials: 'same-origin',
      headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  return response.blob();
}
