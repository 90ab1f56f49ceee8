/**
 * Remembers the outcome of the most recent cell execution, as the text a student would read.
 */
import type { ICellModel } from '@jupyterlab/cells';
import type { KernelError } from '@jupyterlab/notebook';

// ANSI escape sequences (colours, cursor moves) that tracebacks carry for terminals.
// eslint-disable-next-line no-control-regex
const ANSI_PATTERN = /[\u001b\u009b][[\]()#;?]*(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-ORZcf-nqry=><~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\))/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}

/**
 * The error's class name as Python prints it ("TypeError", "LinAlgError"): the Pyodide kernel
 * reports `str(type(error))`, "<class 'TypeError'>" or "<class 'numpy.linalg.LinAlgError'>".
 */
export function kernelErrorName(raw: string): string {
  const qualified = /^<class '([\w.]+)'>$/.exec(raw.trim())?.[1];
  return qualified ? (qualified.split('.').pop() ?? qualified) : raw;
}

/** The traceback text of a failed execution, ANSI codes stripped. */
export function formatKernelError(error: Pick<KernelError, 'errorName' | 'errorValue' | 'traceback'>): string {
  const traceback = (error.traceback ?? []).map(stripAnsi).join('\n').trim();
  if (traceback) return traceback;
  const name = kernelErrorName(error.errorName);
  return error.errorValue ? `${name}: ${error.errorValue}` : name;
}

/** A failed execution: its traceback text, the error's name, and the cell that ran. */
export interface ExecutionFailure {
  text: string;
  ename: string;
  cell: ICellModel | null;
}

export class LastExecution {
  private failure: ExecutionFailure | null = null;

  /** Records an execution: how it failed, or null if it succeeded. */
  record(failure: ExecutionFailure | null): void {
    this.failure = failure;
  }

  clear(): void {
    this.failure = null;
  }

  /** The error text of the last execution (null when it succeeded). */
  get error(): string | null {
    return this.failure?.text ?? null;
  }

  get lastFailure(): ExecutionFailure | null {
    return this.failure;
  }
}
