import { describe, expect, it } from 'vitest';
import { hasTrustMarkers, withoutTrustMarkers } from './notebook-trust';

const cell = (metadata: Record<string, unknown>) => ({
  cell_type: 'code',
  id: 'c',
  metadata,
  source: 'HTML(page)',
  outputs: [
    { output_type: 'display_data', metadata: {}, data: { 'text/html': '<script>x</script>' } },
  ],
  execution_count: 1,
});

describe('notebook trust markers', () => {
  it('finds a cell marked trusted (true or false) and a notebook signature', () => {
    expect(hasTrustMarkers({ metadata: {}, cells: [cell({})] })).toBe(false);
    expect(hasTrustMarkers({ metadata: {}, cells: [cell({ trusted: true })] })).toBe(true);
    expect(hasTrustMarkers({ metadata: {}, cells: [cell({ trusted: false })] })).toBe(true);
    expect(hasTrustMarkers({ metadata: { signature: 'sha256:ab' }, cells: [] })).toBe(true);
    expect(
      hasTrustMarkers({ metadata: { trusted: true }, cells: [{ metadata: { trustedish: 1 } }] }),
    ).toBe(false);
    for (const odd of [null, 3, [], { cells: 'x' }, { cells: [null, 'a', { metadata: [] }] }]) {
      expect(hasTrustMarkers(odd)).toBe(false);
    }
  });

  it('returns the same object when there is nothing to strip', () => {
    const notebook = { metadata: { kernelspec: {} }, cells: [cell({ tags: ['a'] })] };
    expect(withoutTrustMarkers(notebook)).toBe(notebook);
  });

  it('strips every marker and keeps everything else, without changing its input', () => {
    const notebook = {
      nbformat: 4,
      metadata: { signature: 'sha256:ab', kernelspec: { name: 'python' } },
      cells: [cell({ trusted: true, tags: ['a'] }), cell({}), 'not a cell'],
    };
    const before = structuredClone(notebook);
    const stripped = withoutTrustMarkers(notebook);
    expect(stripped).toEqual({
      nbformat: 4,
      metadata: { kernelspec: { name: 'python' } },
      cells: [cell({ tags: ['a'] }), cell({}), 'not a cell'],
    });
    expect(notebook).toEqual(before);
    expect(stripped.cells[1]).toBe(notebook.cells[1]);
    expect(hasTrustMarkers(stripped)).toBe(false);
  });
});
