import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ui = mkdtempSync(join(tmpdir(), 'swigs-ui-'));
writeFileSync(join(ui, 'index.html'), '<!doctype html><script type="module" src="./app.js"></script>');
writeFileSync(join(ui, 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map\n');
writeFileSync(join(ui, 'app.js.map'), '{"version":3,"sources":["secret.ts"]}');
afterAll(() => rmSync(ui, { recursive: true, force: true }));

function expectSecurityHeaders(res: Response, path: string, frameAncestors = "'none'"): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, path).toContain("script-src 'self'");
  expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(csp, path).toContain("default-src 'self'");
  expect(csp, path).toContain("object-src 'self' blob:");
  expect(csp, path).toContain("base-uri 'none'");
  expect(csp, path).toContain(`frame-ancestors ${frameAncestors}`);
  expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
}

describe('security headers', () => {
  it('are on the UI page, its script, an API route, an API error and a 404', async () => {
    h = await startHarness({ app: { uiDir: ui } });
    for (const [path, status, token] of [
      ['/', 200, undefined],
      ['/app.js', 200, undefined],
      ['/api/automations', 200, h.tokenA],
      ['/api/automations', 401, 'bad'],
      ['/api/nothing-here', 404, h.tokenA],
      ['/healthz', 200, undefined],
    ] as const) {
      const res = await h.fetch(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
      expect(res.status, path).toBe(status);
      expectSecurityHeaders(res, path);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('serve no source map unless asked', async () => {
    h = await startHarness({ app: { uiDir: ui } });
    expect((await h.fetch('/app.js.map')).status).toBe(404);
    await h.close();
    h = await startHarness({ app: { uiDir: ui, sourceMaps: true } });
    const map = await h.fetch('/app.js.map');
    expect(map.status).toBe(200);
    expect(await map.text()).toContain('secret.ts');
  });

  it('let a configured host embed the UI', async () => {
    h = await startHarness({ app: { uiDir: ui, frameAncestors: "'self' https://cms.swigs.ch" } });
    const res = await h.fetch('/');
    expectSecurityHeaders(res, '/', "'self' https://cms.swigs.ch");
    expect(res.headers.get('x-frame-options')).toBeNull();
  });
});
