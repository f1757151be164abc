import type { Locator, Page } from 'playwright-core';

/** The `<swigs-automation-builder>` on the page (Playwright's locators pierce its open shadow root). */
export function builderOf(page: Page, selector = 'swigs-automation-builder.builder'): Locator {
  return page.locator(selector);
}

/** Waits until the builder has loaded its node catalogue from the server. */
export async function waitForPalette(builder: Locator): Promise<void> {
  await builder.getByTestId('palette-item').first().waitFor();
}

/** The canvas node of a type (the first one when several exist). */
export function nodeOfType(builder: Locator, type: string): Locator {
  return builder.locator(`[data-testid="node"][data-type="${type}"]`).first();
}

/**
 * Pans the canvas, by dragging its empty top strip as a user does, until `node` lies across the canvas's width. A card
 * beyond the clipped canvas cannot be clicked: Playwright's scroll-into-view scrolls the canvas, which the builder
 * scrolls back on its `scroll` event, and on a slow page that lands before the click (which then times out).
 */
export async function panIntoView(page: Page, builder: Locator, node: Locator): Promise<void> {
  const canvas = await builder.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('no canvas box');
  // Each drag moves the graph by at most the canvas's width less a margin; a few drags reach any card.
  for (let drag = 0; drag < 10; drag++) {
    const box = await node.boundingBox();
    if (!box) throw new Error(`no box for ${node.toString()}`);
    if (box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width) return;
    const wanted = canvas.x + canvas.width / 2 - (box.x + box.width / 2);
    const dx = Math.sign(wanted) * Math.min(Math.abs(wanted), canvas.width - 40);
    const from = dx < 0 ? canvas.x + canvas.width - 20 : canvas.x + 20;
    const y = canvas.y + 20;
    await page.mouse.move(from, y);
    await page.mouse.down();
    await page.mouse.move(from + dx, y, { steps: 10 });
    await page.mouse.up();
  }
  throw new Error(`${node.toString()} is still outside the canvas after 10 pans`);
}

/** Drags a palette item onto the canvas at a point relative to the canvas (HTML5 drag and drop). */
export async function dragFromPalette(builder: Locator, type: string, at: { x: number; y: number }): Promise<string> {
  const before = await builder.locator(`[data-testid="node"][data-type="${type}"]`).count();
  await builder.locator(`[data-testid="palette-item"][data-type="${type}"]`).dragTo(builder.getByTestId('pane'), {
    targetPosition: at,
  });
  const node = builder.locator(`[data-testid="node"][data-type="${type}"]`).nth(before);
  await node.waitFor();
  return (await node.getAttribute('data-id')) ?? '';
}

/** Connects an output handle of one node to the input handle of another with the mouse. */
export async function connect(
  page: Page,
  builder: Locator,
  fromId: string,
  output: string,
  toId: string,
): Promise<void> {
  const from = builder.locator(`[data-testid="node"][data-id="${fromId}"] [data-testid="handle-${output}"]`);
  const to = builder.locator(`[data-testid="node"][data-id="${toId}"] [data-testid="handle-input"]`);
  const a = await center(from);
  const b = await center(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no box for ${locator.toString()}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * How the builder fills the window: the gap between its bottom and the window's bottom edge (unscrolled), its
 * share of the window's width, the share of its own height (borders aside) its frame (`part="root"`) takes, and how many save
 * buttons the page shows (the page's own; the element's is hidden with `hide-save`).
 */
export async function builderFit(
  page: Page,
  builder: Locator,
): Promise<{ gapToBottom: number; height: number; width: number; rootShare: number; saveButtons: number }> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await builder.boundingBox();
  const root = await builder.locator('[part="root"]').boundingBox();
  const { innerHeight, innerWidth } = await page.evaluate(() => ({
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }));
  if (!box || !root) throw new Error('no builder box');
  return {
    gapToBottom: innerHeight - (box.y + box.height),
    height: box.height,
    width: box.width / innerWidth,
    rootShare: root.height / box.height,
    saveButtons: await page.getByRole('button', { name: /^\s*Enregistrer\s*$/ }).count(),
  };
}
