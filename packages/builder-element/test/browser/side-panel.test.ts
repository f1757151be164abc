import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import type { Page } from 'playwright-core';
import { sampleAutomation } from '../fixtures';
import { inBuilder, openBuilder, panAndZoom, resultsDir, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();

/**
 * Element reads wait at most 5 s (playwright-core has no default action timeout): a missing element fails with
 * Playwright's error (inside `expect.poll`, retried within the poll's deadline) instead of hanging the test.
 */
const READ = { timeout: 5_000 };

/** Counts the side panel's renders from now on (its `updated` runs once per render). */
function countPanelRenders(page: Page): Promise<void> {
  return page.evaluate(() => {
    const panel = document
      .querySelector('swigs-automation-builder')
      ?.shadowRoot?.querySelector('swigs-builder-panel') as unknown as { updated: () => void } | null;
    if (!panel) throw new Error('no swigs-builder-panel in the shadow root');
    const counter = window as unknown as { panelRenders: number };
    counter.panelRenders = 0;
    panel.updated = () => {
      counter.panelRenders += 1;
    };
  });
}

const panelRenders = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { panelRenders: number }).panelRenders);

describe.skipIf(!chromiumPath)('the side panel element', () => {
  it('renders when what it shows changes, not on pan, zoom or drag frames', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await expect.poll(() => inBuilder(page, '[data-testid="problems"]').count()).toBe(1);
    await countPanelRenders(page);
    // Pan and zoom: the canvas moves, the panel does not render.
    await panAndZoom(page);
    expect(await panelRenders(page)).toBe(0);

    // Dragging a step: every frame moves the card, none renders the panel.
    const card = await inBuilder(page, '.swigs-flow__node[data-id="wait-1"] .head').boundingBox();
    if (!card) throw new Error('no card');
    await page.mouse.move(card.x + 20, card.y + card.height / 2);
    await page.mouse.down();
    await page.mouse.move(card.x + 30, card.y + card.height / 2 + 5, { steps: 3 });
    // The drag's start selects the step (the panel shows it); the frames after it change nothing the panel shows.
    await expect
      .poll(() => inBuilder(page, '[data-testid="node-config"]').getAttribute('data-node-id', READ))
      .toBe('wait-1');
    expect(await panelRenders(page)).toBeGreaterThan(0);
    await countPanelRenders(page);
    const cardStart = await inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').evaluate(
      (el) => (el as HTMLElement).style.transform,
      undefined,
      READ,
    );
    await page.mouse.move(card.x + 140, card.y + 90, { steps: 20 });
    await expect
      .poll(() =>
        inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').evaluate(
          (el) => (el as HTMLElement).style.transform,
          undefined,
          READ,
        ),
      )
      .not.toBe(cardStart);
    expect(await panelRenders(page)).toBe(0);
    await page.mouse.up();

    // Selecting a step and switching tabs change what it shows: it renders them.
    await inBuilder(page, '.swigs-flow__node[data-id="send-email-1"] .head').click();
    await expect
      .poll(() => inBuilder(page, '[data-testid="node-config"]').getAttribute('data-node-id', READ))
      .toBe('send-email-1');
    expect(await panelRenders(page)).toBeGreaterThan(0);
    await inBuilder(page, '[data-testid="tab-test"]').click();
    await expect.poll(() => inBuilder(page, '[data-testid="test-panel"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names a selected link by the steps it joins, as their cards show them, in French and in English', async () => {
    const automation = sampleAutomation();
    const wait = automation.nodes.find((n) => n.id === 'wait-1');
    if (wait) wait.label = 'Pause de deux jours';
    const { page, errors } = await openBuilder(env.browser, env.server, { automation });
    const heading = inBuilder(page, '[data-testid="edge-details"] h2');
    const button = inBuilder(page, '[data-testid="edge-insert"][data-edge-id="trigger--default--wait-1"]');
    await button.focus();
    // The trigger has no label: its card shows the node type's title; the wait step shows its label.
    await expect
      .poll(() => heading.textContent(READ))
      .toBe('Lien de « Commande payée » vers « Pause de deux jours » (suite)');
    expect(await button.getAttribute('aria-label', READ)).toContain(
      'Lien de « Commande payée » vers « Pause de deux jours » (suite)',
    );
    await inBuilder(page, '[data-testid="edge-insert"][data-edge-id="condition-1--true--send-email-1"]').focus();
    await expect.poll(() => heading.textContent(READ)).toBe('Lien de « Condition » vers « Envoyer un e-mail » (vrai)');

    await page.evaluate(() => document.querySelector('swigs-automation-builder')?.setAttribute('lang', 'en'));
    await expect.poll(() => heading.textContent(READ)).toBe('Link from “Condition” to “Send an email” (true)');
    expect(await heading.textContent(READ)).not.toMatch(/condition-1|send-email-1/);
    await page.screenshot({ path: `${resultsDir}/builder-link-selected.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
