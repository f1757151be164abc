import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@swigs/test-services/browser';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  AutomationSchema,
  createEngine,
  createMemoryStore,
  createRegistry,
  validateAutomation,
  type NodeTypeDescriptor,
} from '@swigs/automation-core';
import { allNodes, renderEmail } from '@swigs/automation-nodes';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Screenshots go here (gitignored). */
export const resultsDir = `${root}test-results`;
mkdirSync(resultsDir, { recursive: true });

export const TOKEN = 'test-token-builder';

/** Runs the stats route reads (the memory store's real `stepStats`); tests add runs with `runStore.runs.create`. */
export const runStore = createMemoryStore();
const engine = createEngine({ store: runStore, registry: createRegistry(allNodes) });
const BASE_AUTOMATION = {
  id: 'auto-test',
  userId: 'local',
  name: 'Test',
  isActive: false,
  version: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

let bundle: Promise<string> | undefined;

/** The element bundled from sources exactly as the published single file (esbuild, everything inlined). */
export function bundleSource(): Promise<string> {
  bundle ??= build({
    entryPoints: [`${root}src/bundle.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: false,
    define: { 'process.env.NODE_ENV': '"production"' },
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundle;
}

/** The node catalogue of the real node plugins, as `GET /api/node-types` serves it. */
export function nodeTypes(): NodeTypeDescriptor[] {
  return createRegistry(allNodes).describe();
}

export const templates = [
  {
    id: 'tpl-merci',
    name: 'Merci pour votre commande',
    subject: 'Merci {{trigger.customer.firstName}} !',
    body: '<p>Bonjour {{trigger.customer.firstName}}, votre commande n° {{trigger.orderNumber}} est payée.</p>',
    preheader: '',
  },
  {
    id: 'tpl-avis',
    name: 'Demande d’avis',
    subject: 'Votre avis compte',
    body: '<p>Que pensez-vous de votre commande ?</p>',
    preheader: '',
  },
];

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

export interface TestServer {
  origin: string;
  requests: RecordedRequest[];
  /**
   * Holds the answer to the next request for `path` until `release()` (a slow server, without timing): `arrived`
   * resolves when the request is in, `answered` once its answer was written or its connection closed.
   */
  hold(path: string): HeldRequest;
  close(): Promise<void>;
}

/** A request `TestServer.hold` keeps waiting. */
export interface HeldRequest {
  arrived: Promise<void>;
  answered: Promise<void>;
  release(): void;
}

interface Hold {
  arrive(): void;
  answer(): void;
  released: Promise<void>;
}

/** A page to embed the element in. */
export const PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Éditeur</title>
<style>html,body{margin:0;height:100%;font-family:system-ui,sans-serif} main{height:100vh} swigs-automation-builder{height:100%}</style></head>
<body><main><h1 style="position:absolute;left:-9999px">Éditeur d’automatisation</h1><swigs-automation-builder></swigs-automation-builder></main>
<script type="module" src="/bundle.js"></script></body></html>`;

/**
 * A real HTTP server on an ephemeral port: the page, the bundle, and a stand-in of the swigs-workflow API
 * (node types from the real plugins, templates rendered by the real renderer, a simulated test timeline).
 */
export async function startServer(options: { validation?: boolean } = {}): Promise<TestServer> {
  const js = await bundleSource();
  const requests: RecordedRequest[] = [];
  const holds = new Map<string, Hold>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hold = holds.get(path);
    if (hold) {
      holds.delete(path);
      hold.arrive();
      res.on('close', hold.answer);
    }
    void (hold?.released ?? Promise.resolve())
      .then(() => handle(req, res, js, requests, options.validation ?? true))
      .catch((error: unknown) => send(res, 500, { error: { message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    hold(path) {
      const arrived = signal();
      const answered = signal();
      const released = signal();
      holds.set(path, { arrive: arrived.resolve, answer: answered.resolve, released: released.promise });
      return { arrived: arrived.promise, answered: answered.promise, release: released.resolve };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  js: string,
  requests: RecordedRequest[],
  validation: boolean,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/' || url.pathname === '/index.html')
    return sendRaw(res, 200, 'text/html; charset=utf-8', PAGE);
  if (url.pathname === '/bundle.js') return sendRaw(res, 200, 'text/javascript; charset=utf-8', js);
  if (url.pathname === '/favicon.ico') return sendRaw(res, 204, 'image/x-icon', '');
  if (!url.pathname.startsWith('/api/')) return sendRaw(res, 404, 'text/plain', 'not found');
  const body = await readJson(req);
  requests.push({ method: req.method ?? 'GET', url: url.pathname, authorization: req.headers.authorization, body });
  if (req.headers.authorization !== `Bearer ${TOKEN}`)
    return send(res, 401, { error: { code: 'unauthorized', message: 'missing or bad token' } });
  if (req.method === 'GET' && url.pathname === '/api/node-types') return send(res, 200, nodeTypes());
  if (req.method === 'GET' && url.pathname === '/api/email-templates') return send(res, 200, { items: templates });
  const preview = /^\/api\/email-templates\/([^/]+)\/preview$/.exec(url.pathname);
  if (req.method === 'POST' && preview) {
    const input = body as { subject?: string; body?: string; preheader?: string; data?: unknown };
    const stored = templates.find((t) => t.id === preview[1]);
    if (!stored) return send(res, 404, { error: { message: 'template not found' } });
    const rendered = renderEmail(
      { subject: input.subject ?? stored.subject, body: input.body ?? stored.body, preheader: input.preheader ?? '' },
      input.data ?? {},
    );
    return send(res, 200, { subject: rendered.subject, html: rendered.html, text: rendered.text });
  }
  const stored = /^\/api\/email-templates\/([^/]+)$/.exec(url.pathname);
  if (req.method === 'PUT' && stored) {
    const input = body as { name?: string; subject?: string; body?: string };
    if (!input?.name || !input.subject)
      return send(res, 400, { error: { code: 'validation_failed', message: 'name and subject are required' } });
    return send(res, 200, { ...input, id: stored[1] });
  }
  if (req.method === 'POST' && url.pathname === '/api/automations/validate' && validation) {
    const problems = validateAutomation(body, createRegistry(allNodes));
    return send(res, 200, { valid: problems.length === 0, problems });
  }
  const stats = /^\/api\/automations\/([^/]+)\/stats$/.exec(url.pathname);
  if (req.method === 'GET' && stats) {
    // The real memory store's stats query over the runs the test stored (`TestServer.store`).
    const days = Number.parseInt(url.searchParams.get('since') ?? '30', 10);
    const since = new Date(Date.now() - days * 86_400_000);
    const steps = await runStore.runs.stepStats!('local', decodeURIComponent(stats[1]!), { version: 1, since });
    return send(res, 200, { automationId: stats[1], version: 1, since: since.toISOString(), steps });
  }
  const runs = /^\/api\/automations\/([^/]+)\/runs$/.exec(url.pathname);
  if (req.method === 'GET' && runs) {
    // The runs the test stored, newest first, as the server lists them (without outputs and log).
    const limit = Number.parseInt(url.searchParams.get('limit') ?? '20', 10);
    const page = await runStore.runs.list({
      userId: 'local',
      automationId: decodeURIComponent(runs[1]!),
      limit,
      offset: 0,
    });
    const items = page.items.map(({ outputs: _o, executionLog: _l, queue: _q, ...summary }) => summary);
    return send(res, 200, { items, total: page.total, limit, offset: 0 });
  }
  const run = /^\/api\/automation-runs\/([^/]+)$/.exec(url.pathname);
  if (req.method === 'GET' && run) {
    const found = await runStore.runs.get('local', decodeURIComponent(run[1]!));
    return found ? send(res, 200, found) : send(res, 404, { error: { code: 'not_found', message: 'not found' } });
  }
  const testStep = /^\/api\/automations\/([^/]+)\/test-step$/.exec(url.pathname);
  if (req.method === 'POST' && testStep) {
    // Core's engine runs the step (dry), as the server does.
    const input = body as {
      nodeId: string;
      runId?: string;
      data?: { trigger?: unknown };
      automation: { nodes: unknown[]; trigger: unknown };
    };
    const automation = AutomationSchema.parse({ ...BASE_AUTOMATION, ...input.automation });
    const fromRun = input.runId ? await runStore.runs.get('local', input.runId) : null;
    const data = fromRun ? { trigger: fromRun.triggerData, nodes: fromRun.outputs } : (input.data ?? {});
    return send(res, 200, await engine.testStep(automation, input.nodeId, data));
  }
  const test = /^\/api\/automations\/([^/]+)\/test$/.exec(url.pathname);
  if (req.method === 'POST' && test)
    return send(res, 200, simulate(body as { automation: SimAutomation; sampleData?: unknown }));
  return send(res, 404, { error: { message: 'no route' } });
}

interface SimAutomation {
  trigger: { type: string; connections?: { targetId: string }[] };
  nodes: { id: string; type: string; config: Record<string, unknown>; connections: { targetId: string }[] }[];
}

/** Walks the first path: waits move the simulated clock, emails are rendered from their inline content. */
function simulate({ automation, sampleData }: { automation: SimAutomation; sampleData?: unknown }) {
  let at = new Date('2026-03-02T08:00:00.000Z').getTime();
  const timeline: Record<string, unknown>[] = [];
  let next = automation.trigger.connections?.[0]?.targetId;
  const seen = new Set<string>();
  while (next && !seen.has(next)) {
    seen.add(next);
    const node = automation.nodes.find((n) => n.id === next);
    if (!node) break;
    const entry: Record<string, unknown> = {
      nodeId: node.id,
      nodeType: node.type,
      at: new Date(at).toISOString(),
      status: 'success',
    };
    if (node.type === 'wait') {
      const units: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 };
      at += Number(node.config.duration ?? 0) * (units[String(node.config.unit ?? 'days')] ?? 0);
      entry.waitUntil = new Date(at).toISOString();
    }
    if (node.type === 'send_email') {
      const rendered = renderEmail(
        { subject: String(node.config.subject ?? ''), body: String(node.config.body ?? '') },
        { trigger: sampleData, nodes: {} },
      );
      entry.output = {
        to: [String(node.config.to ?? '')],
        subject: rendered.subject,
        html: rendered.html,
        dryRun: true,
      };
    }
    timeline.push(entry);
    next = node.connections[0]?.targetId;
  }
  return {
    status: 'completed',
    startedAt: new Date(0).toISOString(),
    finishedAt: new Date(at).toISOString(),
    timeline,
    problems: [],
  };
}

/** A promise and the function that resolves it (Node 20 has no `Promise.withResolvers`). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}

function send(res: ServerResponse, status: number, value: unknown): void {
  sendRaw(res, status, 'application/json', JSON.stringify(value));
}

function sendRaw(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Launches the run's Chromium headless (see `@swigs/test-services/browser`). */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** Opens the page and waits for the element; throws on any page error. */
export async function openBuilder(
  browser: Browser,
  server: TestServer,
  setup: { withClient?: boolean; automation?: unknown } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('401')) errors.push(message.text());
  });
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => customElements.get('swigs-automation-builder') !== undefined);
  await page.evaluate(
    ({ origin, token, withClient, automation }) => {
      const el = document.querySelector('swigs-automation-builder') as unknown as Record<string, unknown>;
      if (withClient !== false) el.client = { baseUrl: origin, token };
      if (automation) el.automation = automation;
    },
    { origin: server.origin, token: TOKEN, withClient: setup.withClient, automation: setup.automation },
  );
  if (setup.withClient !== false) {
    await page.waitForFunction(
      () =>
        (document
          .querySelector('swigs-automation-builder')
          ?.shadowRoot?.querySelectorAll('[data-testid="palette-item"]').length ?? 0) > 5,
    );
  }
  return { page, errors };
}

/** The automation the element currently holds. */
export function automationOf(page: Page): Promise<{
  trigger: { type: string; config: Record<string, unknown>; connections?: { targetId: string; condition: string }[] };
  nodes: {
    id: string;
    type: string;
    position: { x: number; y: number };
    config: Record<string, unknown>;
    connections: { targetId: string; condition: string }[];
  }[];
  isActive: boolean;
}> {
  return page.evaluate(() =>
    JSON.parse(
      JSON.stringify(
        (document.querySelector('swigs-automation-builder') as unknown as { automation: unknown }).automation,
      ),
    ),
  );
}

/** A locator inside the element (CSS pierces the open shadow root). */
export const inBuilder = (page: Page, selector: string) => page.locator(`swigs-automation-builder ${selector}`);

/** The stand-in server and a Chromium shared by a test file's tests, started before them and closed after. */
export function setupServerAndBrowser(): { readonly server: TestServer; readonly browser: Browser } {
  const env = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Pans the canvas by dragging its empty lower-left corner, then zooms with the wheel; resolves once the viewport moved. */
export async function panAndZoom(page: Page): Promise<void> {
  const pane = await inBuilder(page, '[data-testid="pane"]').boundingBox();
  if (!pane) throw new Error('no pane');
  const transform = () =>
    inBuilder(page, '.xyflow__viewport').evaluate((el) => (el as HTMLElement).style.transform, undefined, {
      timeout: 5_000,
    });
  const start = await transform();
  await page.mouse.move(pane.x + 30, pane.y + pane.height - 30);
  await page.mouse.down();
  await page.mouse.move(pane.x + 130, pane.y + pane.height - 80, { steps: 15 });
  await page.mouse.up();
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(transform).not.toBe(start);
}
