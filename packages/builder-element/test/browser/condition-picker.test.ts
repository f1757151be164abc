import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { sampleAutomation } from '../fixtures';
import { automationOf, inBuilder, openBuilder, resultsDir, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();

/** The first rule of the sample's condition step, as the element holds it. */
async function firstRule(page: Parameters<typeof automationOf>[0]): Promise<Record<string, unknown> | undefined> {
  const config = (await automationOf(page)).nodes.find((n) => n.id === 'condition-1')?.config as
    | { conditions: Record<string, unknown>[] }
    | undefined;
  return config?.conditions[0];
}

describe.skipIf(!chromiumPath)('choosing a condition field and value from what the step can read', () => {
  it('offers the trigger fields with labels and examples, and order statuses by their French names', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await page.setViewportSize({ width: 1440, height: 900 });
    await inBuilder(page, '.swigs-flow__node[data-id="condition-1"]').click();
    const field = inBuilder(page, '[data-testid="condition-field"]').first();
    await field.waitFor();
    const options = await field.locator('option').allTextContents();
    expect(options).toContain('Statut de la commande — payée');
    expect(options.some((text) => text.startsWith('E-mail du client — '))).toBe(true);
    expect(await field.locator('optgroup').first().getAttribute('label')).toBe('Déclencheur : Commande payée');

    await field.selectOption('trigger.status');
    await expect.poll(async () => (await firstRule(page))?.field).toBe('trigger.status');
    await inBuilder(page, 'select#cfg-conditions-0-operator').selectOption({ label: 'est égal à' });
    const value = inBuilder(page, '[data-testid="condition-value"]').first();
    await value.waitFor();
    expect(await value.locator('option').allTextContents()).toContain('payée (paid)');
    await value.selectOption({ label: 'expédiée (shipped)' });
    await expect.poll(async () => (await firstRule(page))?.value).toBe('shipped');
    // The card says it in words, with the label of the stored value.
    await expect
      .poll(() =>
        inBuilder(page, '.swigs-flow__node[data-id="condition-1"] [data-testid="node-summary"]').textContent(),
      )
      .toBe('Si statut de la commande = expédiée');
    await page.screenshot({ path: `${resultsDir}/builder-condition-picker.png`, animations: 'disabled' });

    // « Autre valeur… » lets a value outside the list be typed; « Autre… » a path no schema knows.
    await value.selectOption({ label: 'Autre valeur…' });
    const typed = inBuilder(page, '.condition-value input').first();
    await typed.fill('lost');
    await typed.press('Tab');
    await expect.poll(async () => (await firstRule(page))?.value).toBe('lost');
    await field.selectOption({ label: 'Autre (saisir un chemin)…' });
    const path = inBuilder(page, '.condition-field input').first();
    await path.fill('trigger.customer.tags');
    await expect.poll(async () => (await firstRule(page))?.field).toBe('trigger.customer.tags');
    expect(errors).toEqual([]);
    await page.close();
  });
});
