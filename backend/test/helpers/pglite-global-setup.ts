import type { TestProject } from 'vitest/node';

/** PGlite runs: every test file opens its own in-memory database. */
export default function setup(project: TestProject): void {
  project.provide('databaseUrl', undefined);
}
