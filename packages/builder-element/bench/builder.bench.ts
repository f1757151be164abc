// Browser benchmark of <swigs-automation-builder> (the built single-file bundle, headless Chromium):
// time to render a 300-node automation (target <= 1 s) and the work of each frame while the mouse drags a node in
// it (target <= 16 ms). A frame's work is what the page's main thread does for it (input and hit testing, script,
// style, layout, paint, commit), read from a Chromium trace: the interval between painted frames cannot show it (it
// never goes below the display's 16.7 ms). CPU time (thread time) is printed beside wall time, since the machine
// may be shared. Run after `pnpm build`: `pnpm bench builder`.
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { createRegistry } from '@swigs/automation-core';
import { allNodes } from '@swigs/automation-nodes';

const NODES = 300;
const RUNS = 5;
// BUILDER_BUNDLE=<file> measures another build (an A/B against main's bundle, run in turns on a shared machine).
const bundle = readFileSync(
  process.env.BUILDER_BUNDLE ?? fileURLToPath(new URL('../dist/swigs-automation-builder.bundle.js', import.meta.url)),
  'utf8',
);
const nodeTypes = createRegistry(allNodes).describe();

// Sizes first: the single file a plain page loads, and the npm `define` entry with its chunks (Lit, @xyflow/system,
// zod, core, dagre and cronstrue stay the app's to bundle there).
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (text: string | Buffer): number => gzipSync(text, { level: 9 }).length;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const ownChunks = readdirSync(dist).filter((f) => /^(define|chunk-.*)\.js$/.test(f));
const ownGzip = ownChunks.reduce((sum, f) => sum + gz(readFileSync(dist + f)), 0);
console.log(
  `builder: size of swigs-automation-builder.bundle.js (everything inlined): ${kb(bundle.length)} minified, ${kb(gz(bundle))} gzip (target <= 130 KB gzip)`,
);
console.log(`builder: size of the npm define entry and its chunks, dependencies external: ${kb(ownGzip)} gzip`);

/** 300 steps: chains of waits, emails and conditions (both branches wired), laid out on a grid. */
function bigAutomation(count: number) {
  const nodes = [];
  for (let i = 0; i < count; i += 1) {
    const kind = i % 5;
    const type = kind === 2 ? 'condition' : kind === 1 || kind === 4 ? 'wait' : 'send_email';
    const config =
      type === 'wait'
        ? { duration: 1 + (i % 7), unit: 'days' }
        : type === 'condition'
          ? { combinator: 'all', conditions: [{ field: 'trigger.total', operator: 'greater_than', value: i }] }
          : {
              to: '{{trigger.customer.email}}',
              subject: `Étape ${i}`,
              body: '<p>Bonjour {{trigger.customer.firstName}}</p>',
            };
    const next = i + 1 < count ? `n${i + 1}` : undefined;
    const skip = i + 2 < count ? `n${i + 2}` : undefined;
    const connections =
      type === 'condition'
        ? [
            ...(next ? [{ targetId: next, condition: 'true' }] : []),
            ...(skip ? [{ targetId: skip, condition: 'false' }] : []),
          ]
        : next
          ? [{ targetId: next, condition: 'default' }]
          : [];
    nodes.push({
      id: `n${i}`,
      type,
      position: { x: (i % 20) * 280, y: Math.floor(i / 20) * 140 },
      config,
      connections,
    });
  }
  return {
    id: 'bench',
    userId: 'bench',
    name: 'Banc d’essai 300 étapes',
    trigger: {
      type: 'order.paid',
      config: {},
      position: { x: -300, y: 0 },
      connections: [{ targetId: 'n0', condition: 'default' }],
    },
    nodes,
  };
}

