// Bundles the React app with esbuild, serves it with the node catalogue, and proves in headless Chromium that the
// wrapper works both ways: React props reach the element, and `onSwigsChange`/`onSwigsSave` reach React state.
import { createServer } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { build } from 'esbuild';
import { createRegistry, validateAutomation } from '@swigs/automation-core';
import { allNodes } from '@swigs/automation-nodes';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url);
const result = await build({
  entryPoints: [new URL('src/main.tsx', here).pathname],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  write: false,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
});
const js = result.outputFiles[0].text;
const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>SWIGS dans React</title>
<style>html,body{margin:0;height:100%;font-family:system-ui,sans-serif}</style></head>
<body><div id="root"></div><script type="module" src="/app.js"></script></body></html>`;
const registry = createRegistry(allNodes);
const catalogue = JSON.stringify(registry.describe());

function readBody(req) {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text ? JSON.parse(text) : {}));
  });
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const send = (status, type, body) => res.writeHead(status, { 'content-type': type }).end(body);
  if (path === '/') return send(200, 'text/html; charset=utf-8', html);
  if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
  if (path === '/app.js') return send(200, 'text/javascript; charset=utf-8', js);
  if (path === '/api/node-types') return send(200, 'application/json', catalogue);
  // The element's live check (node hooks such as template variables run on the server's plugins).
  if (path === '/api/automations/validate' && req.method === 'POST') {
    return void readBody(req).then((draft) => {
      const problems = validateAutomation(draft, registry);
      send(200, 'application/json', JSON.stringify({ valid: problems.length === 0, problems }));
    });
  }
  return send(404, 'text/plain', 'not found');
});
await new Promise((resolve) =>
  server.listen(process.argv.includes('--serve') ? Number(process.env.PORT ?? 5174) : 0, '127.0.0.1', resolve),
);
const url = `http://127.0.0.1:${server.address().port}/`;

if (process.argv.includes('--serve')) {
  console.log(`builder-react: ${url}`);
} else {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on(
      'response',
      (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`),
    );
    await page.goto(url);
    await page
      .locator('swigs-automation-builder .swigs-flow__node[data-id="send-email-1"]')
      .waitFor({ timeout: 15_000 });
    const summary = page.locator('[data-testid="react-summary"]');
    if (!(await summary.textContent())?.startsWith('1 étape(s)'))
      throw new Error(`unexpected summary: ${await summary.textContent()}`);
    await page.locator('swigs-automation-builder .swigs-flow__node[data-id="send-email-1"]').click();
    // A drawn automation opens with the « Étapes » palette closed (room for the canvas): open it as a user would.
    if ((await page.locator('swigs-automation-builder .root').getAttribute('data-palette')) === 'closed') {
      await page.locator('swigs-automation-builder [data-testid="open-palette"]').click();
    }
    await page.locator('swigs-automation-builder [data-testid="palette-item"][data-type="wait"]').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="react-summary"]')?.textContent?.startsWith('2 étape(s)'),
      null,
      { timeout: 10_000 },
    );
    // React re-rendered with the automation it got from the event; the element must not reset (no echo loop).
    const drawn = await page.locator('swigs-automation-builder .swigs-flow__node').count();
    if (drawn !== 3) throw new Error(`expected 3 drawn nodes after the React round-trip, got ${drawn}`);
    await page.locator('swigs-automation-builder [data-testid="save"]').click();
    await page.waitForFunction(
      () => /brouillon|enregistrée$/.test(document.querySelector('[data-testid="react-summary"]')?.textContent ?? ''),
      null,
      { timeout: 10_000 },
    );
    await mkdir(new URL('test-results/', here), { recursive: true });
    await page.screenshot({ path: new URL('test-results/builder-react.png', here).pathname });
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    console.log(`builder-react: OK (props in, onSwigsChange/onSwigsSave out: "${await summary.textContent()}")`);
  } finally {
    await browser.close();
    server.close();
  }
}
