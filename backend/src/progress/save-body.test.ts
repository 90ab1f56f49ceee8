import { describe, expect, it } from 'vitest';
import {
  NOTEBOOK_MAX_DEPTH,
  ProgressBeaconSchema,
  ProgressUpdateSchema,
} from '@tutor/shared/progress';
import { inspectParsedJson } from './json-body';
import { plainProgressBeacon, plainProgressUpdate } from './save-body';

const notebook = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { cell_type: 'markdown', id: 'a', source: ['# T\n', 'x'], metadata: {} },
    { cell_type: 'code', id: 'b', source: 'x = 1', metadata: {}, outputs: [], execution_count: 1 },
  ],
};
const deep = JSON.parse('{"x":'.repeat(NOTEBOOK_MAX_DEPTH) + '1' + '}'.repeat(NOTEBOOK_MAX_DEPTH));

/** Bodies either side of each rule of the shared schemas. */
const bodies: unknown[] = [
  {},
  [],
  null,
  'text',
  { status: 'completed' },
  { status: 'done' },
  { status: null },
  { notebook_state: notebook },
  { notebook_state: notebook, base_version: 0 },
  { notebook_state: notebook, base_version: 3, status: 'in_progress' },
  { notebook_state: notebook, base_version: -1 },
  { notebook_state: notebook, base_version: 1.5 },
  { notebook_state: notebook, base_version: '1' },
  { notebook_state: notebook, base_version: 2 ** 60 },
  { notebook_state: notebook, base_version: null },
  { notebook_state: notebook, extra: 1 },
  { notebook_state: notebook, save_token: 'token' },
  { notebook_state: notebook, save_token: '' },
  { notebook_state: notebook, save_token: 5 },
  { save_token: 'token' },
  { notebook_state: null },
  { notebook_state: [] },
  { notebook_state: { ...notebook, nbformat: 3 } },
  { notebook_state: { ...notebook, nbformat: '4' } },
  { notebook_state: { ...notebook, nbformat_minor: '5' } },
  { notebook_state: { ...notebook, nbformat_minor: null } },
  { notebook_state: { ...notebook, nbformat_minor: undefined } },
  { notebook_state: { ...notebook, metadata: [] } },
  { notebook_state: { ...notebook, metadata: null } },
  { notebook_state: { ...notebook, metadata: { deep } } },
  { notebook_state: { ...notebook, metadata: { x: deep } } },
  { notebook_state: { ...notebook, cells: {} } },
  { notebook_state: { ...notebook, cells: ['print(1)'] } },
  { notebook_state: { ...notebook, cells: [null] } },
  { notebook_state: { ...notebook, cells: [[]] } },
  { notebook_state: { ...notebook, cells: [{ cell_type: 1 }] } },
  { notebook_state: { ...notebook, cells: [{ cell_type: 'widget' }] } },
  { notebook_state: { ...notebook, cells: [{ cell_type: 'code', source: 42 }] } },
  { notebook_state: { ...notebook, cells: [{ cell_type: 'code', source: ['a', 1] }] } },
  { notebook_state: { ...notebook, cells: [{ cell_type: 'code', metadata: [] }] } },
  { notebook_state: { ...notebook, cells: [{ cell_type: 'code', metadata: 'x' }] } },
  { notebook_state: { ...notebook, other: { kept: true } } },
];

describe('plain save bodies', () => {
  // As the parser hands them over: JSON text parsed, with its depth.
  const parsed = bodies.map((body) => JSON.parse(JSON.stringify(body) ?? 'null') as unknown);

  it.each(parsed.map((body) => [JSON.stringify(body).slice(0, 90), body]))(
    'accepts %s only if the shared schema does, and then as it is',
    (_name, body) => {
      const depth = inspectParsedJson(body);
      const update = plainProgressUpdate(body, depth);
      if (update !== undefined) {
        expect(ProgressUpdateSchema.safeParse(body)).toMatchObject({ success: true, data: body });
        expect(update).toBe(body);
      }
      const beacon = plainProgressBeacon(body, depth);
      if (beacon !== undefined) {
        expect(ProgressBeaconSchema.safeParse(body)).toMatchObject({ success: true, data: body });
      }
    },
  );

  it('accepts the common saves without the schema', () => {
    const save = { notebook_state: notebook, base_version: 2 };
    expect(plainProgressUpdate(save, inspectParsedJson(save))).toBe(save);
    const beacon = { ...save, save_token: 'token' };
    expect(plainProgressBeacon(beacon, inspectParsedJson(beacon))).toBe(beacon);
    expect(plainProgressUpdate(save, undefined)).toBeUndefined();
  });
});
