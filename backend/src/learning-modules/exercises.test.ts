import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exercisesDir, exercisesForNotebook, findExercise, loadExerciseCatalog } from './exercises';

const exercise = (id: string) => ({
  id,
  title: `Exercise ${id}`,
  prompt: 'Do it',
  concepts: ['arrays'],
  hints: ['h1', 'h2', 'h3', 'h4'],
  solution: 'x = 1',
  explanation: 'Because.',
});

describe('loadExerciseCatalog', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tutor-exercises-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const log = () => ({ info: vi.fn(), warn: vi.fn() });

  it('indexes exercises by id and by notebook, in authored order', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.json'),
      JSON.stringify({ notebook: 'a.ipynb', exercises: [exercise('a1'), exercise('a2')] }),
    );
    writeFileSync(
      join(dir, 'b.json'),
      JSON.stringify({ notebook: 'b.ipynb', exercises: [exercise('b1')] }),
    );
    const catalog = loadExerciseCatalog(dir, log());
    expect(catalog.byId.get('a2')).toEqual(exercise('a2'));
    expect(catalog.byNotebook.get('a.ipynb')!.map((e) => e.id)).toEqual(['a1', 'a2']);
    expect(catalog.byNotebook.get('b.ipynb')!.map((e) => e.id)).toEqual(['b1']);
  });

  it('logs and skips malformed JSON, invalid files and duplicate ids, keeping the rest', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.json'),
      JSON.stringify({ notebook: 'a.ipynb', exercises: [exercise('a1')] }),
    );
    writeFileSync(join(dir, 'b.json'), '{"notebook": ');
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({
        notebook: 'c.ipynb',
        exercises: [{ ...exercise('c1'), hints: ['only one'] }],
      }),
    );
    writeFileSync(
      join(dir, 'd.json'),
      JSON.stringify({ notebook: 'd.ipynb', exercises: [exercise('a1'), exercise('d1')] }),
    );
    writeFileSync(join(dir, 'notes.txt'), 'not json at all');
    const logger = log();
    const catalog = loadExerciseCatalog(dir, logger);
    expect([...catalog.byId.keys()].sort()).toEqual(['a1', 'd1']);
    expect(catalog.byNotebook.has('c.ipynb')).toBe(false);
    expect(logger.warn).toHaveBeenCalledTimes(3);
    expect(logger.warn.mock.calls.map((call) => call[1])).toEqual([
      'skipping unreadable tutor exercise file',
      'skipping invalid tutor exercise file',
      'skipping tutor exercise with a duplicate id',
    ]);
  });

  it('is empty when the folder does not exist', () => {
    const catalog = loadExerciseCatalog(join(tempDir(), 'missing'), log());
    expect(catalog.byId.size).toBe(0);
  });

  it("loads the project's own tutor files, each exercise with four hints and a solution", () => {
    const logger = log();
    const catalog = loadExerciseCatalog(exercisesDir('notebooks'), logger);
    expect(logger.warn).not.toHaveBeenCalled();
    const module1 = catalog.byNotebook.get('module_01_intro_to_numpy.ipynb');
    expect(module1?.length).toBeGreaterThan(0);
    for (const material of catalog.byId.values()) {
      expect(material.hints).toHaveLength(4);
      expect(material.solution.length).toBeGreaterThan(0);
    }
  });
  it('finds an exercise by id and the exercises of a notebook by its file name', () => {
    const catalog = loadExerciseCatalog(exercisesDir('notebooks'), log());
    const exercise = findExercise(catalog, 'm1-ex1-create-arrays');
    expect(exercise?.hints).toHaveLength(4);
    expect(findExercise(catalog, 'no-such-exercise')).toBeUndefined();
    expect(exercisesForNotebook(catalog, 'notebooks/module_01_intro_to_numpy.ipynb')).toContain(
      exercise,
    );
    expect(exercisesForNotebook(catalog, 'module_99_missing.ipynb')).toEqual([]);
  });
});
