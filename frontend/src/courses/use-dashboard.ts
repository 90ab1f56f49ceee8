import { useMutation, useQuery } from '@tanstack/react-query';
import { downloadDashboardCsv } from '../api/courses/download-dashboard-csv';
import { getDashboard } from '../api/courses/get-dashboard';
import { getStudentHistory } from '../api/courses/get-student-history';
import { dashboardKey, studentHistoryKey } from './query-keys';

export function useDashboard(classId: string) {
  return useQuery({
    queryKey: dashboardKey(classId),
    queryFn: ({ signal }) => getDashboard(classId, signal),
    // The students are working: it is read again on coming back to the page.
    staleTime: 0,
  });
}

export function useStudentHistory(classId: string, userId: string) {
  return useQuery({
    queryKey: studentHistoryKey(classId, userId),
    queryFn: ({ signal }) => getStudentHistory(classId, userId, signal),
    staleTime: 0,
  });
}

/** A file name from the class's name: "numerical-methods-dashboard.csv". */
function csvFileName(className: string): string {
  const slug = className
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'class'}-dashboard.csv`;
}

/** Downloads the grid as a CSV file (through a temporary link the browser saves). */
export function useCsvDownload(classId: string, className: string) {
  return useMutation({
    mutationFn: async () => {
      const blob = await downloadDashboardCsv(classId);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = csvFileName(className);
      document.body.append(link);
      link.click();
      link.remove();
      // After the click the browser has the file; the URL is let go a moment later.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}
