/**
 * Remembers the outcome of the most recent cell execution, as the text a student would read.
 */
import type { KernelError } from '@jupyterlab/notebook';

// ANSI escape sequences (colours, cursor moves) that tracebacks carry for terminals.
// eslint-disable-next-line no-control-regex
const ANSI_PATTERN = /[\u001b\u009b][[\]()#;?]*(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-ORZcf-nqry=><~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\))/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}

/** The traceback text of a failed execution, ANSI codes stripped. */
export function formatKernelError(error: Pick<KernelError, 'errorName' | 'errorValue' | 'traceback'>): string {
  const traceback = (error.traceback ?? []).map(stripAnsi).join('\n').trim();
  if (traceback) return traceback;
  return error.errorValue ? `${error.errorName}: ${error.errorValue}` : error.errorName;
}

export class LastExecution {
  private errorText: string | null = null;

  /** Records an execution: the error text if it failed, or null if it succeeded. */
  record(errorText: string | null): void {
    this.errorText = errorText;
  }

  clear(): void {
    this.errorText = null;
  }

  get error(): string | null {
    return this.errorText;
  }
}
