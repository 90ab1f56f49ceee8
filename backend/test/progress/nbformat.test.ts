/**
 * Saved notebooks are checked against the official nbformat v4 JSON schemas, as nbformat itself
 * checks them (`nbformat.validator.isvalid`): the schema of the notebook's minor version, the newest
 * schema relaxed for a minor version from the future, and unique cell ids from 4.5 on.
 *
 * The verdicts below are nbformat's own: `isvalid()` of python3-nbformat 5.5.0 (Debian 12, with its
 * default validator, fastjsonschema) on each notebook. The `fixtures/nbformat/` notebooks are the
 * test notebooks of the nbformat project (jupyter/nbformat `tests/`, BSD-3-Clause, see
 * fixtures/nbformat/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { notebook, seededModuleId, storedProgress } from './helpers';

type Notebook = Record<string, unknown>;

const fixture = (name: string): Notebook =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, 'fixtures', 'nbformat', name), 'utf8'),
  ) as Notebook;

const codeCell = (id: string | undefined, extra: Record<string, unknown> = {}) => ({
  cell_type: 'code',
  ...(id === undefined ? {} : { id }),
  metadata: {},
  source: 'x = 1',
  outputs: [],
  execution_count: null,
  ...extra,
});

const withCells = (minor: number, cells: unknown[], extra: Record<string, unknown> = {}) => ({
  nbformat: 4,
  nbformat_minor: minor,
  metadata: {},
  cells,
  ...extra,
});

interface Case {
  name: string;
  notebook: Notebook;
  /** nbformat's verdict, or 'v4-only': a valid notebook of another major version, refused here. */
  verdict: 'valid' | 'invalid' | 'v4-only';
  /** What the refusal says (for invalid notebooks). */
  message?: RegExp;
}

