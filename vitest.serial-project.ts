import { defineProject, type TestProjectConfiguration } from 'vitest/config';
import { aliases } from './vitest.aliases';

/**
 * A package's files that must run alone (Chromium, worker processes, kill -9, real-time windows): a project run
 * after the in-process files (core, nodes, server, adapters), one file at a time (vitest's default on 2 cores).
 * See packages/core/vitest.config.ts and each package's vitest.serial-files.ts.
 */
export function serialProject(
  name: string,
  include: string[],
  test: { expect?: { poll?: { timeout?: number } } } = {},
): TestProjectConfiguration {
  return defineProject({
    resolve: { alias: aliases },
    test: { name, sequence: { groupOrder: 1 }, include, testTimeout: 30_000, hookTimeout: 60_000, ...test },
  });
}
