import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { screenshot } from './support/browser';
import { builderOf, dragFromPalette, waitForPalette } from './support/builder';
import type { RunningServer } from './support/server';
import { startUiSession, type UiSession } from './support/ui-session';

interface Created {
  id: string;
}

/** Safe editing: one automation per click burst, a prompt before losing edits, and a manual run with real data. */
describe.skipIf(!chromiumPath)('safe editing in the builder page against swigs-workflow start', () => {
  let server: RunningServer;
  let ui: UiSession;
  let page: Page;
  let errors: string[];
  let orderFlowId: string;

  beforeAll(async () => {
    ui = await startUiSession();
    ({ server, page, errors } = ui);
    // A step that never comes fails with its own message before the test's timeout.
    page.setDefaultTimeout(15_000);
    const template = await server.api<Created>('POST', '/api/email-templates', {
      name: 'Merci',
      subject: 'Merci {{trigger.customer.firstName}}',
      body: '<p>Merci {{trigger.customer.firstName}}</p>',
    });
    const flow = await server.api<Created>('POST', '/api/automations', {
      name: 'Grosse commande',
      isActive: true,
      trigger: { type: 'order.paid', config: {} },
      nodes: [
        {
          id: 'big',
          type: 'condition',
          position: { x: 0, y: 150 },
          config: { combinator: 'all', conditions: [{ field: 'trigger.total', operator: 'greater_than', value: 100 }] },
          connections: [{ targetId: 'thanks', condition: 'true' }],
        },
        {
          id: 'thanks',
          type: 'send_email',
          position: { x: 0, y: 300 },
          config: { templateId: template.body.id, to: '{{trigger.customer.email}}' },
          connections: [],
        },
      ],
    });
    expect(flow.status).toBe(201);
    orderFlowId = flow.body.id;
    await ui.login();
  }, 60_000);

  afterAll(async () => {
    await ui?.close();
  });

  it('creates one automation when "Enregistrer" is double-clicked, the button busy meanwhile', async () => {
    await page.goto(`${server.url}/#/automations/new`);
    const builder = builderOf(page);
    await waitForPalette(builder);
    await dragFromPalette(builder, 'order.paid', { x: 250, y: 80 });
    await page.getByLabel('Nom de l’automatisation').fill('Double clic');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('Modifications non enregistrées');
    const save = page.getByTestId('page-save');
    await save.dblclick();
    // The URL follows the new automation; if the page reports an error instead, the failure shows its text.
    const outcome = () =>
      page.evaluate(() =>
        /#\/automations\/(?!new)[^/]+$/.test(location.hash)
          ? 'saved'
          : (document.querySelector('.toast-error')?.textContent ?? `waiting at ${location.hash}`),
      );
    await expect.poll(outcome, { timeout: 30_000 }).toBe('saved');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toContain('Tout est enregistré');
    expect(await save.isDisabled()).toBe(false);
    const list = await server.api<{ items: Array<{ name: string }> }>('GET', '/api/automations?limit=200');
    expect(list.body.items.filter((a) => a.name === 'Double clic')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('asks before leaving unsaved edits, in the app and when the tab closes', async () => {
    await page.goto(`${server.url}/#/automations/${orderFlowId}`);
    await page.locator('swigs-automation-builder.builder').waitFor();
    const name = page.getByLabel('Nom de l’automatisation');
    // A hash change keeps the previous test's page on screen until this automation has loaded: typing before then
    // would go into that page's field, which this one replaces.
    await expect.poll(() => name.inputValue()).toBe('Grosse commande');
    await name.fill('Grosse commande (modifiée)');
    await page.getByRole('link', { name: 'Modèles d’e-mail' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirmer' });
    await dialog.waitFor();
    await screenshot(page, 'editing-leave-prompt');
    await dialog.getByRole('button', { name: 'Ne rien faire' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => location.hash)).toBe(`#/automations/${orderFlowId}`);
    expect(await name.inputValue()).toBe('Grosse commande (modifiée)');

    // Closing the tab: the browser's own prompt, asked by the page's beforeunload handler.
    let prompted = '';
    page.once('dialog', (d) => {
      prompted = d.type();
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => prompted).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    await page.getByRole('link', { name: 'Modèles d’e-mail' }).click();
    await dialog.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
    await page.getByRole('heading', { name: 'Modèles d’e-mail', level: 1 }).waitFor();
    const stored = await server.api<{ name: string }>('GET', `/api/automations/${orderFlowId}`);
    expect(stored.body.name).toBe('Grosse commande');
  });

  it('runs manually with the data of the dialog and the condition goes "true"', async () => {
    await page.goto(`${server.url}/#/automations/${orderFlowId}`);
    await page.locator('swigs-automation-builder.builder').waitFor();
    await page.getByRole('button', { name: 'Déclencher maintenant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Déclencher « Grosse commande »' });
    await dialog.waitFor();
    const data = dialog.getByLabel('Données de l’exécution (JSON)');
    // Prefilled with sample data: an object the user edits rather than `{}`.
    expect(Object.keys(JSON.parse(await data.inputValue()) as object).length).toBeGreaterThan(0);
    await data.fill(
      JSON.stringify({
        orderId: 'ord_1042',
        orderNumber: '1042',
        status: 'paid',
        total: 250,
        currency: 'CHF',
        items: [],
        customer: { email: 'zoe@example.ch', firstName: 'Zoé', lastName: 'Favre' },
      }),
    );
    await screenshot(page, 'editing-run-dialog');
    await dialog.getByRole('button', { name: 'Lancer l’exécution' }).click();
    await page.getByRole('link', { name: 'Voir l’exécution' }).click();
    await expect
      .poll(() => page.locator('.run-status [data-status]').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('completed');
    const branch = page.locator('.log-entry[data-node-id="big"] [data-branch]');
    expect(await branch.getAttribute('data-branch')).toBe('true');
    expect(await branch.textContent()).toContain('Branche : vrai');
    expect(await page.locator('h1').textContent()).toContain('Commande 1042 · Zoé Favre');
    expect(errors).toEqual([]);
  });
});