const cases: Case[] = [
  // The nbformat project's test notebooks.
  { name: 'test4.ipynb (4.0)', notebook: fixture('test4.ipynb'), verdict: 'valid' },
  { name: 'test4.5.ipynb', notebook: fixture('test4.5.ipynb'), verdict: 'valid' },
  { name: 'test4custom.ipynb (4.2)', notebook: fixture('test4custom.ipynb'), verdict: 'valid' },
  { name: 'test4docinfo.ipynb', notebook: fixture('test4docinfo.ipynb'), verdict: 'valid' },
  {
    name: 'test4jupyter_metadata.ipynb',
    notebook: fixture('test4jupyter_metadata.ipynb'),
    verdict: 'valid',
  },
  {
    name: 'test4jupyter_metadata_timings.ipynb (4.4)',
    notebook: fixture('test4jupyter_metadata_timings.ipynb'),
    verdict: 'valid',
  },
  { name: 'many_tracebacks.ipynb', notebook: fixture('many_tracebacks.ipynb'), verdict: 'valid' },
  {
    name: 'test4plus.ipynb (4.99, a cell type from the future)',
    notebook: fixture('test4plus.ipynb'),
    verdict: 'valid',
  },
  {
    name: 'invalid_cell_id.ipynb (forbidden characters in a cell id)',
    notebook: fixture('invalid_cell_id.ipynb'),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.0\.id: must match pattern "\^\[a-zA-Z0-9-_\]\+\$"/,
  },
  {
    name: 'invalid_unique_cell_id.ipynb (duplicate cell ids)',
    notebook: fixture('invalid_unique_cell_id.ipynb'),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.1\.id: the cell id "dup" is used by more than one cell/,
  },
  {
    name: 'no_min_version.ipynb (no nbformat_minor)',
    notebook: fixture('no_min_version.ipynb'),
    verdict: 'invalid',
    message: /^notebook_state: must have required property 'nbformat_minor'/,
  },
  {
    name: 'v4_5_invalid_metadata.ipynb (a kernelspec that is not an object)',
    notebook: fixture('v4_5_invalid_metadata.ipynb'),
    verdict: 'invalid',
    message: /^notebook_state\.metadata\.kernelspec: must be object/,
  },
  {
    name: 'v4_5_no_cell_id.ipynb (4.5 without cell ids)',
    notebook: fixture('v4_5_no_cell_id.ipynb'),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.0: must have required property 'id'/,
  },
  {
    name: 'invalid.ipynb (a markdown cell without source)',
    notebook: fixture('invalid.ipynb'),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.0: must have required property 'source'/,
  },
  { name: 'test2.ipynb (nbformat 2)', notebook: fixture('test2.ipynb'), verdict: 'invalid' },
  { name: 'test3.ipynb (nbformat 3)', notebook: fixture('test3.ipynb'), verdict: 'v4-only' },
  {
    name: 'test3_no_metadata.ipynb',
    notebook: fixture('test3_no_metadata.ipynb'),
    verdict: 'invalid',
  },
  {
    name: 'test3_no_min_version.ipynb',
    notebook: fixture('test3_no_min_version.ipynb'),
    verdict: 'invalid',
  },
  {
    name: 'test3_no_worksheets.ipynb',
    notebook: fixture('test3_no_worksheets.ipynb'),
    verdict: 'invalid',
  },
  {
    name: 'test3_worksheet_with_no_cells.ipynb',
    notebook: fixture('test3_worksheet_with_no_cells.ipynb'),
    verdict: 'invalid',
  },

  // Our own, each checked with nbformat's isvalid().
  { name: 'a small 4.5 notebook', notebook: notebook(), verdict: 'valid' },
  {
    name: 'the seeded module notebook',
    notebook: JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../../notebooks/module_01_intro_to_numpy.ipynb'),
        'utf8',
      ),
    ) as Notebook,
    verdict: 'valid',
  },
  { name: '4.4 without cell ids', notebook: withCells(4, [codeCell(undefined)]), verdict: 'valid' },
  {
    name: '4.4 with a cell id (ids came with 4.5)',
    notebook: withCells(4, [codeCell('a')]),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.0: must NOT have additional properties \(id\)/,
  },
  {
    name: '4.6 (future): extra keys, unknown output and cell types, any mime value',
    notebook: withCells(
      6,
      [
        codeCell('a', {
          extra: true,
          outputs: [
            { output_type: 'hologram', frames: 3 },
            { output_type: 'display_data', metadata: {}, data: { 'text/html': 5 } },
          ],
        }),
        { cell_type: 'sketch', metadata: {}, strokes: [] },
      ],
      { future: 'yes' },
    ),
    verdict: 'valid',
  },
  {
    name: '4.6 (future): an unknown cell type without metadata',
    notebook: withCells(6, [{ cell_type: 'sketch', id: 's' }]),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.0: /,
  },
  {
    name: '4.6 (future): duplicate cell ids',
    notebook: withCells(6, [codeCell('same'), codeCell('same')]),
    verdict: 'invalid',
    message: /the cell id "same" is used by more than one cell/,
  },
  {
    name: 'a 64-character cell id',
    notebook: withCells(5, [codeCell('a'.repeat(64))]),
    verdict: 'valid',
  },
  {
    name: 'a 65-character cell id',
    notebook: withCells(5, [codeCell('a'.repeat(65))]),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.0\.id: must NOT have more than 64 characters/,
  },
  {
    // nbformat's validator (fastjsonschema) reads "$" in a pattern as the end of the string.
    name: 'a cell id ending in a newline',
    notebook: withCells(5, [codeCell('abc\n')]),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.0\.id: must match pattern/,
  },
  {
    // Python's "." matches any character but a line feed; JavaScript's also stops at \r.
    name: 'a cell name holding a carriage return',
    notebook: withCells(5, [codeCell('a', { metadata: { name: 'a\rb' } })]),
    verdict: 'valid',
  },
  {
    name: 'a cell name holding a line feed',
    notebook: withCells(5, [codeCell('a', { metadata: { name: 'a\nb' } })]),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.0\.metadata\.name: must match pattern/,
  },
  {
    name: 'nbformat_minor -1',
    notebook: withCells(-1, []),
    verdict: 'invalid',
    message: /^notebook_state\.nbformat_minor: /,
  },
  {
    // nbformat raises (an AssertionError: the minor version must be an int) instead of answering.
    name: 'nbformat_minor 5.5',
    notebook: withCells(5.5, []),
    verdict: 'invalid',
    message: /^notebook_state\.nbformat_minor: /,
  },
  {
    name: 'a tag with a comma',
    notebook: withCells(5, [codeCell('a', { metadata: { tags: ['a,b'] } })]),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.0\.metadata\.tags\.0: must match pattern/,
  },
  {
    name: 'a kernelspec without display_name',
    notebook: withCells(5, [], { metadata: { kernelspec: { name: 'python' } } }),
    verdict: 'invalid',
    message: /^notebook_state\.metadata\.kernelspec: must have required property 'display_name'/,
  },
  {
    name: 'a negative execution_count',
    notebook: withCells(5, [codeCell('a', { execution_count: -1 })]),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.0\.execution_count: must be >= 0/,
  },
  {
    name: 'a JSON mime type holding an object, beside text',
    notebook: withCells(5, [
      codeCell('a', {
        outputs: [
          {
            output_type: 'display_data',
            metadata: {},
            data: { 'application/vnd.custom+json': { a: [1, 2] }, 'text/plain': ['x'] },
          },
        ],
      }),
    ]),
    verdict: 'valid',
  },
  {
    name: 'text/html holding a number (4.5)',
    notebook: withCells(5, [
      codeCell('a', {
        outputs: [{ output_type: 'display_data', metadata: {}, data: { 'text/html': 5 } }],
      }),
    ]),
    verdict: 'invalid',
    message: /^notebook_state\.cells\.0\.outputs\.0\.data\.text\/html: must be string or array/,
  },
];

