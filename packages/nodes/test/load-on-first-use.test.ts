import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

beforeAll(() => {
  // `pnpm test` builds first; a lone run of this file builds the package itself.
  if (!existsSync(`${pkgDir}dist/index.cjs`))
    execSync('pnpm --filter @swigs/automation-nodes run build', { cwd: root, stdio: 'ignore' });
}, 180_000);

/** What the built package holds before and after the first e-mail, run in a fresh `node` for `format`. */
function firstEmail(format: 'esm' | 'cjs'): { before: string[]; after: string[]; email: unknown; problem: unknown } {
  const load =
    format === 'esm'
      ? "const nodes = await import('@swigs/automation-nodes');"
      : "const nodes = require('@swigs/automation-nodes');";
  const script = `
    const { createRequire } = require('node:module');
    const loaded = () => Object.keys(createRequire(process.cwd() + '/').cache)
      .map((file) => /node_modules\\/(handlebars|html-to-text)\\//.exec(file)?.[1]).filter(Boolean);
    (async () => {
      ${load}
      nodes.createDefaultRegistry();
      nodes.createTemplateRenderer();
      const before = [...new Set(loaded())];
      const email = nodes.renderEmail(
        { subject: 'Merci {{trigger.customer.firstName}}', body: '<p>Total : {{currency trigger.total}}</p>' },
        { trigger: { customer: { firstName: 'Léa' }, total: 129 } },
        { layout: null },
      );
      const problem = nodes.validateTemplateSource('{{#if trigger.total}}', ['trigger.total'])[0];
      const after = [...new Set(loaded())].sort();
      console.log(JSON.stringify({ before, after, email, problem: { code: problem.code, line: problem.line, column: problem.column } }));
    })();`;
  return JSON.parse(execFileSync('node', ['-e', script], { cwd: pkgDir, encoding: 'utf8' }));
}

describe('libraries loaded on first use', () => {
  for (const format of ['esm', 'cjs'] as const) {
    it(`loads Handlebars and html-to-text with the first e-mail, not with the package (${format})`, () => {
      const { before, after, email, problem } = firstEmail(format);
      expect(before).toEqual([]);
      expect(after).toEqual(['handlebars', 'html-to-text']);
      expect(email).toEqual({
        subject: 'Merci Léa',
        html: '<p>Total : CHF 129.00</p>',
        text: 'Total : CHF 129.00',
        preheader: 'Total : CHF 129.00',
      });
      expect(problem).toEqual({ code: 'template_syntax', line: 1, column: 22 });
    });
  }
});
