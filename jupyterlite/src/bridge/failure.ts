/**
 * Turns a kernel start-up failure (often a whole Python traceback) into a plain sentence for the
 * student and the technical reason for whoever looks at the details.
 */
const ERROR_LINE = /^[A-Za-z_][\w.]*(?:Error|Exception)\b[^:]*:.*/;
const DOWNLOAD_FAILURE = /micropip|Failed to fetch|NetworkError|net::|Failed to load|loadPackage/i;

export interface KernelFailure {
  /** What happened, in plain words. */
  message: string;
  /** The technical reason: the error line and, for a download, where the packages come from. */
  detail: string;
}

export function describeKernelFailure(reason: unknown, packageBaseUrl: string | null): KernelFailure {
  const text = (reason instanceof Error ? reason.message : String(reason ?? '')).trim();
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const errorLine = [...lines].reverse().find((line) => ERROR_LINE.test(line)) ?? lines.at(-1) ?? '';
  if (DOWNLOAD_FAILURE.test(text)) {
    return {
      message: "Python's packages could not be downloaded. Check the internet connection.",
      detail: [errorLine, packageBaseUrl ? `Packages: ${packageBaseUrl}` : ''].filter(Boolean).join('\n'),
    };
  }
  return {
    message: 'The Python runtime did not start.',
    detail: errorLine || 'No error message was given.',
  };
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
