import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { AutomationSchema } from '@swigs/automation-core';
import { sampleAutomation } from '../fixtures';
import { inBuilder, openBuilder, resultsDir, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();

/** The sample automation whose condition reads a long e-mail address among three rules. */
function longConditionAutomation() {
  const automation = sampleAutomation();
  return AutomationSchema.parse({
    ...automation,
    nodes: automation.nodes.map((node) =>
      node.id === 'condition-1'
        ? {
            ...node,
            config: {
              combinator: 'all',
              conditions: [
                {
                  field: 'trigger.customer.email',
                  operator: 'contains',
                  value: 'comptabilite@boulangerie-favre-et-fils.ch',
                },
                { field: 'trigger.total', operator: 'greater_than', value: 100 },
                { field: 'trigger.currency', operator: 'equals', value: 'CHF' },
              ],
            },
          }
        : node,
    ),
  });
}

/** The condition card's summary as drawn: its text, its title, the card's accessible name and its line count. */
async function conditionCard(page: Page) {
  const card = inBuilder(page, '.swigs-flow__node[data-id="condition-1"]');
  const summary = card.locator('[data-testid="node-summary"]');
  const lines = await summary.evaluate((el) => {
    const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight);
    return {
      drawn: Math.round(el.getBoundingClientRect().height / lineHeight),
      cut: el.scrollHeight > el.clientHeight,
    };
  });
  const summaryBox = await summary.boundingBox();
  const cardBox = await card.boundingBox();
  return {
    text: ((await summary.textContent()) ?? '').trim(),
    title: (await summary.getAttribute('title')) ?? '',
    name: (await card.getAttribute('aria-label')) ?? '',
    lines,
    inside: Boolean(summaryBox && cardBox && summaryBox.y + summaryBox.height <= cardBox.y + cardBox.height),
  };
}

describe.skipIf(!chromiumPath)('step cards say what a step does, however long', () => {
  it('wraps a long condition summary on two lines, the full text in its title and the card’s name, fr and en', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: longConditionAutomation() });
    await page.setViewportSize({ width: 1440, height: 900 });
    const full = 'Si e-mail du client contient comptabilite@boulangerie-favre-et-fils.ch (+2)';
    await expect.poll(async () => (await conditionCard(page)).title).toBe(full);
    const fr = await conditionCard(page);
    expect(fr.text).toBe(full);
    // Two lines, the second one cut with an ellipsis, inside the card.
    expect(fr.lines.drawn).toBe(2);
    expect(fr.lines.cut).toBe(true);
    expect(fr.inside).toBe(true);
    expect(fr.name).toContain(full);
    await page.screenshot({ path: `${resultsDir}/builder-long-summary-fr.png`, animations: 'disabled' });

    await page.evaluate(() => document.querySelector('swigs-automation-builder')?.setAttribute('lang', 'en'));
    const fullEn = 'If customer email contains comptabilite@boulangerie-favre-et-fils.ch (+2)';
    await expect.poll(async () => (await conditionCard(page)).title).toBe(fullEn);
    const en = await conditionCard(page);
    expect(en.lines.drawn).toBe(2);
    expect(en.inside).toBe(true);
    expect(en.name).toBe(`Step Condition (condition-1): ${fullEn}`);
    // A short summary stays on one line.
    const wait = inBuilder(page, '.swigs-flow__node[data-id="wait-1"] [data-testid="node-summary"]');
    expect(await wait.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
    await page.screenshot({ path: `${resultsDir}/builder-long-summary-en.png`, animations: 'disabled' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
