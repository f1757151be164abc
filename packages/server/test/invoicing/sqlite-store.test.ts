import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@swigs/automation-adapters/sqlite';
import { afterAll } from 'vitest';
import { describeKeyFlows } from './key-flows';

const dir = mkdtempSync(join(tmpdir(), 'swigs-invoicing-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeKeyFlows('SQLite', async () => createSqliteStore({ filename: join(dir, `store-${++n}.db`) }));
