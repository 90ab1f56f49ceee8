import { describe, expect, it } from 'vitest';
import { createNbformatValidator, pythonDollars, pythonDots } from './validator';

describe("Python's pattern semantics in JavaScript", () => {
  it('"." matches any character but a line feed, outside character classes only', () => {
    const dots = (pattern: string) => new RegExp(pythonDots(pattern), 'u');
    expect(dots('^.+$').test('a\rb\u2028c')).toBe(true);
    expect(dots('^.+$').test('a\nb')).toBe(false);
    expect(pythonDots('^[.]\\.[^.]].$')).toBe('^[.]\\.[^.]][^\\n]$');
    expect(pythonDots('[]a.]')).toBe('[]a.]');
  });

  it('"$" may precede one final line feed (Python\'s re), unless escaped', () => {
    const dollars = (pattern: string) => new RegExp(pythonDollars(pattern), 'u');
    expect(dollars('^ab$').test('ab\n')).toBe(true);
    expect(dollars('^ab$').test('ab\n\n')).toBe(false);
    expect(pythonDollars('a\\$b$')).toBe('a\\$b(?=\\n?$)');
  });
});

describe('the nbformat validator', () => {
  const validate = createNbformatValidator();
  const notebook = (minor: number, cells: unknown[]) => ({
    nbformat: 4,
    nbformat_minor: minor,
    metadata: {},
    cells,
  });
  const code = (extra: Record<string, unknown> = {}) => ({
    cell_type: 'code',
    metadata: {},
    source: '',
    outputs: [],
    execution_count: null,
    ...extra,
  });

  it('uses the schema of the minor version', () => {
    expect(validate(notebook(4, [code()]))).toBeNull();
    expect(validate(notebook(5, [code()]))).toEqual({
      path: 'notebook_state.cells.0',
      message: "must have required property 'id' (nbformat 4.5 schema)",
    });
  });

  it('names the problem inside a cell or an output, not the oneOf', () => {
    expect(
      validate(notebook(4, [code({ outputs: [{ output_type: 'stream', name: 1, text: '' }] })])),
    ).toEqual({
      path: 'notebook_state.cells.0.outputs.0.name',
      message: 'must be string (nbformat 4.4 schema)',
    });
    expect(validate(notebook(4, [code({ outputs: [{ output_type: 'hologram' }] })]))).toEqual({
      path: 'notebook_state.cells.0.outputs.0.output_type',
      message:
        'must be "execute_result", "display_data", "stream" or "error" (not "hologram") (nbformat 4.4 schema)',
    });
  });
});
