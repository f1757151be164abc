import { sampleAutomation } from '../fixtures';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { automationOf, inBuilder, openBuilder, resultsDir, startServer, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();

describe.skipIf(!chromiumPath)('the bundled element', () => {
  it('reads back the parsed, normalized automation right after it is set', async () => {
    const { page } = await openBuilder(env.browser, env.server, {
      automation: {
        id: 'a',
        userId: 'u',
        name: 'Ancien format',
        trigger: { type: 'order.paid', config: {} },
        nodes: [{ id: 'n1', type: 'wait', position: { x: 400, y: 80 }, config: { duration: 1 } }],
      },
    });
    const automation = (await automationOf(page)) as Awaited<ReturnType<typeof automationOf>> & {
      stats: unknown;
      version: number;
    };
    expect(automation.trigger.connections).toEqual([{ targetId: 'n1', condition: 'default' }]);
    expect(automation.nodes[0]?.connections).toEqual([]);
    expect(automation.version).toBe(1);
    expect(automation.isActive).toBe(false);
    await page.close();
  });

  it('keeps its edits when a re-rendering host sets the object it gave before once more', async () => {
    const { page } = await openBuilder(env.browser, env.server);
    const count = await page.evaluate(async (given) => {
      const el = document.querySelector('swigs-automation-builder') as unknown as HTMLElement & {
        automation: { nodes: unknown[] };
        addNode(type: string): string | undefined;
        updateComplete: Promise<boolean>;
      };
      el.automation = given;
      await el.updateComplete;
      el.addNode('wait');
      await el.updateComplete;
      const after = el.automation.nodes.length;
      // A Lit or React host re-commits its binding on every render: the same object, not a new document.
      el.automation = given;
      await el.updateComplete;
      return [after, el.automation.nodes.length];
    }, sampleAutomation());
    expect(count).toEqual([sampleAutomation().nodes.length + 1, sampleAutomation().nodes.length + 1]);
    await page.close();
  });

  it('loads the node catalogue with the bearer token and adds a step by clicking the palette', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server);
    expect(env.server.requests.find((r) => r.url === '/api/node-types')?.authorization).toBe(
      'Bearer test-token-builder',
    );
    await inBuilder(page, '[data-testid="palette-item"][data-type="order.paid"]').click();
    await inBuilder(page, '[data-testid="palette-item"][data-type="send_email"]').click();
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(1);
    const automation = await automationOf(page);
    expect(automation.trigger.type).toBe('order.paid');
    expect(automation.nodes[0]?.type).toBe('send_email');
    expect(automation.trigger.connections).toEqual([{ targetId: 'send-email-1', condition: 'default' }]);
    await expect.poll(() => inBuilder(page, '[data-testid="edge"]').count()).toBe(1);
    await page.screenshot({ path: `${resultsDir}/smoke.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks an older server without the validation route once, then keeps to its own check', async () => {
    const older = await startServer({ validation: false });
    try {
      const { page } = await openBuilder(env.browser, older);
      await inBuilder(page, '[data-testid="palette-item"][data-type="order.paid"]').click();
      await expect.poll(() => older.requests.filter((r) => r.url === '/api/automations/validate').length).toBe(1);
      for (const type of ['send_email', 'wait']) {
        await inBuilder(page, `[data-testid="palette-item"][data-type="${type}"]`).click();
        await page.waitForTimeout(400);
      }
      await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(2);
      expect(older.requests.filter((r) => r.url === '/api/automations/validate')).toHaveLength(1);
      await page.close();
    } finally {
      await older.close();
    }
  });

  it('sends the edited automation to the validation route with the bearer token, once per burst of edits', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server);
    const before = env.server.requests.filter((r) => r.url === '/api/automations/validate').length;
    // One burst: three palette clicks in one task. Three Playwright clicks can each take more than the 300 ms
    // debounce on a loaded machine, which makes them three separate edits.
    await page.evaluate(() => {
      const root = document.querySelector('swigs-automation-builder')?.shadowRoot;
      for (const type of ['order.paid', 'send_email', 'wait'])
        root?.querySelector<HTMLElement>(`[data-testid="palette-item"][data-type="${type}"]`)?.click();
    });
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(2);
    await expect
      .poll(() => env.server.requests.filter((r) => r.url === '/api/automations/validate').length)
      .toBeGreaterThan(before);
    await page.waitForTimeout(500);
    const sent = env.server.requests.filter((r) => r.url === '/api/automations/validate').slice(before);
    expect(sent.length).toBeLessThan(3);
    expect(sent.at(-1)?.authorization).toBe('Bearer test-token-builder');
    expect((sent.at(-1)!.body as { nodes: unknown[] }).nodes).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