const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>bench</title>
<style>html,body{margin:0;height:100%} swigs-automation-builder{height:100vh}</style></head>
<body><swigs-automation-builder></swigs-automation-builder><script type="module" src="/b.js"></script></body></html>`;
const server = createServer((req, res) => {
  if (req.url === '/b.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
  if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  res.writeHead(204).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? NaN;

try {
  const automation = bigAutomation(NODES);
  const renders: number[] = [];
  const renderTasks: number[] = [];
  const renderCpu: number[] = [];
  const renderStyleLayout: number[] = [];
  let tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  for (let run = 0; run < RUNS; run += 1) {
    await tab.close();
    tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await tab.goto(url);
    await tab.waitForFunction(() => customElements.get('swigs-automation-builder'));
    await tab.evaluate(async (types) => {
      const el = document.querySelector('swigs-automation-builder') as unknown as {
        nodeTypes: unknown;
        updateComplete: Promise<unknown>;
      };
      el.nodeTypes = types;
      await el.updateComplete;
    }, nodeTypes);
    // From setting the property to the second frame painted with every node and edge in the DOM.
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Performance.enable');
    const before = await mainThreadTimes(cdp);
    const ms = await tab.evaluate(async (value) => {
      const el = document.querySelector('swigs-automation-builder') as unknown as {
        automation: unknown;
        updateComplete: Promise<unknown>;
        shadowRoot: ShadowRoot;
      };
      const t0 = performance.now();
      el.automation = value;
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const drawn = el.shadowRoot.querySelectorAll('.swigs-flow__node').length;
      if (drawn !== 301) throw new Error(`expected 301 nodes, drew ${drawn}`);
      return performance.now() - t0;
    }, automation);
    const after = await mainThreadTimes(cdp);
    renders.push(ms);
    renderTasks.push(after.task - before.task);
    renderCpu.push(after.cpu - before.cpu);
    renderStyleLayout.push(after.styleLayout - before.styleLayout);
    await cdp.detach();
  }
  console.log(
    `builder: render ${NODES}-node automation (property set -> painted, ${RUNS} runs): median ${median(renders).toFixed(0)} ms, max ${Math.max(...renders).toFixed(0)} ms (target <= 1000 ms); main-thread tasks median ${median(renderTasks).toFixed(0)} ms (CPU ${median(renderCpu).toFixed(0)} ms), of which style + layout ${median(renderStyleLayout).toFixed(0)} ms`,
  );

  // Frame work while the real mouse drags a card that is on screen (Playwright's mouse: input events through the
  // browser, hit testing, d3-drag -> XYDrag -> the card and its links), read from a trace of the drag.
  const id = await visibleNodeId(tab);
  const box = await tab.locator(`swigs-automation-builder .swigs-flow__node[data-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`node ${id} not visible`);
  const startTransform = await transformOf(tab, id);
  await tab.mouse.move(box.x + 20, box.y + 10);
  await tab.mouse.down();
  // The drag's first move selects the node (a full render); the frames after it are the drag's.
  await tab.mouse.move(box.x + 24, box.y + 12, { steps: 2 });
  await browser.startTracing(tab, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await tab.mouse.move(box.x + 420, box.y + 210, { steps: 120 });
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  await tab.mouse.up();
  if ((await transformOf(tab, id)) === startTransform) throw new Error(`node ${id} did not move: nothing was dragged`);
  const frames = frameWork(trace.traceEvents);
  const wall = frames.map((f) => f.wall);
  const cpu = frames.map((f) => f.cpu);
  console.log(
    `builder: drag a node among ${NODES} with the mouse (120 moves, ${frames.length} frames): frame work median ${median(wall).toFixed(2)} ms, p95 ${p95(wall).toFixed(2)} ms (target <= 16 ms); CPU median ${median(cpu).toFixed(2)} ms, p95 ${p95(cpu).toFixed(2)} ms, ${(cpu.reduce((a, b) => a + b, 0) / 120).toFixed(2)} ms per move; frames over 16.7 ms of work: ${wall.filter((w) => w > 16.7).length}; frames that missed a vsync (over 33.3 ms from first task to painted): ${frames.filter((f) => f.span > 33.3).length}`,
  );
} finally {
  await browser.close();
  server.close();
}

/** Main-thread task time, CPU (thread) time and style + layout time so far, in ms (Chromium's Performance domain). */
async function mainThreadTimes(cdp: {
  send(method: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }>;
}): Promise<{ task: number; cpu: number; styleLayout: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    task: value('TaskDuration'),
    cpu: value('ThreadTime'),
    styleLayout: value('RecalcStyleDuration') + value('LayoutDuration'),
  };
}

/** A node whose card is well inside the visible canvas, so the mouse really presses it. */
function visibleNodeId(tab: Page): Promise<string> {
  return tab.evaluate(() => {
    const root = document.querySelector('swigs-automation-builder')?.shadowRoot;
    const pane = root?.querySelector('.swigs-flow__pane')?.getBoundingClientRect();
    if (!root || !pane) throw new Error('no canvas');
    for (const node of root.querySelectorAll<HTMLElement>('.swigs-flow__node')) {
      const b = node.getBoundingClientRect();
      if (
        b.left > pane.left + 200 &&
        b.right < pane.left + pane.width / 2 &&
        b.top > pane.top + 100 &&
        b.bottom < pane.top + pane.height / 2
      )
        return node.dataset.id ?? '';
    }
    throw new Error('no node inside the visible canvas');
  });
}

function transformOf(tab: Page, id: string): Promise<string> {
  return tab.evaluate(
    (nodeId) =>
      (
        document
          .querySelector('swigs-automation-builder')
          ?.shadowRoot?.querySelector(`.swigs-flow__node[data-id="${nodeId}"]`) as HTMLElement | null
      )?.style.transform ?? '',
    id,
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
  args?: { name?: string };
}

/**
 * Per animation frame of the page's main thread (Chromium's `AnimationFrame` spans, the ones the Long Animation
 * Frames API reports when long): `wall`, the time its tasks ran; `cpu`, their thread (CPU) time; `span`, from the
 * frame's first task to its rendering's end.
 */
function frameWork(events: TraceEvent[]): { wall: number; cpu: number; span: number }[] {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined);
  const spans: [number, number][] = [];
  const open = new Map<string, number>();
  for (const e of onMain.filter((x) => x.name === 'AnimationFrame').sort((x, y) => x.ts - y.ts)) {
    const key = e.id2?.local ?? e.id ?? '';
    if (e.ph === 'b') open.set(key, e.ts);
    const start = open.get(key);
    if (e.ph === 'e' && start !== undefined) {
      spans.push([start, e.ts]);
      open.delete(key);
    }
  }
  return spans.map(([start, end]) => {
    let wall = 0;
    let cpu = 0;
    for (const task of tasks) {
      const dur = task.dur ?? 0;
      const overlap = Math.min(task.ts + dur, end) - Math.max(task.ts, start);
      if (overlap <= 0) continue;
      wall += overlap;
      cpu += ((task.tdur ?? dur) * overlap) / Math.max(dur, 1);
    }
    return { wall: wall / 1000, cpu: cpu / 1000, span: (end - start) / 1000 };
  });
}