describe('notebooks are checked against the nbformat v4 schemas', () => {
  let app: FastifyInstance;
  let moduleId: string;
  let user: TestUser;
  beforeAll(async () => {
    app = await createTestApp();
    moduleId = await seededModuleId(app, 2);
    user = await buildUser(app);
    // Something stored already: a refused save must leave it as it is.
    const first = await put(notebook('kept'));
    expect(first.statusCode).toBe(200);
  });
  afterAll(() => app.close());

  const put = (notebookState: Notebook) =>
    app.inject({
      method: 'PUT',
      url: `/api/progress/${moduleId}`,
      headers: user.headers,
      payload: { notebook_state: notebookState },
    });

  it.each(cases.filter((c) => c.verdict === 'valid'))('stores $name', async ({ notebook: nb }) => {
    const response = await put(nb);
    expect(response.statusCode, response.body).toBe(200);
    expect((await storedProgress(app, user.user.id, moduleId))!.notebookState).toEqual(nb);
  });

  it.each(cases.filter((c) => c.verdict !== 'valid'))(
    'refuses $name with 422, storing nothing',
    async ({ notebook: nb, verdict, message }) => {
      const before = await storedProgress(app, user.user.id, moduleId);
      const response = await put(nb);
      expect(response.statusCode).toBe(422);
      const error = response.json().error;
      expect(error.code).toBe('unprocessable_entity');
      if (verdict === 'invalid' && nb['nbformat'] === 4) {
        expect(error.message).toMatch(message ?? /./);
        expect(error.message).toMatch(/\((the )?nbformat 4[^()]*\)$/);
        expect(error.fields[0]).toMatch(/^notebook_state/);
      } else {
        expect(error.message).toMatch(/nbformat: must be 4 \(only nbformat 4 notebooks/);
      }
      expect(await storedProgress(app, user.user.id, moduleId)).toEqual(before);
    },
  );
});
