import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import type { Page } from 'playwright-core';
import { sampleAutomation } from '../fixtures';
import { automationOf, inBuilder, openBuilder, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();

/** Counts renders from now on (once per page): the builder's, the canvas graph layer's, and each card's by step id. */
function countRenders(page: Page): Promise<void> {
  return page.evaluate(() => {
    type Renders = { render: () => unknown; nodeId?: string };
    const counts = { builder: 0, graph: 0, cards: {} as Record<string, number> };
    (window as unknown as { renders: typeof counts }).renders = counts;
    const builder = document.querySelector('swigs-automation-builder') as unknown as Renders & {
      shadowRoot: ShadowRoot;
    };
    const graph = builder.shadowRoot.querySelector('swigs-canvas-graph') as unknown as Renders | null;
    const cards = customElements.get('swigs-step-card')?.prototype as Renders | undefined;
    if (!graph || !cards) throw new Error('no swigs-canvas-graph or swigs-step-card');
    const count = (target: Renders, add: (self: Renders) => void) => {
      const render = target.render;
      target.render = function (this: Renders) {
        add(this);
        return render.call(this);
      };
    };
    count(builder, () => (counts.builder += 1));
    count(graph, () => (counts.graph += 1));
    count(cards, (card) => (counts.cards[card.nodeId ?? '?'] = (counts.cards[card.nodeId ?? '?'] ?? 0) + 1));
  });
}

const renders = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { renders: { builder: number; graph: number; cards: Record<string, number> } }).renders,
  );

const pathOf = (page: Page, edge: string) =>
  inBuilder(page, `.swigs-flow__edge[data-id="${edge}"] path.line`).getAttribute('d');

describe.skipIf(!chromiumPath)('drag frames', () => {
  it('re-render only the dragged card and redraw only its links', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await expect.poll(() => inBuilder(page, '.swigs-flow__node').count()).toBe(4);
    const card = await inBuilder(page, '.swigs-flow__node[data-id="wait-1"] .head').boundingBox();
    if (!card) throw new Error('no card');
    const into = 'trigger--default--wait-1';
    const out = 'wait-1--default--condition-1';
    const other = 'condition-1--true--send-email-1';
    const before = { into: await pathOf(page, into), out: await pathOf(page, out), other: await pathOf(page, other) };

    // The drag's start selects the step: that renders the element (and the panel), not yet counted.
    await page.mouse.move(card.x + 20, card.y + card.height / 2);
    await page.mouse.down();
    await page.mouse.move(card.x + 30, card.y + card.height / 2 + 5, { steps: 3 });
    await expect
      .poll(() => inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').getAttribute('data-selected'))
      .toBe('true');
    await page.evaluate(() => document.querySelector('swigs-automation-builder')?.updateComplete);
    await countRenders(page);
    const cardStart = await inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').evaluate(
      (el) => (el as HTMLElement).style.transform,
    );

    await page.mouse.move(card.x + 140, card.y + 90, { steps: 20 });
    await expect
      .poll(() =>
        inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').evaluate((el) => (el as HTMLElement).style.transform),
      )
      .not.toBe(cardStart);
    const during = await renders(page);
    expect(during.cards['wait-1'] ?? 0).toBeGreaterThan(0);
    expect(Object.keys(during.cards)).toEqual(['wait-1']);
    expect(during.builder).toBe(0);
    expect(during.graph).toBe(0);
    // Its two links follow it; the link between two other steps is not redrawn.
    expect(await pathOf(page, into)).not.toBe(before.into);
    expect(await pathOf(page, out)).not.toBe(before.out);
    expect(await pathOf(page, other)).toBe(before.other);

    // The drop commits the move: the automation has the new position.
    await page.mouse.up();
    await expect
      .poll(async () => (await automationOf(page)).nodes.find((n) => n.id === 'wait-1')?.position.y)
      .toBeGreaterThan(20);
    expect(errors).toEqual([]);
    await page.close();
  });
});
