import { describe, expect, it } from 'vitest';

import { notebookProblems } from '../../shared/src/notebook-state';
import { formatKernelError, kernelErrorName, stripAnsi } from '../src/bridge/errors';
import { configuredPackageBaseUrl, describeKernelFailure } from '../src/bridge/failure';
import { normalizePackageBaseUrl } from '../scripts/lib/pyodide';

describe('error text', () => {
  it('strips ANSI colour codes from tracebacks', () => {
    expect(stripAnsi('\u001b[0;31mValueError\u001b[0m: bad')).toBe('ValueError: bad');
    expect(
      formatKernelError({ errorName: 'ValueError', errorValue: 'bad', traceback: ['\u001b[0;31mValueError\u001b[0m: bad'] }),
    ).toBe('ValueError: bad');
    expect(formatKernelError({ errorName: 'KeyError', errorValue: "'x'", traceback: [] })).toBe("KeyError: 'x'");
  });

  it("names errors as Python prints them, not as the Pyodide kernel's <class '...'>", () => {
    expect(kernelErrorName("<class 'TypeError'>")).toBe('TypeError');
    expect(kernelErrorName("<class 'numpy.linalg.LinAlgError'>")).toBe('LinAlgError');
    expect(kernelErrorName('ValueError')).toBe('ValueError');
    expect(formatKernelError({ errorName: "<class 'KeyError'>", errorValue: "'x'", traceback: [] })).toBe("KeyError: 'x'");
  });

  it('explains a kernel that could not download its packages', () => {
    const traceback = 'Traceback (most recent call last):\n  File "<exec>", line 2\nModuleNotFoundError: No module named \'micropip\'\nThe module \'micropip\' is included';
    expect(describeKernelFailure(traceback, 'https://mirror.example/pyodide/')).toEqual({
      message: "Python's packages could not be downloaded. Check the internet connection.",
      detail: "ModuleNotFoundError: No module named 'micropip'\nPackages: https://mirror.example/pyodide/",
    });
    expect(describeKernelFailure(new Error('SyntaxError: bad'), null)).toEqual({
      message: 'The Python runtime did not start.',
      detail: 'SyntaxError: bad',
    });
    expect(describeKernelFailure('', null)).toEqual({
      message: 'The Python runtime did not start.',
      detail: 'No error message was given.',
    });
    expect(
      configuredPackageBaseUrl(
        JSON.stringify({ '@jupyterlite/pyodide-kernel-extension:kernel': { loadPyodideOptions: { packageBaseUrl: 'https://x/' } } }),
      ),
    ).toBe('https://x/');
    expect(configuredPackageBaseUrl('not json')).toBeNull();
  });
});

describe('notebook validation', () => {
  it('accepts nbformat 4 and lists the problems of anything else', () => {
    expect(notebookProblems({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', source: ['x'], metadata: {} }] })).toEqual([]);
    expect(notebookProblems({ nbformat: 3, nbformat_minor: 0, metadata: {}, cells: [] })).toEqual([
      'nbformat must be 4 (only nbformat 4 notebooks are accepted)',
    ]);
    expect(notebookProblems([])).toEqual(['must be an nbformat 4 notebook object with cells, metadata and nbformat']);
    expect(notebookProblems({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [5, { cell_type: 'code', source: 1 }] })).toEqual([
      'cells[0] must be a notebook cell object',
      'cells[1].source must be a string or an array of strings',
    ]);
    expect(notebookProblems({ nbformat: 4, cells: 'nope' })).toEqual([
      'metadata must be an object',
      'cells must be an array of notebook cells',
    ]);
  });

  it('accepts what the server stores: a cell type from a later minor version (JupyterLab opens it as raw)', () => {
    expect(notebookProblems({ nbformat: 4, nbformat_minor: 99, metadata: {}, cells: [{ cell_type: 'future', source: 'x', metadata: {} }] })).toEqual([]);
  });
});

describe('PYODIDE_PACKAGES_URL', () => {
  it('must be an absolute http(s) URL and gets a trailing slash', () => {
    expect(normalizePackageBaseUrl('https://mirror.example/pyodide/v314.0.6/full')).toBe('https://mirror.example/pyodide/v314.0.6/full/');
    expect(() => normalizePackageBaseUrl('/pyodide/')).toThrow(/absolute URL/);
    expect(() => normalizePackageBaseUrl('file:///tmp/x/')).toThrow(/http or https/);
  });
});
