/** The settings validators compiled at build time (scripts/lib/settings-validators.ts). */
declare module '@tutor/settings-validators' {
  import type { ValidateFunction } from 'ajv';

  export interface PrecompiledSchema {
    /** The hash (src/sidepanel/schema-hash.ts) of the JSON text of the schema compiled. */
    schemaHash: string;
    /** User data against the schema (JupyterLab's validator). */
    validate: ValidateFunction;
    /** The same, filling in defaults (JupyterLab's composer). */
    compose: ValidateFunction;
  }

  export const precompiled: Record<string, PrecompiledSchema>;
  /** A schema against JupyterLab's plugin schema. */
  export const checkPluginSchema: ValidateFunction;
  /** A schema against the JSON Schema draft-07 meta-schema. */
  export const checkMetaSchema: ValidateFunction;
}
