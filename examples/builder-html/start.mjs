// Serves the page with the element's single-file bundle and the node catalogue, then proves in headless Chromium that
// it works: the graph is drawn, a click in the palette adds a step, and the page hears `swigs-change`.
// `node start.mjs --serve` keeps the server running for a manual look.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createRegistry, validateAutomation } from '@swigs/automation-core';
import { allNodes, renderEmail } from '@swigs/automation-nodes';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url);
const require = createRequire(import.meta.url);
const bundlePath = require.resolve('@swigs/automation-builder/bundle');
const html = await readFile(new URL('index.html', here), 'utf8');
const bundle = await readFile(bundlePath, 'utf8');
const registry = createRegistry(allNodes);
const catalogue = JSON.stringify(registry.describe());
const templates = [
  {
    id: 'merci',
    name: 'Merci pour votre commande',
    subject: 'Merci {{trigger.customer.firstName}} !',
    body: '<p>Votre commande n° {{trigger.orderNumber}} est payée.</p>',
    preheader: '',
  },
];

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
  if (path === '/builder.bundle.js') return send(200, 'text/javascript; charset=utf-8', bundle);
  if (path === '/api/node-types') return send(200, 'application/json', catalogue);
  if (path === '/api/email-templates') return send(200, 'application/json', JSON.stringify(templates));
  // The element's live check (node hooks such as template variables run on the server's plugins).
  if (path === '/api/automations/validate' && req.method === 'POST') {
    return void readBody(req).then((draft) => {
      const problems = validateAutomation(draft, registry);
      send(200, 'application/json', JSON.stringify({ valid: problems.length === 0, problems }));
    });
  }
  const preview = /^\/api\/email-templates\/([^/]+)\/preview$/.exec(path);
  if (preview && req.method === 'POST') {
    return void readBody(req).then((input) => {
      const stored = templates.find((t) => t.id === preview[1]) ?? templates[0];
      const rendered = renderEmail(
        { subject: input.subject ?? stored.subject, body: input.body ?? stored.body, preheader: input.preheader ?? '' },
        input.data ?? {},
      );
      send(
        200,
        'application/json',
        JSON.stringify({ subject: rendered.subject, html: rendered.html, text: rendered.text }),
      );
    });
  }
  return send(404, 'text/plain', 'not found');
});
await new Promise((resolve) =>
  server.listen(process.argv.includes('--serve') ? Number(process.env.PORT ?? 5173) : 0, '127.0.0.1', resolve),
);
const url = `http://127.0.0.1:${server.address().port}/`;

if (process.argv.includes('--serve')) {
  console.log(`builder-html: ${url}`);
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
    const nodes = page.locator('swigs-automation-builder .swigs-flow__node');
    await nodes.nth(2).waitFor({ timeout: 15_000 });
    const drawn = await nodes.evaluateAll((els) => els.map((el) => el.dataset.id));
    if (drawn.join() !== 'trigger,wait-1,send-email-1') throw new Error(`unexpected nodes: ${drawn}`);
    await page.locator('swigs-automation-builder .swigs-flow__node[data-id="send-email-1"]').click();
    // A drawn automation opens with the « Étapes » palette closed (room for the canvas): open it as a user would.
    if ((await page.locator('swigs-automation-builder .root').getAttribute('data-palette')) === 'closed') {
      await page.locator('swigs-automation-builder [data-testid="open-palette"]').click();
    }
    await page.locator('swigs-automation-builder [data-testid="palette-item"][data-type="send_sms"]').click();
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('3 étape(s)'), null, {
      timeout: 10_000,
    });
    const edges = await page.locator('swigs-automation-builder [data-testid="edge"]').count();
    if (edges !== 3) throw new Error(`expected 3 edges, got ${edges}`);
    await mkdir(new URL('test-results/', here), { recursive: true });
    await page.screenshot({ path: new URL('test-results/builder-html.png', here).pathname });
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    console.log(`builder-html: OK (${drawn.length} nodes drawn, a step added by click, swigs-change heard)`);
  } finally {
    await browser.close();
    server.close();
  }
}
