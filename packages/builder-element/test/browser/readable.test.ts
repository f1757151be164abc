import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import type { AutomationRun, ExecutionLogEntry } from '@swigs/automation-core';
import { sampleAutomation } from '../fixtures';
import { automationOf, inBuilder, openBuilder, resultsDir, runStore, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();

/** Twenty finished runs of the sample automation in the stand-in's store (the stats route reads them). */
async function storeTwentyRuns(): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < 20; i++) {
    const entry = (nodeId: string, nodeType: string, status: ExecutionLogEntry['status']): ExecutionLogEntry => ({
      nodeId,
      nodeType,
      startedAt: new Date(now - i * 3_600_000),
      completedAt: new Date(now - i * 3_600_000),
      status,
      error: status === 'failed' ? 'boom' : null,
    });
    const log = [entry('trigger', 'order.paid', 'success'), entry('wait-1', 'wait', 'success')];
    if (i >= 5) log.push(entry('condition-1', 'condition', 'success'));
    if (i >= 5) log.push(entry('send-email-1', 'send_email', i % 5 === 0 ? 'failed' : 'success'));
    const run: AutomationRun = {
      id: `run-${i}`,
      userId: 'local',
      automationId: 'auto-1',
      automationVersion: 1,
      triggerType: 'order.paid',
      status: i < 5 ? 'waiting' : 'completed',
      currentNodeId: null,
      queue: [],
      outputs: {},
      triggerData: {},
      executionLog: log,
      scheduledAt: i < 5 ? new Date(now + 86_400_000) : null,
      error: null,
      attempt: 0,
      steps: log.length,
      leaseOwner: null,
      leaseUntil: null,
      createdAt: new Date(now - i * 3_600_000),
      updatedAt: new Date(now - i * 3_600_000),
      startedAt: new Date(now - i * 3_600_000),
      completedAt: null,
    };
    await runStore.runs.create(run);
  }
}

