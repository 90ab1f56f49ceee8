/**
 * Notebooks checked as nbformat checks them: the official nbformat v4 JSON schemas (schemas/,
 * BSD-3-Clause, copied from nbformat) compiled once with Ajv, and the rules of nbformat's
 * `validator.py` (python3-nbformat 5.5.0; `isvalid()`, which `validate()` also follows without its
 * deprecated repairs):
 *
 * - the schema is chosen by `nbformat_minor` (0 when absent, whose schema then requires it);
 * - a minor version newer than the newest schema (a notebook from the future) is checked against
 *   the newest schema with every `additionalProperties` set to true and cells and outputs of
 *   unknown types allowed (`_relax_additional_properties`, `_allow_undefined`);
 * - from 4.5 on, two cells may not have the same id (`_normalize`, outside the JSON schema);
 * - patterns mean what they mean to nbformat's default validator, fastjsonschema, which uses
 *   Python's `re`: "." is any character but a line feed (JavaScript's also stops at \r, U+2028 and
 *   U+2029), "$" ends the string in `pattern` and may precede one final line feed in
 *   `patternProperties` (fastjsonschema rewrites the former only);
 * - a refusal names the first problem, for a cell or an output against the schema of its own type
 *   (`better_validation_error`), not "must match exactly one schema in oneOf".
 *
 * Known difference: nbformat (JSON Schema draft 4 in Python) refuses 1.0 where an integer is
 * required; JSON.parse has made it 1 before this runs, so it passes here.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import v40 from './schemas/nbformat.v4.0.schema.json' with { type: 'json' };
import v41 from './schemas/nbformat.v4.1.schema.json' with { type: 'json' };
import v42 from './schemas/nbformat.v4.2.schema.json' with { type: 'json' };
import v43 from './schemas/nbformat.v4.3.schema.json' with { type: 'json' };
import v44 from './schemas/nbformat.v4.4.schema.json' with { type: 'json' };
import v45 from './schemas/nbformat.v4.5.schema.json' with { type: 'json' };

/** The schema of each minor version, 4.0 to 4.5 (the newest nbformat knows). */
const SCHEMAS: readonly object[] = [v40, v41, v42, v43, v44, v45];
const NEWEST_MINOR = SCHEMAS.length - 1;
/** Cells carry ids, which must be unique, from this minor version on. */
const CELL_IDS_FROM_MINOR = 5;
const CELL_TYPES = new Set(['raw', 'markdown', 'code']);
const OUTPUT_TYPES = new Set(['execute_result', 'display_data', 'stream', 'error']);

/** Why a notebook is not valid: where (a dotted path from `notebook_state`) and what. */
export interface NotebookProblem {
  path: string;
  message: string;
}

/** Checks a parsed notebook (`nbformat` already known to be 4); null when it is valid. */
export type NbformatValidator = (notebook: Record<string, unknown>) => NotebookProblem | null;

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (value: Json): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Python's `re` meaning of "." in a JavaScript pattern: any character but "\n". */
export function pythonDots(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      out += char + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      // "]" right after "[" or "[^" is a literal in Python's classes.
      const opened = pattern[i - 1] === '[' || (pattern[i - 1] === '^' && pattern[i - 2] === '[');
      if (char === ']' && !opened) inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else out += char === '.' ? '[^\\n]' : char;
  }
  return out;
}

/** Python's `re` meaning of "$" (end, or before a final "\n") in a JavaScript pattern. */
export function pythonDollars(pattern: string): string {
  return pattern.replace(/(?<!\\)((?:\\\\)*)\$/g, '$1(?=\\n?$)');
}

const pythonRegExp = Object.assign(
  (pattern: string, flags: string) => new RegExp(pythonDots(pattern), flags),
  { code: 'pythonRegExp' },
);

