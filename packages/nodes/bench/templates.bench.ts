import { createTemplateRenderer, defaultLayout, defaultTemplates, orderPaid, renderEmail } from '../src/index';

const renderer = createTemplateRenderer();
const template = defaultTemplates['commande-merci'];
const trigger = structuredClone(orderPaid.sampleOutput) as Record<string, unknown>;
const data = { trigger, nodes: {} };

/**
 * Runs `fn` for about `ms` after a warm-up. Returns calls per wall-clock second and per second of this process's
 * CPU time: the second figure stays meaningful when other work shares the machine.
 */
function measure(fn: (i: number) => void, ms = 3000): { wall: number; cpu: number } {
  for (let i = 0; i < 5000; i++) fn(i);
  (globalThis as { gc?: () => void }).gc?.();
  let count = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() < end) {
    for (let i = 0; i < 200; i++) fn(count++);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { wall: count / seconds, cpu: count / ((cpu.user + cpu.system) / 1e6) };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

// A typical order e-mail: subject + body (2 items, CHF amounts, a long date) wrapped in the layout.
const renderOrderEmail = (i: number): string => {
  trigger.orderNumber = String(1000 + (i % 500));
  const subject = renderer.render(template.subject, data, 'text');
  const body = renderer.render(template.body, data, 'html');
  return (
    subject +
    renderer.render(
      defaultLayout,
      { subject, preheader: template.preheader, content: new renderer.handlebars.SafeString(body) },
      'html',
    )
  );
};

const sample = renderOrderEmail(0);
if (!sample.includes("CHF 1'234.50") || !sample.includes('Léa')) throw new Error('bench: the rendered e-mail is wrong');

const renders = measure(renderOrderEmail);
const full = measure((i) => {
  trigger.orderNumber = String(1000 + (i % 500));
  renderEmail(template, data, { renderer });
}, 2000);

const [load1] = (await import('node:os')).loadavg();
console.log(
  `nodes: load average while measuring: ${load1?.toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores`,
);
console.log(
  `nodes: order e-mail template renders/s (subject + body + layout, ${sample.length} chars): ${fmt(renders.wall)} wall, ${fmt(renders.cpu)} per CPU-second (target >= 50,000)`,
);
console.log(
  `nodes: renderEmail/s incl. plain-text part (html-to-text) and preheader: ${fmt(full.wall)} wall, ${fmt(full.cpu)} per CPU-second`,
);
console.log(`nodes: compiled templates cached: ${renderer.cacheSize}`);
if (renders.cpu < 50_000) console.log('nodes: WARNING template renders per CPU-second below the 50,000 target');
