import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import type { Page } from 'playwright-core';
import { sampleAutomation } from '../fixtures';
import { automationOf, inBuilder, openBuilder, resultsDir, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What has focus inside the element's shadow root. */
function focused(page: Page): Promise<{ id: string; name: string; dataId: string; testid: string }> {
  return page.evaluate(() => {
    const el = document.querySelector('swigs-automation-builder')?.shadowRoot?.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      name: el?.getAttribute('name') ?? '',
      dataId: el?.dataset.id ?? '',
      testid: el?.dataset.testid ?? '',
    };
  });
}

/** Presses Tab until `matches` holds for the focused element (at most 60 times). */
async function tabTo(
  page: Page,
  matches: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  key = 'Tab',
): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    if (matches(await focused(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached the target; last: ${JSON.stringify(await focused(page))}`);
}

async function axe(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}

describe.skipIf(!chromiumPath)('keyboard and accessibility', () => {
  it('creates a two-node automation with the keyboard only, connects by menu, moves, deletes, undoes and saves', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server);
    await page.evaluate(() => {
      const w = window as unknown as { saved: unknown[] };
      w.saved = [];
      document
        .querySelector('swigs-automation-builder')
        ?.addEventListener('swigs-save', (e) => w.saved.push((e as unknown as { detail: unknown }).detail));
    });
    await page.keyboard.press('Tab');
    await tabTo(page, (f) => f.id === 'palette-search');
    await page.keyboard.type('commande payée');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('envoyer e-mail');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await automationOf(page)).trigger.connections)
      .toEqual([{ targetId: 'send-email-1', condition: 'default' }]);
    expect((await automationOf(page)).trigger.type).toBe('order.paid');

    // A third step, unconnected, then wired from the trigger with the "Connect to…" menu (C).
    await page.keyboard.press('Escape');
    await tabTo(page, (f) => f.id === 'palette-search', 'Shift+Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('attendre');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await automationOf(page)).nodes.map((n) => n.id))
      .toEqual(['send-email-1', 'wait-1']);
    await tabTo(page, (f) => f.dataId === 'trigger');
    await page.keyboard.press('c');
    await expect.poll(() => inBuilder(page, '[data-testid="quick-add"]').count()).toBe(1);
    await page.keyboard.type('attendre');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await automationOf(page)).trigger.connections)
      .toEqual([
        { targetId: 'send-email-1', condition: 'default' },
        { targetId: 'wait-1', condition: 'default' },
      ]);

    // The wait needs a duration to be valid: Enter moves focus into its form.
    await tabTo(page, (f) => f.dataId === 'wait-1');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.id === 'cfg-duration-amount');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await expect
      .poll(async () => (await automationOf(page)).nodes.find((n) => n.id === 'wait-1')?.config.duration)
      .toBe(2);

    // Arrows move by the grid; Delete removes; Ctrl+Z restores.
    const x0 = (await automationOf(page)).nodes.find((n) => n.id === 'wait-1')?.position.x ?? 0;
    await tabTo(page, (f) => f.dataId === 'wait-1');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => (await automationOf(page)).nodes.find((n) => n.id === 'wait-1')?.position.x)
      .toBe(x0 + 20);
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(1);
    await tabTo(page, (f) => f.testid === 'pane', 'Shift+Tab');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(2);

    // Enter on a focused step moves focus into its form; fill the required recipient.
    await tabTo(page, (f) => f.dataId === 'send-email-1');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.name === 'to');
    await page.keyboard.type('{{trigger.customer.email}}');
    // An e-mail needs a template (or a subject and a body): the first stored one, chosen with the arrow key.
    await tabTo(page, (f) => f.name === 'templateId', 'Shift+Tab');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(async () => (await automationOf(page)).nodes.find((n) => n.id === 'send-email-1')?.config.templateId)
      .toBeTruthy();
    // Save once the server's check of this very version has answered (it runs 300 ms after the last edit).
    await expect.poll(() => inBuilder(page, '[data-testid="problem-count"]').textContent()).toMatch(/^\s*(0|Aucun)/);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.evaluate(() => (window as unknown as { saved: unknown[] }).saved.length)).toBe(1);
    const saved = (await page.evaluate(() => (window as unknown as { saved: unknown[] }).saved[0])) as {
      draft: boolean;
      problems: unknown[];
      automation: { nodes: { id: string; config: Record<string, unknown> }[] };
    };
    expect(saved.problems).toEqual([]);
    expect(saved.draft).toBe(false);
    expect(saved.automation.nodes.find((n) => n.id === 'send-email-1')?.config.to).toBe('{{trigger.customer.email}}');
    await page.screenshot({ path: `${resultsDir}/builder-keyboard.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ignores shortcuts while focus is outside the element', async () => {
    const { page } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').click();
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'outside';
      document.body.prepend(input);
      input.focus();
    });
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+z');
    expect((await automationOf(page)).nodes).toHaveLength(3);
    await page.close();
  });

  it('has no axe violations, in French and in English, light and dark', async () => {
    const { page } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await inBuilder(page, '.swigs-flow__node[data-id="send-email-1"]').click();
    await expect.poll(() => inBuilder(page, '[data-testid="variables"]').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await page.evaluate(() => {
      const el = document.querySelector('swigs-automation-builder') as HTMLElement;
      el.setAttribute('lang', 'en');
      el.setAttribute('theme', 'dark');
    });
    await expect.poll(() => inBuilder(page, '[data-testid="tab-test"]').textContent()).toBe('Test');
    await expect.poll(() => inBuilder(page, '[data-testid="layout"]').getAttribute('aria-label')).toBe('Auto layout');
    const background = await page.evaluate(() =>
      getComputedStyle(document.querySelector('swigs-automation-builder')!).getPropertyValue('--_bg').trim(),
    );
    expect(background).toBe('#15171c');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${resultsDir}/builder-dark-en.png` });
    await page.close();
  });
});
