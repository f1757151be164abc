import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testStore } from '@swigs/automation-core/testing';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'swigs-sqlite-conformance-'));
let n = 0;

testStore({ name: 'sqlite', create: () => createSqliteStore({ filename: join(dir, `store-${++n}.db`) }) });

afterAll(() => rmSync(dir, { recursive: true, force: true }));
