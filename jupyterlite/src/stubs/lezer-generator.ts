/**
 * Stands in for @lezer/generator (a grammar compiler, ~20 kB compressed). @jupyterlab/codemirror
 * calls it once, `buildParser('@top Program { }')`, for the dummy parser of plain text. This
 * returns that grammar's parser as lezer-generator compiles it (test/stubs.test.ts compares the
 * two); any other grammar is refused.
 */
import { LRParser } from '@lezer/lr';

export const EMPTY_GRAMMAR = '@top Program { }';

/** The empty grammar's parser; `alsoTop` names more top rules that are the same empty rule. */
export function emptyParser(alsoTop: readonly string[] = []): LRParser {
  const top: [number, number] = [0, 1];
  return LRParser.deserialize({
    version: 14,
    states: 'UQOOOOO',
    stateData: 'Q~O',
    goto: 'QPP',
    nodeNames: '⚠ Program',
    maxTerm: 2,
    skippedNodes: [0],
    repeatNodeCount: 0,
    tokenData: 'RORO',
    tokenizers: [],
    topRules: { Program: top, ...Object.fromEntries(alsoTop.map((name) => [name, top])) },
    tokenPrec: 0,
  });
}

export function buildParser(grammar: string): LRParser {
  if (grammar !== EMPTY_GRAMMAR) throw new Error(`No grammar compiler in this app: ${grammar}`);
  return emptyParser();
}
