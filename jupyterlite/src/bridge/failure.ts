/**
 * Turns a kernel start-up failure (often a whole Python traceback) into one readable sentence.
 */
const ERROR_LINE = /^[A-Za-z_][\w.]*(?:Error|Exception)\b[^:]*:.*/;
const DOWNLOAD_FAILURE = /micropip|Failed to fetch|NetworkError|net::|Failed to load|loadPackage/i;

export function describeKernelFailure(reason: unknown, packageBaseUrl: string | null): string {
  const text = (reason instanceof Error ? reason.message : String(reason ?? '')).trim();
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const errorLine = [...lines].reverse().find((line) => ERROR_LINE.test(line)) ?? lines.at(-1) ?? '';
  if (DOWNLOAD_FAILURE.test(text)) {
    const where = packageBaseUrl ? ` from ${packageBaseUrl}` : '';
    return `Python's packages could not be downloaded${where}; check the network connection.${errorLine ? ` (${errorLine})` : ''}`;
  }
  return errorLine || 'The Python runtime did not start.';
}

/** The package base URL the Pyodide kernel was configured with, if any. */
export function configuredPackageBaseUrl(litePluginSettings: string): string | null {
  try {
    const settings = JSON.parse(litePluginSettings || '{}') as Record<
      string,
      { loadPyodideOptions?: { packageBaseUrl?: unknown } } | undefined
    >;
    const url = settings['@jupyterlite/pyodide-kernel-extension:kernel']?.loadPyodideOptions?.packageBaseUrl;
    return typeof url === 'string' ? url : null;
  } catch {
    return null;
  }
}
