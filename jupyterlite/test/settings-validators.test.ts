// @vitest-environment jsdom
/**
 * The settings validators compiled at build time give the results of JupyterLab's own
 * DefaultSchemaValidator: the same composite settings (defaults filled in) and the same errors,
 * for schemas compiled at build time and for ones a plugin transforms at run time.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

import type {
  DefaultSchemaValidator as DefaultValidator,
  ISettingRegistry,
} from '@jupyterlab/settingregistry';
import { beforeAll, describe, expect, it } from 'vitest';

import { NODE_MODULES } from '../scripts/lib/paths';
import { type PluginSchemaEntry, readSchemas } from '../scripts/lib/schemas';
import { writeSettingsValidators } from '../scripts/lib/settings-validators';
import type {
  PrecompiledSchemaValidator as SchemaValidator,
  PrecompiledValidators,
} from '../src/sidepanel/schema-validator';
import { SETTINGS_OVERRIDES } from '../scripts/lib/site';

// Inside node_modules, so that the generated code finds Ajv's runtime helpers.
const GENERATED = path.join(NODE_MODULES, '.cache/tutor-settings-validators-test');

let entries: PluginSchemaEntry[];
let PrecompiledSchemaValidator: typeof SchemaValidator;
let compiled: PrecompiledValidators;
// Imported once the test environment is up (Lumino reads the DOM as its modules load).
let DefaultSchemaValidator: typeof DefaultValidator;

beforeAll(async () => {
  entries = await readSchemas();
  await writeSettingsValidators(GENERATED, entries, SETTINGS_OVERRIDES);
  ({ DefaultSchemaValidator } = await import('@jupyterlab/settingregistry'));
  ({ PrecompiledSchemaValidator } = await import('../src/sidepanel/schema-validator'));
  compiled = createRequire(import.meta.url)(
    path.join(GENERATED, 'index.cjs'),
  ) as PrecompiledValidators;
});

/** A registry plugin as JupyterLite lists it: overrides applied, `raw` the user's settings. */
function plugin(entry: PluginSchemaEntry, raw = '{}', schema?: object): ISettingRegistry.IPlugin {
  const copy = structuredClone(schema ?? entry.schema) as ISettingRegistry.ISchema;
  for (const [property, value] of Object.entries(SETTINGS_OVERRIDES[entry.id] ?? {})) {
    copy.properties![property]!.default = value as never;
  }
  return {
    id: entry.id,
    raw,
    schema: copy,
    data: { composite: {}, user: {} },
    version: entry.version,
  };
}

function bothValidate(target: () => ISettingRegistry.IPlugin) {
  const expected = target();
  const actual = target();
  const expectedErrors = new DefaultSchemaValidator().validateData(expected);
  const actualErrors = new PrecompiledSchemaValidator(compiled).validateData(actual);
  return { expected, actual, expectedErrors, actualErrors };
}

describe('settings validators compiled at build time', () => {
  it('compile every schema that is not transformed at run time', async () => {
    const { precompiled } = compiled;
    const fixed = entries.filter((entry) => !entry.schema['jupyter.lab.transform']);
    expect(Object.keys(precompiled).sort()).toEqual(fixed.map((entry) => entry.id).sort());
  });

  it('fill in the same defaults as JupyterLab, for every schema', () => {
    const composites: Record<string, Record<string, unknown>> = {};
    for (const entry of entries) {
      const { expected, actual, expectedErrors, actualErrors } = bothValidate(() => plugin(entry));
      expect(actualErrors, entry.id).toEqual(expectedErrors);
      expect(actualErrors, entry.id).toBeNull();
      expect(actual.data, entry.id).toEqual(expected.data);
      composites[entry.id] = actual.data.composite;
    }
    const filled = Object.values(composites).filter(
      (composite) => Object.keys(composite).length > 0,
    );
    expect(filled.length).toBeGreaterThan(15);
    expect(composites['@jupyterlab/notebook-extension:tracker']?.['windowingMode']).toBe(
      'contentVisibility',
    );
    expect(composites['@jupyterlab/docmanager-extension:plugin']?.['autosave']).toBe(false);
  });

  it('keep user values and report the same errors for wrong ones', () => {
    const tracker = entries.find((entry) => entry.id === '@jupyterlab/notebook-extension:tracker')!;
    const kept = bothValidate(() => plugin(tracker, '{ // comment\n "scrollPastEnd": false }'));
    expect(kept.actualErrors).toBeNull();
    expect(kept.actual.data.composite['scrollPastEnd']).toBe(false);
    expect(kept.actual.data).toEqual(kept.expected.data);

    const wrongType = bothValidate(() => plugin(tracker, '{ "scrollPastEnd": "yes" }'));
    expect(wrongType.actualErrors).not.toBeNull();
    expect(wrongType.actualErrors).toEqual(wrongType.expectedErrors);

    const badSyntax = bothValidate(() => plugin(tracker, '{ "scrollPastEnd": '));
    expect(badSyntax.actualErrors?.[0]?.keyword).toBe('syntax');
    expect(badSyntax.actualErrors).toEqual(badSyntax.expectedErrors);
  });

  it('compile a schema changed at run time like JupyterLab, and check it first', () => {
    const panel = entries.find((entry) => entry.id === '@jupyterlab/notebook-extension:panel')!;
    const transformed = structuredClone(panel.schema) as ISettingRegistry.ISchema;
    transformed.properties!['toolbar']!.default = [{ name: 'run', rank: 1 }];
    const same = bothValidate(() => plugin(panel, '{}', transformed));
    expect(same.actualErrors).toBeNull();
    expect(same.actual.data).toEqual(same.expected.data);

    const notAnObject = { ...transformed, type: 'array' };
    const rejected = bothValidate(() => plugin(panel, '{}', notAnObject));
    expect(rejected.actualErrors).toEqual(rejected.expectedErrors);

    const invalidSchema = { ...transformed, properties: { toolbar: { type: 'no-such-type' } } };
    const invalid = bothValidate(() => plugin(panel, '{}', invalidSchema));
    expect(invalid.expectedErrors).not.toBeNull();
    expect(invalid.actualErrors).not.toBeNull();
  });
});
