import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import type { Page } from 'playwright-core';
import { sampleAutomation } from '../fixtures';
import { automationOf, inBuilder, openBuilder, resultsDir, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();

const node = (page: Page, id: string) => inBuilder(page, `.swigs-flow__node[data-id="${id}"]`);
const handle = (page: Page, id: string, name: string) =>
  inBuilder(page, `.swigs-flow__node[data-id="${id}"] [data-testid="handle-${name}"]`);

async function centre(_page: Page, selector: ReturnType<typeof inBuilder>) {
  const box = await selector.boundingBox();
  if (!box) throw new Error('element not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses the mouse on `from`, moves in steps, and releases on `to`. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
}

/** True when the canvas viewport's transform stays the same over 250 ms, longer than any of its animations. */
function viewportHeldStill(page: Page): Promise<boolean> {
  return inBuilder(page, '.xyflow__viewport').evaluate(async (el) => {
    const before = (el as HTMLElement).style.transform;
    await new Promise((resolve) => setTimeout(resolve, 250));
    return (el as HTMLElement).style.transform === before;
  });
}

describe.skipIf(!chromiumPath)('canvas editing in Chromium', () => {
  it('builds order.paid → wait → send_email by dragging from the palette and connecting handles', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server);
    const pane = inBuilder(page, '[data-testid="pane"]');
    const paneBox = await pane.boundingBox();
    if (!paneBox) throw new Error('no pane');
    await inBuilder(page, '[data-testid="palette-item"][data-type="order.paid"]').dragTo(pane, {
      targetPosition: { x: 120, y: 200 },
    });
    // The first card is fitted into view (centred): the next ones go to the bottom left and the top right corners,
    // where no card covers another's handle.
    await expect.poll(() => viewportHeldStill(page)).toBe(true);
    await inBuilder(page, '[data-testid="palette-item"][data-type="wait"]').dragTo(pane, {
      targetPosition: { x: 40, y: paneBox.height - 160 },
    });
    await inBuilder(page, '[data-testid="palette-item"][data-type="send_email"]').dragTo(pane, {
      targetPosition: { x: paneBox.width - 320, y: 60 },
    });
    await expect.poll(async () => (await automationOf(page)).nodes.map((n) => n.type)).toEqual(['wait', 'send_email']);
    let automation = await automationOf(page);
    expect(automation.trigger.type).toBe('order.paid');
    expect(automation.trigger.connections).toEqual([]);
    // A card dropped near the edge makes the view pan to reveal it: the handles are aimed at once it stands still.
    await expect.poll(() => viewportHeldStill(page)).toBe(true);

    await drag(
      page,
      await centre(page, handle(page, 'trigger', 'default')),
      await centre(page, handle(page, 'wait-1', 'input')),
    );
    await drag(
      page,
      await centre(page, handle(page, 'wait-1', 'default')),
      await centre(page, handle(page, 'send-email-1', 'input')),
    );
    automation = await automationOf(page);
    expect(automation.trigger.connections).toEqual([{ targetId: 'wait-1', condition: 'default' }]);
    expect(automation.nodes[0]?.connections).toEqual([{ targetId: 'send-email-1', condition: 'default' }]);
    await expect.poll(() => inBuilder(page, '[data-testid="edge"]').count()).toBe(2);

    // A node dragged by its body moves, snapped to the 20 px grid.
    await inBuilder(page, '[data-testid="fit-view"]').click();
    // The fit animates for 200 ms, longer under load: the node is measured once the viewport holds still.
    await expect.poll(() => viewportHeldStill(page)).toBe(true);
    const before = automation.nodes[1]?.position ?? { x: 0, y: 0 };
    const box = await node(page, 'send-email-1').boundingBox();
    if (!box) throw new Error('node not visible');
    const grip = { x: box.x + 30, y: box.y + 12 };
    await drag(page, grip, { x: grip.x - 103, y: grip.y - 61 });
    automation = await automationOf(page);
    const after = automation.nodes[1]?.position ?? { x: 0, y: 0 };
    expect(after.x).toBeLessThan(before.x - 60);
    expect(after.y).toBeLessThan(before.y - 30);
    expect(after.x % 20).toBe(0);
    await page.screenshot({ path: `${resultsDir}/builder-built.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('configures a step through the form: duration, email fields with an inserted variable, cron preview in French', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await node(page, 'wait-1').click();
    await inBuilder(page, '#cfg-duration-amount').fill('3');
    // The server's check answering while the field still has focus (an earlier edit's, late on a loaded machine)
    // renders the panel again: what is typed stays.
    await page.evaluate(async () => {
      const el = document.querySelector('swigs-automation-builder') as unknown as HTMLElement & {
        store: { automation: unknown; applyServerProblems(automation: unknown, problems: unknown[]): boolean };
        requestUpdate(): void;
        updateComplete: Promise<boolean>;
      };
      el.store.applyServerProblems(el.store.automation, []);
      el.requestUpdate();
      await el.updateComplete;
    });
    await inBuilder(page, '#cfg-duration-amount').press('Tab');
    await inBuilder(page, '#cfg-duration-unit').selectOption('weeks');
    await expect
      .poll(async () => (await automationOf(page)).nodes[0]?.config)
      .toMatchObject({ duration: 3, unit: 'weeks' });

    await node(page, 'send-email-1').click();
    const subject = inBuilder(page, '[name="subject"]');
    await subject.fill('Merci  !');
    await subject.press('ArrowLeft');
    await subject.press('ArrowLeft');
    await inBuilder(page, '[data-testid="insert-variable"][data-path="trigger.customer.firstName"]').click();
    await expect
      .poll(async () => (await automationOf(page)).nodes[2]?.config.subject)
      .toBe('Merci {{trigger.customer.firstName}} !');
    await inBuilder(page, '[name="to"]').fill('');
    await expect
      .poll(() => inBuilder(page, '.swigs-flow__node[data-id="send-email-1"] [data-testid="problem-marker"]').count())
      .toBe(1);
    await expect
      .poll(() => inBuilder(page, '[data-testid="problems"] li[data-node-id="send-email-1"]').count())
      .toBeGreaterThan(0);
    await inBuilder(page, '[name="to"]').fill('{{trigger.customer.email}}');
    await expect.poll(() => inBuilder(page, '[data-testid="problem-marker"]').count()).toBe(0);

    // Arrays of nested objects (condition rules): add a rule, fill it, pick an operator.
    await node(page, 'condition-1').click();
    await inBuilder(page, '[data-testid="array-field"][data-name="conditions"] [data-testid="array-add"]').click();
    await inBuilder(page, '#cfg-conditions-1-field').selectOption('trigger.currency');
    await inBuilder(page, '#cfg-conditions-1-operator').selectOption({ label: 'est égal à' });
    await inBuilder(page, '[name="conditions.1.value"]').fill('CHF');
    await inBuilder(page, '[name="conditions.1.value"]').press('Tab');
    await expect
      .poll(async () => (await automationOf(page)).nodes[1]?.config.conditions)
      .toEqual([
        { field: 'trigger.total', operator: 'greater_than', value: 100 },
        { field: 'trigger.currency', operator: 'equals', value: 'CHF', caseSensitive: false },
      ]);

    await node(page, 'trigger').click();
    await inBuilder(page, '#trigger-type').selectOption('time.schedule');
    await inBuilder(page, '[name="cron"]').fill('0 8 * * 1');
    await expect.poll(() => inBuilder(page, '[data-testid="cron-preview"]').textContent()).toMatch(/08:00.*lundi/);
    await inBuilder(page, '[name="cron"]').fill('nimporte');
    await expect.poll(() => inBuilder(page, '[data-testid="cron-preview"]').textContent()).toContain('invalide');
    await page.screenshot({ path: `${resultsDir}/builder-config.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('undoes and redoes with the toolbar and with Ctrl+Z / Ctrl+Shift+Z', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await node(page, 'wait-1').click();
    await page.keyboard.press('Delete');
    await expect
      .poll(async () => (await automationOf(page)).nodes.map((n) => n.id))
      .toEqual(['condition-1', 'send-email-1']);
    expect((await automationOf(page)).trigger.connections).toEqual([]);
    await inBuilder(page, '[data-testid="undo"]').click();
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(3);
    expect((await automationOf(page)).trigger.connections).toEqual([{ targetId: 'wait-1', condition: 'default' }]);
    await inBuilder(page, '[data-testid="redo"]').click();
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(2);
    await node(page, 'condition-1').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(3);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(2);
    await page.keyboard.press('Control+z');
    // Copy and paste: fresh ids, remapped inner connection.
    await node(page, 'condition-1').click();
    await node(page, 'send-email-1').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(6);
    const pasted = (await automationOf(page)).nodes.find((n) => n.id === 'condition-2');
    expect(pasted?.connections).toEqual([{ targetId: 'send-email-2', condition: 'true' }]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('inserts a step on an edge, and a dropped connection on empty canvas adds a wired step', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await inBuilder(page, '[data-testid="edge-insert"][data-edge-id="wait-1--default--condition-1"]').click();
    await inBuilder(page, '[data-testid="quick-add"] input').fill('webhook');
    await inBuilder(page, '[data-testid="quick-add"] input').press('Enter');
    await expect
      .poll(async () => (await automationOf(page)).nodes.find((n) => n.id === 'wait-1')?.connections)
      .toEqual([{ targetId: 'webhook-1', condition: 'default' }]);
    expect((await automationOf(page)).nodes.find((n) => n.id === 'webhook-1')?.connections).toEqual([
      { targetId: 'condition-1', condition: 'default' },
    ]);

    // Panned first, by dragging empty canvas: that must leave no text selection behind, which a press on a handle
    // would drag natively instead of drawing the link.
    const canvas = await inBuilder(page, '[data-testid="canvas"]').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await drag(
      page,
      { x: canvas.x + canvas.width / 2, y: canvas.y + 40 },
      { x: canvas.x + canvas.width / 2 - 200, y: canvas.y + 40 },
    );
    expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe('');
    const from = await centre(page, handle(page, 'condition-1', 'false'));
    await drag(page, from, { x: from.x + 60, y: from.y - 200 });
    await expect.poll(() => inBuilder(page, '[data-testid="connection-line"]').count()).toBe(0);
    await expect.poll(() => inBuilder(page, '[data-testid="quick-add"]').count()).toBe(1);
    await inBuilder(page, '[data-testid="quick-add-option"][data-value="send_sms"]').click();
    await expect
      .poll(async () => (await automationOf(page)).nodes.find((n) => n.id === 'condition-1')?.connections)
      .toEqual([
        { targetId: 'send-email-1', condition: 'true' },
        { targetId: 'send-sms-1', condition: 'false' },
      ]);
    await page.screenshot({ path: `${resultsDir}/builder-insert.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects with shift-click and drags the selection together; selects and deletes a link', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await node(page, 'wait-1').click();
    await node(page, 'condition-1').click({ modifiers: ['Shift'] });
    expect(await inBuilder(page, '.swigs-flow__node[data-selected="true"]').count()).toBe(2);
    const before = await automationOf(page);
    const box = await node(page, 'wait-1').boundingBox();
    if (!box) throw new Error('no node');
    await drag(page, { x: box.x + 30, y: box.y + 12 }, { x: box.x + 30, y: box.y + 160 });
    const after = await automationOf(page);
    const dy = (id: string) =>
      (after.nodes.find((n) => n.id === id)?.position.y ?? 0) -
      (before.nodes.find((n) => n.id === id)?.position.y ?? 0);
    expect(dy('wait-1')).toBeGreaterThan(60);
    expect(dy('condition-1')).toBe(dy('wait-1'));
    expect(dy('send-email-1')).toBe(0);

    await inBuilder(page, '[data-testid="edge-insert"][data-edge-id="condition-1--true--send-email-1"]').focus();
    await expect.poll(() => inBuilder(page, '[data-testid="edge-details"]').count()).toBe(1);
    await page.keyboard.press('Delete');
    await expect
      .poll(async () => (await automationOf(page)).nodes.find((n) => n.id === 'condition-1')?.connections)
      .toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps working after being moved in the DOM (controllers destroyed on disconnect, re-created on connect)', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await page.evaluate(() => {
      const el = document.querySelector('swigs-automation-builder') as HTMLElement;
      const wrapper = document.createElement('section');
      wrapper.style.height = '100vh';
      const main = document.querySelector('main') as HTMLElement;
      main.before(wrapper);
      el.remove();
      wrapper.append(el);
      main.remove();
    });
    await expect.poll(() => node(page, 'wait-1').isVisible()).toBe(true);
    const box = await node(page, 'wait-1').boundingBox();
    if (!box) throw new Error('no node');
    const before = (await automationOf(page)).nodes[0]?.position.y ?? 0;
    await drag(page, { x: box.x + 30, y: box.y + 12 }, { x: box.x + 30, y: box.y + 140 });
    await expect.poll(async () => (await automationOf(page)).nodes[0]?.position.y).toBeGreaterThan(before + 60);
    await drag(
      page,
      await centre(page, handle(page, 'condition-1', 'false')),
      await centre(page, handle(page, 'wait-1', 'input')),
    );
    await expect
      .poll(async () => (await automationOf(page)).nodes[1]?.connections)
      .toContainEqual({ targetId: 'wait-1', condition: 'false' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pans with the mouse, zooms with the wheel and lays out with dagre', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    const transform = () => inBuilder(page, '.xyflow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const start = await transform();
    const pane = await inBuilder(page, '[data-testid="pane"]').boundingBox();
    if (!pane) throw new Error('no pane');
    await drag(
      page,
      { x: pane.x + 30, y: pane.y + pane.height - 30 },
      { x: pane.x + 130, y: pane.y + pane.height - 80 },
    );
    const panned = await transform();
    expect(panned).not.toBe(start);
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.wheel(0, -400);
    await expect.poll(transform).not.toBe(panned);
    await inBuilder(page, '[data-testid="layout"]').click();
    const automation = await automationOf(page);
    const xs = ['wait-1', 'condition-1', 'send-email-1'].map(
      (id) => automation.nodes.find((n) => n.id === id)?.position.x ?? 0,
    );
    expect(xs[0]).toBeLessThan(xs[1] as number);
    expect(xs[1]).toBeLessThan(xs[2] as number);
    await expect.poll(() => inBuilder(page, '[data-testid="minimap"] rect.node').count()).toBe(4);
    // Dragging inside the minimap pans the canvas (XYMinimap).
    const beforeMinimap = await transform();
    const minimap = await inBuilder(page, '[data-testid="minimap"]').boundingBox();
    if (!minimap) throw new Error('no minimap');
    await drag(
      page,
      { x: minimap.x + minimap.width / 2, y: minimap.y + minimap.height / 2 },
      { x: minimap.x + minimap.width / 2 + 40, y: minimap.y + minimap.height / 2 + 20 },
    );
    await expect.poll(transform).not.toBe(beforeMinimap);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows each step a palette click adds, also past the end of a graph wider than the canvas', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server);
    const types = ['order.paid', 'wait', 'condition', 'send_email', 'create_task'];
    for (const type of types) await inBuilder(page, `[data-testid="palette-item"][data-type="${type}"]`).click();
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(types.length - 1);
    const canvas = await inBuilder(page, '[data-testid="canvas"]').boundingBox();
    if (!canvas) throw new Error('no canvas');
    // Five cards at the legible zoom are wider than the canvas between palette and panel: the view pans to the last.
    const last = node(page, 'create-task-1');
    await expect
      .poll(async () => {
        const box = await last.boundingBox();
        return Boolean(box && box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width);
      })
      .toBe(true);
    expect(await last.getAttribute('data-selected')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });
});
