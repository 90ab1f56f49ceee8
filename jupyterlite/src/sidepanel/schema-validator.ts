/**
 * The setting registry's validator: JupyterLab's DefaultSchemaValidator, with the Ajv compilation
 * done at build time (scripts/lib/settings-validators.ts). A plugin whose schema is exactly the
 * one compiled uses the compiled functions; any other schema (one a plugin transforms at run
 * time) goes through the same checks (with the checks compiled at build time) and is compiled
 * here with the same Ajv options. Results and errors are those of the default validator.
 */
import type { ISchemaValidator, ISettingRegistry } from '@jupyterlab/settingregistry';
import { JSONExt, type PartialJSONObject } from '@lumino/coreutils';
import type * as generated from '@tutor/settings-validators';
import type { PrecompiledSchema } from '@tutor/settings-validators';
import { Ajv, type ValidateFunction } from 'ajv';
import * as json5 from 'json5';

import { schemaHash } from './schema-hash';

type Errors = ISchemaValidator.IError[];

/** What the build compiled (declared in src/settings-validators.d.ts). */
export type PrecompiledValidators = typeof generated;

type Compiled = Pick<PrecompiledSchema, 'validate' | 'compose'>;

export class PrecompiledSchemaValidator implements ISchemaValidator {
  private runtime: { validator: Ajv; composer: Ajv } | null = null;
  /** Per plugin id, the validators of the first schema seen for it (as the default validator). */
  private readonly byPlugin = new Map<string, Compiled>();

  constructor(private readonly compiled: PrecompiledValidators) {}

  validateData(plugin: ISettingRegistry.IPlugin, populate = true): Errors | null {
    const compiled = this.compiledFor(plugin);
    if (Array.isArray(compiled)) return compiled;
    const user = parseRaw(plugin.raw);
    if (Array.isArray(user)) return user;
    if (!compiled.validate(user)) return compiled.validate.errors as Errors;
    const composite = JSONExt.deepCopy(user);
    if (!compiled.compose(composite)) return compiled.compose.errors as Errors;
    if (populate) plugin.data = { composite, user } as ISettingRegistry.ISettingBundle;
    return null;
  }

  private compiledFor(plugin: ISettingRegistry.IPlugin): Compiled | Errors {
    const cached = this.byPlugin.get(plugin.id);
    if (cached) return cached;
    const known = this.compiled.precompiled[plugin.id];
    const compiled =
      known && known.schemaHash === schemaHash(JSON.stringify(plugin.schema))
        ? known
        : this.compile(plugin.schema);
    if (!Array.isArray(compiled)) this.byPlugin.set(plugin.id, compiled);
    return compiled;
  }

  /** DefaultSchemaValidator's checks and compilation, for a schema not compiled at build time. */
  private compile(schema: ISettingRegistry.ISchema): Compiled | Errors {
    if (schema.type !== 'object') {
      const message = `Setting registry schemas' root-level type must be 'object', rejecting type: ${schema.type}`;
      return [{ instancePath: 'type', keyword: 'schema', schemaPath: '', message }] as Errors;
    }
    const { checkPluginSchema, checkMetaSchema } = this.compiled;
    if (!checkPluginSchema(schema)) return checkPluginSchema.errors as Errors;
    if (!checkMetaSchema(schema)) return checkMetaSchema.errors as Errors;
    // The schema is checked above; Ajv need not compile the meta-schema to check it again.
    this.runtime ??= {
      validator: new Ajv({ strict: false, validateSchema: false }),
      composer: new Ajv({ strict: false, validateSchema: false, useDefaults: true }),
    };
    return {
      validate: this.runtime.validator.compile(schema) as ValidateFunction,
      compose: this.runtime.composer.compile(schema) as ValidateFunction,
    };
  }
}

/** The user's raw settings (commented JSON), or DefaultSchemaValidator's errors for them. */
function parseRaw(raw: string): PartialJSONObject | Errors {
  try {
    return json5.parse(raw) as PartialJSONObject;
  } catch (error) {
    if (error instanceof SyntaxError) {
      return [
        { instancePath: '', keyword: 'syntax', schemaPath: '', message: error.message },
      ] as Errors;
    }
    const { column, description, lineNumber } = error as {
      column: number;
      description: string;
      lineNumber: number;
    };
    return [
      {
        instancePath: '',
        keyword: 'parse',
        schemaPath: '',
        message: `${description} (line ${lineNumber} column ${column})`,
      },
    ] as Errors;
  }
}
