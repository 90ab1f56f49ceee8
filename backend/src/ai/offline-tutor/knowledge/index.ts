import { CHEBYSHEV, LAGRANGE, NEWTON_DIVIDED, POLYFIT, RUNGE } from './concepts-interpolation';
import {
  CONDITION_NUMBER,
  DETERMINANT,
  EIGENVALUES,
  LINEAR_SYSTEMS,
  MATMUL,
} from './concepts-linalg';
import {
  ARRAY_CREATION,
  BROADCASTING,
  FLOAT_COMPARISON,
  INDEXING_SLICING,
  VECTORISATION,
} from './concepts-numpy';
import { NUMERICAL_INTEGRATION, ROOT_FINDING } from './concepts-numerical';
import { ATTRIBUTE_ERROR, INDEX_ERROR, KEY_ERROR, NAME_ERROR, TYPE_ERROR } from './errors-basic';
import { BROADCAST_ERROR, SINGULAR_MATRIX, VALUE_ERROR, ZERO_DIVISION } from './errors-numeric';
import { INDENTATION_ERROR, MODULE_NOT_FOUND, SYNTAX_ERROR } from './errors-syntax';
import type { ErrorEntry, KnowledgeEntry } from './types';

/** Most specific first: a broadcasting ValueError before the generic one, IndentationError before SyntaxError. */
export const ERROR_ENTRIES: ErrorEntry[] = [
  SINGULAR_MATRIX,
  BROADCAST_ERROR,
  MODULE_NOT_FOUND,
  INDENTATION_ERROR,
  SYNTAX_ERROR,
  NAME_ERROR,
  ZERO_DIVISION,
  INDEX_ERROR,
  KEY_ERROR,
  ATTRIBUTE_ERROR,
  TYPE_ERROR,
  VALUE_ERROR,
];

export const CONCEPT_ENTRIES: KnowledgeEntry[] = [
  ARRAY_CREATION,
  INDEXING_SLICING,
  BROADCASTING,
  MATMUL,
  DETERMINANT,
  EIGENVALUES,
  LINEAR_SYSTEMS,
  CONDITION_NUMBER,
  LAGRANGE,
  NEWTON_DIVIDED,
  POLYFIT,
  RUNGE,
  CHEBYSHEV,
  FLOAT_COMPARISON,
  VECTORISATION,
  NUMERICAL_INTEGRATION,
  ROOT_FINDING,
];

export type { ErrorEntry, KnowledgeEntry } from './types';