/** Applies `change` to every object in `value` (depth first), in place. */
function eachObject(value: Json, change: (object: JsonObject) => void): void {
  if (Array.isArray(value)) value.forEach((item) => eachObject(item, change));
  else if (isObject(value)) {
    change(value);
    Object.values(value).forEach((item) => eachObject(item, change));
  }
}

/** A schema as Ajv takes it here: draft 4 and draft 7 agree on every keyword these schemas use. */
function prepare(schema: object, future: boolean): JsonObject {
  const copy = structuredClone(schema) as JsonObject;
  delete copy['$schema'];
  eachObject(copy, (object) => {
    const patterns = object['patternProperties'];
    if (isObject(patterns)) {
      object['patternProperties'] = Object.fromEntries(
        Object.entries(patterns).map(([pattern, sub]) => [pythonDollars(pattern), sub]),
      );
    }
    if (future && 'additionalProperties' in object) object['additionalProperties'] = true;
  });
  if (future) {
    const definitions = copy['definitions'] as Record<string, { oneOf: Json[] }>;
    definitions['cell']!.oneOf.push({ $ref: '#/definitions/unrecognized_cell' });
    definitions['output']!.oneOf.push({ $ref: '#/definitions/unrecognized_output' });
  }
  return copy;
}

interface Compiled {
  /** How refusals name the schema. */
  label: string;
  /** The relaxed schema of a notebook from the future (cells and outputs of unknown types). */
  future: boolean;
  validate: ValidateFunction;
  /** A definition a cell or an output is checked against to say what is wrong with it. */
  definition(name: string): ValidateFunction | undefined;
}

const pointerToPath = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));

function valueAt(root: Json, path: string[]): Json {
  let value = root;
  for (const key of path) value = (value as JsonObject | Json[] | undefined)?.[key as never];
  return value;
}

const dotted = (path: string[]) => ['notebook_state', ...path].join('.');

function describe(error: ErrorObject): string {
  const params = error.params as { additionalProperty?: string };
  const extra = error.keyword === 'additionalProperties' ? ` (${params.additionalProperty})` : '';
  return `${error.message ?? 'is not valid'}${extra}`;
}

/**
 * The first problem in `errors` (Ajv stops at the first failing keyword; a oneOf's own error comes
 * after those of its branches). A cell or an output that matched none of the oneOf's schemas is
 * checked again against the schema of its type, as nbformat's `better_validation_error` does.
 */
function firstProblem(
  compiled: Compiled,
  data: Json,
  errors: ErrorObject[],
  at: string[],
): NotebookProblem {
  const error = errors[errors.length - 1]!;
  const path = [...at, ...pointerToPath(error.instancePath)];
  if (error.keyword === 'oneOf') {
    const instance = valueAt(data, pointerToPath(error.instancePath));
    const definition = refinementFor(compiled, instance);
    if (definition && !definition(instance) && definition.errors?.length) {
      return firstProblem(compiled, instance, definition.errors, path);
    }
    // A type this version does not know (allowed only in a notebook from the future).
    for (const [key, known] of [
      ['cell_type', CELL_TYPES],
      ['output_type', OUTPUT_TYPES],
    ] as const) {
      const type = isObject(instance) ? instance[key] : undefined;
      if (typeof type === 'string' && !known.has(type)) {
        const names = [...known].map((name) => `"${name}"`);
        return {
          path: dotted([...path, key]),
          message: `must be ${names.slice(0, -1).join(', ')} or ${names.at(-1)} (not ${JSON.stringify(type)})`,
        };
      }
    }
    // A oneOf of types (a multiline string: a string or an array of strings): say which.
    const branches = errors.slice(0, -1).filter((e) => e.instancePath === error.instancePath);
    if (branches.length > 0 && branches.every((e) => e.keyword === 'type')) {
      const types = branches.map((e) => (e.params as { type: string }).type);
      return { path: dotted(path), message: `must be ${types.join(' or ')}` };
    }
  }
  return { path: dotted(path), message: describe(error) };
}