describe.skipIf(!chromiumPath)('a readable canvas with data beside every step', () => {
  it('shows cards of at least 200 px with icon and summary at 1440×900, and per-step stats after 20 runs', async () => {
    await storeTwentyRuns();
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await page.setViewportSize({ width: 1440, height: 900 });
    await inBuilder(page, '[data-testid="fit-view"]').click();
    const card = inBuilder(page, '.swigs-flow__node[data-id="wait-1"]');
    await expect
      .poll(async () => (await card.boundingBox())?.width ?? 0, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(200);
    await expect.poll(() => card.locator('[data-testid="node-summary"]').textContent()).toBe('Attendre 2 jours');
    expect(
      await inBuilder(page, '.swigs-flow__node[data-id="condition-1"] [data-testid="node-summary"]').textContent(),
    ).toBe('Si total (CHF) > 100');
    // Icons are inline SVG (glyphs depend on the machine's fonts), drawn at a visible size.
    const mailIcon = inBuilder(page, '.swigs-flow__node[data-id="send-email-1"] [data-testid="node-icon"] svg');
    expect(await mailIcon.getAttribute('data-icon')).toBe('mail');
    expect((await mailIcon.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(14);
    const canvas = await inBuilder(page, '[data-testid="canvas"]').boundingBox();
    expect(canvas?.height ?? 0).toBeGreaterThan(700);
    // An opened automation gets the palette's width: every card, the last one too, is inside the canvas.
    for (const id of ['trigger', 'wait-1', 'condition-1', 'send-email-1']) {
      const box = await inBuilder(page, `.swigs-flow__node[data-id="${id}"]`).boundingBox();
      expect(box && canvas && box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width, id).toBe(true);
    }
    // The toolbar is one row.
    const middle = async (testid: string) => {
      const box = await inBuilder(page, `[data-testid="${testid}"]`).boundingBox();
      return box ? box.y + box.height / 2 : Number.NaN;
    };
    expect(Math.abs((await middle('automation-name')) - (await middle('save')))).toBeLessThan(4);

    await inBuilder(page, '[data-testid="stats-period"]').selectOption('7d');
    const waitStats = inBuilder(page, '.swigs-flow__node[data-id="wait-1"] [data-testid="node-stats"]');
    const stat = (id: string, name: string) =>
      inBuilder(page, `.swigs-flow__node[data-id="${id}"] [data-testid="node-stats"] [data-stat="${name}"]`)
        .textContent()
        .then((text) => text?.trim());
    await expect.poll(() => stat('wait-1', 'reached'), { timeout: 20_000 }).toBe('20');
    expect(await stat('wait-1', 'waiting')).toBe('5');
    expect(await stat('send-email-1', 'reached')).toBe('15');
    expect(await stat('send-email-1', 'failed')).toBe('3');
    expect(await stat('send-email-1', 'sent')).toBe('12');
    expect(await waitStats.getAttribute('aria-label')).toMatch(/20 atteinte/);
    await page.screenshot({ path: `${resultsDir}/builder-readable-1440.png`, animations: 'disabled' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tests one step through the server, and inserts a field of its input by click; Enter presses buttons', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await page.setViewportSize({ width: 1440, height: 900 });
    await inBuilder(page, '.swigs-flow__node[data-id="condition-1"]').click();
    // Enter on the focused panel button runs the test (a selected step no longer swallows it).
    await inBuilder(page, '[data-testid="test-step"]').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => inBuilder(page, '[data-testid="step-output"]').textContent(), { timeout: 20_000 })
      .toMatch(/result/);

    await inBuilder(page, '.swigs-flow__node[data-id="send-email-1"]').click();
    await inBuilder(page, '[data-testid="test-step"]').click();
    const field = inBuilder(page, '[data-testid="json-field"][data-path="trigger.orderNumber"]');
    await field.waitFor({ timeout: 20_000 });
    const before = JSON.stringify((await automationOf(page)).nodes.find((n) => n.id === 'send-email-1')?.config);
    await field.click();
    await expect
      .poll(async () => JSON.stringify((await automationOf(page)).nodes.find((n) => n.id === 'send-email-1')?.config))
      .not.toBe(before);
    expect(JSON.stringify((await automationOf(page)).nodes.find((n) => n.id === 'send-email-1')?.config)).toContain(
      '{{trigger.orderNumber}}',
    );
    await page.screenshot({ path: `${resultsDir}/builder-step-test.png`, animations: 'disabled' });

    // Enter on toolbar buttons with a step selected: zoom in, then lay out.
    const zoom = () =>
      page.evaluate(
        () =>
          (document.querySelector('swigs-automation-builder') as unknown as { panZoom: { transform: number[] } })
            .panZoom.transform[2],
      );
    const z0 = await zoom();
    await inBuilder(page, '[data-testid="zoom-in"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(zoom).toBeGreaterThan(z0 ?? 0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('puts palette and panel in drawers at 390×844, and follows a dark system in theme auto', async () => {
    const page = await env.browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await page.goto(`${env.server.origin}/`);
    await page.waitForFunction(() => customElements.get('swigs-automation-builder') !== undefined);
    const scheme = await page.evaluate(
      ({ origin, automation }) =>
        new Promise<string>((resolve) => {
          const el = document.querySelector('swigs-automation-builder') as unknown as HTMLElement &
            Record<string, unknown>;
          el.addEventListener('swigs-theme-change', (e) => resolve((e as unknown as { scheme: string }).scheme));
          el.client = { baseUrl: origin, token: 'test-token-builder' };
          el.automation = automation;
          // Re-attach so the event of this connection is seen.
          const parent = el.parentElement!;
          el.remove();
          parent.append(el);
        }),
      { origin: env.server.origin, automation: sampleAutomation() },
    );
    expect(scheme).toBe('dark');
    const canvas = inBuilder(page, '[data-testid="canvas"]');
    await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0, { timeout: 20_000 }).toBeGreaterThan(370);
    const palette = inBuilder(page, '[data-testid="palette"]');
    expect(await palette.isVisible()).toBe(false);
    // The toolbar stays one row at 390 px: tools scroll sideways, save stays in view.
    const toolbar = await inBuilder(page, '[data-testid="open-palette"]').boundingBox();
    const save = await inBuilder(page, '[data-testid="save"]').boundingBox();
    expect(save && toolbar && Math.abs(save.y - toolbar.y) < 8).toBe(true);
    expect((save?.x ?? 999) + (save?.width ?? 0)).toBeLessThanOrEqual(390);
    await inBuilder(page, '[data-testid="open-palette"]').click();
    await expect.poll(() => palette.isVisible()).toBe(true);
    await page.screenshot({ path: `${resultsDir}/builder-390-dark-palette.png`, animations: 'disabled' });
    await inBuilder(page, '[data-testid="close-palette"]').click();
    await expect.poll(() => palette.isVisible()).toBe(false);
    await inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').click();
    await inBuilder(page, '[data-testid="open-panel"]').click();
    await expect.poll(() => inBuilder(page, '[data-testid="panel"]').isVisible()).toBe(true);
    const background = await inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').evaluate(
      (el) => getComputedStyle(el).backgroundColor,
    );
    expect(background).toBe('rgb(32, 35, 42)');
    await page.screenshot({ path: `${resultsDir}/builder-390-dark-panel.png`, animations: 'disabled' });
    await page.close();
  });
});
