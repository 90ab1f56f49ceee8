/**
 * Medians of page loads (bench/lib/page-load.ts) as report lines, and our lab against the stock
 * one: the goal is at most half the stock lab's time to first cell and bytes.
 */
import { type LoadResult, type RequestRecord, isPyodide } from './page-load';

const MB = 1024 * 1024;
const GOAL = 0.5;

const sum = (rs: RequestRecord[]): number => rs.reduce((n, r) => n + r.bytes, 0);
const network = (rs: RequestRecord[]): RequestRecord[] => rs.filter((r) => !r.fromCache);
const mb = (bytes: number): string => `${(bytes / MB).toFixed(2)} MB`;

export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The figures compared with the stock lab, as medians. */
export interface LoadMedians {
  firstCell: number;
  /** Everything but Pyodide's files, for the whole load. */
  appBytes: number;
  beforePyodide: number;
}

export function medians(results: LoadResult[]): LoadMedians {
  return {
    firstCell: median(results.map((r) => r.firstCell)),
    appBytes: median(results.map((r) => sum(r.all.filter((x) => !isPyodide(x))))),
    beforePyodide: median(results.map((r) => sum(r.before))),
  };
}

export function summarise(label: string, results: LoadResult[]): string[] {
  const m = (f: (r: LoadResult) => number): number => median(results.map(f));
  const firstCells = results.map((r) => r.firstCell).join(', ');
  const requested = results.filter((r) => Number.isFinite(r.pyodideStart));
  const after = requested.every((r) => r.pyodideStart >= r.firstCell);
  const gap = median(requested.map((r) => r.pyodideStart - r.firstCell));
  const lead = !requested.length
    ? 'not requested'
    : `${Math.abs(gap).toFixed(0)} ms ${gap >= 0 ? 'after' : 'before'} the first cell`;
  return [
    `${label} (median of ${results.length}):`,
    `  first rendered cell            ${m((r) => r.firstCell).toFixed(0)} ms   (runs: ${firstCells})`,
    `  requests before Pyodide        ${m((r) => r.before.length)} (${m((r) => network(r.before).length)} over the network)`,
    `  bytes before Pyodide           ${mb(m((r) => sum(r.before)))} transferred`,
    `  Pyodide core                   ${m((r) => network(r.pyodide).length)} requests over the network, ${mb(m((r) => sum(r.pyodide)))} transferred`,
    `  Pyodide start vs first cell    ${lead}${requested.length && !after ? ' (before it in some runs)' : ''}`,
    `  app bytes (all but Pyodide)    ${mb(medians(results).appBytes)} transferred`,
    `  all local requests             ${m((r) => r.all.length)}, ${mb(m((r) => sum(r.all)))} transferred`,
  ];
}

function ratio(ours: number, stock: number, what: string): string {
  if (stock === 0) return `  ${what.padEnd(30)} n/a (stock ${ours === 0 ? 'and ours ' : ''}0)`;
  const value = ours / stock;
  const verdict = value <= GOAL ? 'met' : 'missed';
  return `  ${what.padEnd(30)} ${value.toFixed(2)}x   goal <= ${GOAL}x: ${verdict}`;
}

/** Ours over stock, time to first cell and app bytes, each judged against the goal. */
export function compare(label: string, ours: LoadResult[], stock: LoadResult[]): string[] {
  const o = medians(ours);
  const s = medians(stock);
  return [
    `ours / stock, ${label}:`,
    ratio(o.firstCell, s.firstCell, 'time to first cell'),
    ratio(o.appBytes, s.appBytes, 'app bytes (all but Pyodide)'),
    ratio(o.beforePyodide, s.beforePyodide, 'bytes before Pyodide'),
  ];
}
