import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import { entry } from '../tsup.config';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${pkgDir}package.json`, 'utf8')) as {
  exports: Record<string, string | Record<string, { types: string; default: string }>>;
  main: string;
  module: string;
  types: string;
};

beforeAll(() => {
  // `pnpm test` builds first; a lone run of this file builds core itself.
  if (!existsSync(`${pkgDir}dist/index.js`))
    execSync('pnpm --filter @swigs/automation-core run build', { cwd: root, stdio: 'ignore' });
}, 180_000);

describe('@swigs/automation-core package', () => {
  it('has exactly one exports entry per tsup entry, pointing at its built files', () => {
    const fromExports = Object.keys(pkg.exports)
      .filter((key) => key !== './package.json')
      .map((key) => (key === '.' ? 'index' : `${key.slice(2)}/index`))
      .sort();
    expect(fromExports).toEqual(Object.keys(entry).sort());
    for (const name of Object.keys(entry)) {
      const key = name === 'index' ? '.' : `./${name.replace(/\/index$/, '')}`;
      expect(pkg.exports[key]).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
    expect([pkg.main, pkg.module, pkg.types]).toEqual(['./dist/index.cjs', './dist/index.js', './dist/index.d.cts']);
  });

  it('exports a pinned public API', async () => {
    const api = await import('@swigs/automation-core');
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "AbortedError",
        "AdapterError",
        "AutomationNodeSchema",
        "AutomationRunSchema",
        "AutomationSchema",
        "AutomationStatsSchema",
        "ConditionGroupSchema",
        "ConditionOperatorSchema",
        "ConditionRuleSchema",
        "ConfigInvalidError",
        "ConflictError",
        "ConnectionConditionSchema",
        "ConnectionSchema",
        "DEFAULT_LIMITS",
        "DEFAULT_SCHEDULER",
        "DEFAULT_TIME_ZONE",
        "DefinitionInvalidError",
        "EMAIL_TEMPLATES_COLLECTION",
        "EMAIL_TEMPLATE_LIMITS",
        "ENUM_KEYWORD",
        "ERROR_KEYWORD",
        "EmailCategorySchema",
        "EmailTemplateSchema",
        "ErrorCode",
        "EvaluationError",
        "ExecutionLogEntrySchema",
        "FROM_CONFIG_KEYWORD",
        "GraphInvalidError",
        "IDEMPOTENCY_TTL_MS",
        "LABEL_KEYWORD",
        "LEASED_RUN_STATUSES",
        "LogStatusSchema",
        "MAX_ATTACHMENT_BYTES",
        "NODE_TYPE_PATTERN",
        "NON_BLOCKING_CODES",
        "NodeFailedError",
        "NodeKind",
        "NonRetriableError",
        "NotFoundError",
        "OPEN_KEYWORD",
        "PhoneNumberSchema",
        "PositionSchema",
        "RetryAfterError",
        "RunStatusSchema",
        "SCHEDULE_TRIGGER",
        "SENDING_STEP_TYPES",
        "STEP_STATS_DAY_MS",
        "SwigsError",
        "TERMINAL_RUN_STATUSES",
        "TRIGGER_VARIABLES_KEY",
        "TriggerSchema",
        "ValidationCode",
        "analyzeVariables",
        "canonicalPath",
        "claimableAt",
        "compareClaimOrder",
        "countStepEntry",
        "createEngine",
        "createFakeClock",
        "createMemoryRunStore",
        "createMemoryStore",
        "createRegistry",
        "createStoredTemplates",
        "createSystemClock",
        "createVariableScope",
        "deepFreeze",
        "defineNode",
        "definedOnly",
        "domainOf",
        "emptyStats",
        "evaluateCondition",
        "fieldMeta",
        "flattenVariables",
        "formatCentimes",
        "formatSwissAmount",
        "getPath",
        "hasDocuments",
        "hasErrorCode",
        "isAbortedBy",
        "isEmpty",
        "isLeasedRunStatus",
        "isSwigsError",
        "isTerminalRunStatus",
        "issueText",
        "messageIdFor",
        "openRecord",
        "openValue",
        "parseRetryAfter",
        "silentLogger",
        "statsFor",
        "stepStatsDay",
        "validateAutomation",
        "validateAutomationAsync",
        "validateWithVariables",
        "waitingStepOf",
      ]
    `);
  });

  it('builds the /graph entry without zod (the builder bundles it)', () => {
    const seen = new Set<string>();
    const imports: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      for (const [, spec] of code.matchAll(/(?:^|\n)(?:import|export)[^'"]*?from\s*["']([^"']+)["']/g)) {
        if (spec?.startsWith('.')) visit(fileURLToPath(new URL(spec, `file://${file}`)));
        else if (spec) imports.push(spec);
      }
    };
    visit(`${pkgDir}dist/graph/index.js`);
    expect(seen.size).toBeGreaterThan(1);
    expect(imports).toEqual([]);
  });

  it('passes publint in strict mode', async () => {
    const { messages } = await publint({ pkgDir, strict: true });
    expect(messages).toEqual([]);
  });

  it('passes @arethetypeswrong/cli for node16 (ESM and CJS)', () => {
    let output = '';
    try {
      output = execFileSync(
        'pnpm',
        ['exec', 'attw', '--pack', 'packages/core', '--profile', 'node16', '--format', 'json'],
        {
          cwd: root,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      throw new Error(`attw failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
    }
    const report = JSON.parse(output.slice(output.indexOf('{'))) as {
      analysis: {
        entrypoints: Record<string, unknown>;
        problems: { kind: string; entrypoint: string; resolutionKind?: string }[];
      };
    };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([
      '.',
      './graph',
      './money',
      './package.json',
      './testing',
    ]);
    // The node16 profile ignores node10 resolution (no `exports` support there); everything else must be clean.
    expect(report.analysis.problems.filter((problem) => problem.resolutionKind !== 'node10')).toEqual([]);
  }, 120_000);

  it('loads from ESM and CJS as the same API', () => {
    const script = (kind: 'import' | 'require'): string =>
      kind === 'import'
        ? "import('@swigs/automation-core').then((m) => console.log(Object.keys(m).sort().join(',')))"
        : "console.log(Object.keys(require('@swigs/automation-core')).sort().join(','))";
    const esm = execFileSync('node', ['-e', script('import')], { cwd: pkgDir, encoding: 'utf8' });
    const cjs = execFileSync('node', ['-e', script('require')], { cwd: pkgDir, encoding: 'utf8' });
    expect(cjs.trim().split(',')).toEqual(
      esm
        .trim()
        .split(',')
        .filter((name) => name !== 'default'),
    );
    expect(esm).toContain('createEngine');
  });
});