/** The definition of the instance's own type (types unknown to the schema: notebooks from the future). */
function refinementFor(compiled: Compiled, instance: Json): ValidateFunction | undefined {
  if (!isObject(instance)) return undefined;
  const cellType = instance['cell_type'];
  if (typeof cellType === 'string') {
    if (CELL_TYPES.has(cellType)) return compiled.definition(`${cellType}_cell`);
    return compiled.future ? compiled.definition('unrecognized_cell') : undefined;
  }
  const outputType = instance['output_type'];
  if (typeof outputType === 'string') {
    if (OUTPUT_TYPES.has(outputType)) return compiled.definition(outputType);
    return compiled.future ? compiled.definition('unrecognized_output') : undefined;
  }
  return undefined;
}

/** The first cell id used twice (nbformat checks this from 4.5 on, outside the JSON schema). */
function duplicateCellId(cells: Json): NotebookProblem | null {
  if (!Array.isArray(cells)) return null;
  const seen = new Set<Json>();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (!isObject(cell) || !('id' in cell)) continue;
    if (seen.has(cell['id'])) {
      return {
        path: dotted(['cells', String(i), 'id']),
        message: `the cell id ${JSON.stringify(cell['id'])} is used by more than one cell (nbformat 4.5 and later)`,
      };
    }
    seen.add(cell['id']);
  }
  return null;
}

/**
 * Compiles the schemas and returns the check. Call it once, at start-up: the 4.5 schema is compiled
 * then, each other one the first time a notebook of its minor version comes.
 */
export function createNbformatValidator(): NbformatValidator {
  const ajv = new Ajv({
    strict: false,
    allErrors: false,
    validateSchema: false,
    code: { regExp: pythonRegExp },
  });
  const compile = (key: string, source: object, future: boolean, label: string): Compiled => {
    const schema = prepare(source, future);
    ajv.addSchema(schema, key);
    // Compiled on first use: only a refusal needs them.
    const definition = (name: string) => ajv.getSchema(`${key}#/definitions/${name}`);
    return { label, future, validate: ajv.getSchema(key)!, definition };
  };
  // 4.5 (what JupyterLab writes) now; the others when a notebook of theirs first comes.
  const byMinor = new Map<number, Compiled>();
  const forMinor = (minor: number): Compiled => {
    const key = minor <= NEWEST_MINOR ? minor : NEWEST_MINOR + 1;
    let compiled = byMinor.get(key);
    if (!compiled) {
      compiled =
        key <= NEWEST_MINOR
          ? compile(`nbformat-4.${key}`, SCHEMAS[key]!, false, `nbformat 4.${key} schema`)
          : compile(
              'nbformat-4-future',
              SCHEMAS[NEWEST_MINOR]!,
              true,
              `the nbformat 4.${NEWEST_MINOR} schema, relaxed for a newer minor version`,
            );
      byMinor.set(key, compiled);
    }
    return compiled;
  };
  forMinor(NEWEST_MINOR);

  return (notebook) => {
    const minor = 'nbformat_minor' in notebook ? notebook['nbformat_minor'] : 0;
    if (typeof minor !== 'number' || !Number.isInteger(minor) || minor < 0) {
      return {
        path: 'notebook_state.nbformat_minor',
        message: 'must be an integer of 0 or more (nbformat 4 schema)',
      };
    }
    if (minor >= CELL_IDS_FROM_MINOR) {
      const duplicate = duplicateCellId(notebook['cells']);
      if (duplicate) return duplicate;
    }
    const compiled = forMinor(minor);
    if (compiled.validate(notebook)) return null;
    const problem = firstProblem(compiled, notebook, compiled.validate.errors ?? [], []);
    return { ...problem, message: `${problem.message} (${compiled.label})` };
  };
}

let processValidator: NbformatValidator | undefined;

/** The process's validator: compiled by the first app that registers the progress routes. */
export const nbformatValidator = (): NbformatValidator =>
  (processValidator ??= createNbformatValidator());
