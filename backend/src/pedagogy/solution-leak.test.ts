import { describe, expect, it } from 'vitest';
import { normaliseCode, solutionJudge } from './solution-leak';

const SOLUTION = `D = np.abs(x[:, None] - x[None, :])
D_no_diag = np.where(np.eye(len(x), dtype=bool), np.inf, D)
nearest = D_no_diag.min(axis=1)  # nearest other point
`;

describe('solutionJudge', () => {
  const judge = solutionJudge(SOLUTION, [
    'x = np.array([0.0, 1.5, 4.0])\nD = None  # your code here',
  ]);

  it('normalises away comments and whitespace, not strings', () => {
    expect(normaliseCode("a = f( 'x # y' )  # note\n b")).toBe("a=f('x#y')b");
  });

  it('finds a line of the solution in a hint below level 4, however it is spaced', () => {
    const leaks = judge.leaks('Try `D=np.abs( x[:,None]-x[None,:] )`.', 2);
    expect(leaks).toEqual([{ kind: 'line', found: 'D=np.abs(x[:,None]-x[None,:])' }]);
  });

  it('finds a key expression: a call with its arguments or a slicing subscript', () => {
    expect(judge.leaks('Make a column with `x[:, None]`.', 3)).toEqual([
      { kind: 'expression', found: 'x[:,None]' },
    ]);
    expect(judge.leaks('Use np.eye(len(x), dtype=bool) as a mask.', 1)[0]).toMatchObject({
      kind: 'expression',
      found: 'np.eye(len(x),dtype=bool)',
    });
  });

  it('lets words, function names and given code through', () => {
    expect(
      judge.leaks(
        'Turn x into a column and a row, subtract, take the absolute value with np.abs, then ' +
          'mask the diagonal with np.where and np.inf and take the minimum along axis 1. `D = None`',
        3,
      ),
    ).toEqual([]);
  });

  it('at hint 4, refuses (nearly) the whole solution but accepts real gaps', () => {
    const nearlyAll =
      '```python\nD = np.abs(x[:, None] - x[None, :])\nD_no_diag = np.where(np.eye(len(x), dtype=bool), np.inf, D)\nnearest = D_no_diag.min(axis=...)\n```';
    expect(judge.leaks(nearlyAll, 4)).toEqual([
      { kind: 'whole_solution', found: expect.stringMatching(/^1% of the solution/) },
    ]);
    const partial =
      '```python\nD = np.abs(...)\nD_no_diag = np.where(..., np.inf, D)\nnearest = ...\n```';
    expect(judge.leaks(partial, 4)).toEqual([]);
  });

  it('never judges a full solution (level 5)', () => {
    expect(judge.leaks(SOLUTION, 5)).toEqual([]);
  });
});
