import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import type { Page } from 'playwright-core';
import { sampleAutomation } from '../fixtures';
import { inBuilder, nodeTypes, openBuilder, panAndZoom, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();

const VIEWS = {
  toolbar: 'swigs-builder-toolbar',
  palette: 'swigs-builder-palette',
  quickAdd: 'swigs-builder-quick-add',
} as const;
type View = keyof typeof VIEWS;

/** Counts each child view's renders from now on (its `updated` runs once per render). */
function countRenders(page: Page): Promise<void> {
  return page.evaluate((views) => {
    const root = document.querySelector('swigs-automation-builder')?.shadowRoot;
    const counter = window as unknown as { renders: Record<string, number> };
    counter.renders = {};
    for (const [name, tag] of Object.entries(views)) {
      const view = root?.querySelector(tag) as unknown as { updated: () => void } | null;
      if (!view) throw new Error(`no ${tag} in the shadow root`);
      counter.renders[name] = 0;
      view.updated = () => {
        counter.renders[name] = (counter.renders[name] ?? 0) + 1;
      };
    }
  }, VIEWS);
}

const renders = (page: Page, view: View): Promise<number> =>
  page.evaluate((name) => (window as unknown as { renders: Record<string, number> }).renders[name] ?? -1, view);

const paletteItems = (page: Page) => inBuilder(page, '[data-testid="palette-item"]');

describe.skipIf(!chromiumPath)('the toolbar, palette and step picker elements', () => {
  it('render on pan, zoom and drag frames never; the toolbar on edits and selection', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await expect.poll(() => inBuilder(page, '[data-testid="problems"]').count()).toBe(1);
    await countRenders(page);
    await panAndZoom(page);
    expect(await renders(page, 'toolbar')).toBe(0);
    expect(await renders(page, 'palette')).toBe(0);
    expect(await renders(page, 'quickAdd')).toBe(0);

    // The press selects the step: the toolbar's delete button becomes enabled; the palette shows nothing of it.
    const card = await inBuilder(page, '.swigs-flow__node[data-id="wait-1"] .head').boundingBox();
    if (!card) throw new Error('no card');
    await page.mouse.move(card.x + 20, card.y + card.height / 2);
    await page.mouse.down();
    await page.mouse.move(card.x + 30, card.y + card.height / 2 + 5, { steps: 3 });
    await expect.poll(() => inBuilder(page, '[data-testid="delete"]').isDisabled()).toBe(false);
    expect(await renders(page, 'toolbar')).toBeGreaterThan(0);
    expect(await renders(page, 'palette')).toBe(0);
    await countRenders(page);
    const node = inBuilder(page, '.swigs-flow__node[data-id="wait-1"]');
    const cardStart = await node.evaluate((el) => (el as HTMLElement).style.transform);
    await page.mouse.move(card.x + 140, card.y + 90, { steps: 20 });
    await expect.poll(() => node.evaluate((el) => (el as HTMLElement).style.transform)).not.toBe(cardStart);
    expect(await renders(page, 'toolbar')).toBe(0);
    expect(await renders(page, 'palette')).toBe(0);
    expect(await renders(page, 'quickAdd')).toBe(0);

    // The drop commits the move: undo becomes possible, the toolbar shows it.
    await page.mouse.up();
    await expect.poll(() => inBuilder(page, '[data-testid="undo"]').isDisabled()).toBe(false);
    expect(await renders(page, 'toolbar')).toBeGreaterThan(0);
    expect(await renders(page, 'palette')).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the palette when its search, the language or the catalogue changes', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    const all = await paletteItems(page).count();
    await inBuilder(page, '[data-testid="open-palette"]').click();
    await expect.poll(() => inBuilder(page, '[data-testid="palette-search"]').isVisible()).toBe(true);
    await countRenders(page);

    await inBuilder(page, '[data-testid="palette-search"]').fill('attendre');
    await expect.poll(() => paletteItems(page).count()).toBeLessThan(all);
    await expect.poll(() => paletteItems(page).count()).toBeGreaterThan(0);
    expect(await renders(page, 'palette')).toBeGreaterThan(0);

    await inBuilder(page, '[data-testid="palette-search"]').fill('');
    await expect.poll(() => paletteItems(page).count()).toBe(all);
    await countRenders(page);
    // A host that awaits the builder's updateComplete finds its child views in the new language.
    const shown = await page.evaluate(async () => {
      const el = document.querySelector('swigs-automation-builder') as unknown as {
        lang: string;
        updateComplete: Promise<boolean>;
        shadowRoot: ShadowRoot;
      };
      el.lang = 'en';
      await el.updateComplete;
      return {
        group: el.shadowRoot.querySelector('.palette h2.group')?.textContent,
        search: el.shadowRoot.querySelector('[data-testid="palette-search"]')?.getAttribute('placeholder'),
        undo: el.shadowRoot.querySelector('[data-testid="undo"]')?.getAttribute('aria-label'),
      };
    });
    expect(shown).toEqual({ group: 'Triggers', search: 'Search steps', undo: 'Undo' });
    expect(await renders(page, 'palette')).toBeGreaterThan(0);
    expect(await renders(page, 'toolbar')).toBeGreaterThan(0);

    // A catalogue the host sets replaces the server's: the palette lists exactly its types.
    await countRenders(page);
    const few = nodeTypes().filter((d) => d.type === 'wait' || d.type === 'send_email' || d.type === 'order.paid');
    expect(few).toHaveLength(3);
    await page.evaluate((catalogue) => {
      (document.querySelector('swigs-automation-builder') as unknown as { nodeTypes: unknown }).nodeTypes = catalogue;
    }, few);
    await expect
      .poll(async () => (await paletteItems(page).evaluateAll((els) => els.map((el) => el.dataset.type))).sort())
      .toEqual(['order.paid', 'send_email', 'wait']);
    expect(await renders(page, 'palette')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the step picker when it opens, filters, moves its active option and closes', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await inBuilder(page, '.swigs-flow__node[data-id="wait-1"] .head').click();
    await countRenders(page);
    const picker = inBuilder(page, '[data-testid="quick-add"]');
    const options = inBuilder(page, '[data-testid="quick-add-option"]');
    await inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').press('a');
    await expect.poll(() => picker.count()).toBe(1);
    // It opens with the focus in its search field (the builder's updateComplete waits for it).
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('swigs-automation-builder')?.shadowRoot?.activeElement?.id),
      )
      .toBe('quick-add-input');
    expect(await renders(page, 'quickAdd')).toBeGreaterThan(0);
    const all = await options.count();

    await countRenders(page);
    await page.keyboard.type('webhook');
    await expect.poll(() => options.count()).toBeLessThan(all);
    expect(await renders(page, 'quickAdd')).toBeGreaterThan(0);
    await countRenders(page);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => renders(page, 'quickAdd')).toBeGreaterThan(0);
    expect(await renders(page, 'palette')).toBe(0);

    await page.keyboard.press('Escape');
    await expect.poll(() => picker.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves the name out of the toolbar with hide-name, which a host can set and clear', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    const name = inBuilder(page, '[data-testid="automation-name"]');
    await expect.poll(() => name.textContent()).toBe(sampleAutomation().name);
    await page.evaluate(() => document.querySelector('swigs-automation-builder')?.setAttribute('hide-name', ''));
    await expect.poll(() => name.count()).toBe(0);
    // Only the name goes: the tools and the save button stay.
    expect(await inBuilder(page, '[data-testid="undo"]').count()).toBe(1);
    expect(await inBuilder(page, '[data-testid="save"]').count()).toBe(1);
    await page.evaluate(() => {
      (document.querySelector('swigs-automation-builder') as unknown as { hideName: boolean }).hideName = false;
    });
    await expect.poll(() => name.count()).toBe(1);
    expect(await page.locator('swigs-automation-builder').getAttribute('hide-name')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
