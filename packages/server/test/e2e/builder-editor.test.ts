import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { expectAccessible, loginThroughUi, openPage, screenshot } from './support/browser';
import { builderFit, builderOf, nodeOfType, panIntoView, waitForPalette } from './support/builder';
import type { RunningServer } from './support/server';
import { startUiSession, type UiSession } from './support/ui-session';

interface Stored {
  id: string;
  nodes: Array<{ id: string; type: string; config: Record<string, unknown> }>;
}

/** The element's current automation (what it would save). */
function automationOf(page: Page): Promise<Stored> {
  return page.evaluate(
    () => (document.querySelector('swigs-automation-builder') as unknown as { automation: Stored }).automation,
  );
}

/** Each card's box and whether its summary line is drawn inside the canvas. */
async function cards(
  builder: Locator,
): Promise<Array<{ type: string; width: number; summary: string; inside: boolean }>> {
  const canvas = await builder.getByTestId('canvas').boundingBox();
  const result = [];
  for (const node of await builder.getByTestId('node').all()) {
    const box = await node.boundingBox();
    const summary = node.getByTestId('node-summary');
    result.push({
      type: (await node.getAttribute('data-type')) ?? '',
      width: box?.width ?? 0,
      summary: ((await summary.textContent()) ?? '').trim(),
      inside: Boolean(
        box &&
          canvas &&
          box.x >= canvas.x &&
          box.x + box.width <= canvas.x + canvas.width &&
          (await summary.isVisible()),
      ),
    });
  }
  return result;
}

describe.skipIf(!chromiumPath)('the builder as an editor, in Chromium against swigs-workflow start (issue 15)', () => {
  let ui: UiSession;
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let templateId: string;
  let automationId: string;

  beforeAll(async () => {
    ui = await startUiSession({ viewport: { width: 1440, height: 900 } });
    ({ server, page, errors } = ui);
    const template = await server.api<{ id: string }>('POST', '/api/email-templates', {
      name: 'Merci',
      subject: 'Merci {{trigger.customer.firstName}} !',
      body: '<p>Merci pour votre commande.</p>',
    });
    templateId = template.body.id;
    await ui.login();
  }, 60_000);

  afterAll(async () => {
    await ui?.close();
  });

  it('builds order paid → wait 2 days → if status is paid → e-mail on an empty canvas, every card readable at 1440×900', async () => {
    await page.getByRole('link', { name: 'Nouvelle automatisation' }).click();
    const builder = builderOf(page);
    await waitForPalette(builder);
    // A click on a palette item adds the step wired from the selected one (the new step is selected).
    for (const type of ['order.paid', 'wait', 'condition', 'send_email']) {
      await builder.locator(`[data-testid="palette-item"][data-type="${type}"]`).click();
    }
    await expect
      .poll(async () => (await automationOf(page)).nodes.map((n) => n.type))
      .toEqual(['wait', 'condition', 'send_email']);

    await nodeOfType(builder, 'wait').click();
    await builder.locator('#cfg-duration-amount').fill('2');
    await builder.locator('#cfg-duration-amount').press('Tab');
    await builder.locator('#cfg-duration-unit').selectOption('days');

    // The condition's field and value from the pickers: « Statut de la commande », « payée ».
    await nodeOfType(builder, 'condition').click();
    const rules = builder.locator('[data-testid="array-field"][data-name="conditions"]');
    if ((await rules.getByTestId('condition-field').count()) === 0) await rules.getByTestId('array-add').click();
    const field = builder.getByTestId('condition-field').first();
    await field.selectOption('trigger.status');
    await builder.locator('select[id$="conditions-0-operator"]').selectOption({ label: 'est égal à' });
    await builder.getByTestId('condition-value').first().selectOption({ label: 'payée (paid)' });

    // The e-mail: a template, and its recipient inserted from the input pane (the trigger's sample data).
    await nodeOfType(builder, 'send_email').click();
    await builder.getByTestId('template-picker').locator('select').selectOption(templateId);
    const to = builder.locator('[data-testid="config-form"] [name="to"]').first();
    await to.click();
    const input = builder.getByTestId('step-input');
    await input.locator('summary', { hasText: 'customer' }).click();
    await input.locator('[data-testid="json-field"][data-path="trigger.customer.email"]').click();
    await expect
      .poll(async () => (await automationOf(page)).nodes.find((n) => n.type === 'send_email')?.config.to)
      .toBe('{{trigger.customer.email}}');
    // What the server found on a step before its last edit went with that edit (it described the old
    // configuration); what it found on the steps before, from the graph as it was then, goes with its next answer,
    // 300 ms after the last edit plus the round trip (the project's poll deadline covers a loaded machine). The list
    // is read, so a failure says what.
    await expect.poll(() => builder.getByTestId('problems').textContent()).toMatch(/Problèmes \(0\)/);
    expect(await builder.getByTestId('problem-count').textContent()).toMatch(/^\s*(0|Aucun)/);

    await builder.getByTestId('layout').click();
    await builder.getByTestId('fit-view').click();
    // Legible at any size the page gives: a graph wider than the canvas is panned, never shrunk below 200 px cards.
    await expect.poll(async () => (await cards(builder)).every((c) => c.width >= 200 && c.summary !== '')).toBe(true);
    expect((await cards(builder)).find((c) => c.type === 'order.paid')?.inside).toBe(true);
    const summaries = Object.fromEntries((await cards(builder)).map((c) => [c.type, c.summary]));
    expect(summaries).toMatchObject({
      wait: 'Attendre 2 jours',
      condition: 'Si statut de la commande = payée',
      send_email: 'E-mail « Merci » à {{trigger.customer.email}}',
    });
    await screenshot(page, 'builder-editor-1440');
    await expectAccessible(page, 'builder editor 1440', { embedsBuilder: true });

    // The builder fills the window below the app bar, with one save button: the page's (the element's is hidden).
    const fit = await builderFit(page, builder);
    expect(fit.gapToBottom).toBeGreaterThanOrEqual(0);
    expect(fit.gapToBottom).toBeLessThanOrEqual(16);
    expect(fit.height).toBeGreaterThan(620);
    expect(fit.width).toBeGreaterThan(0.95);
    expect(fit.rootShare).toBeGreaterThan(0.98);
    expect(fit.saveButtons).toBe(1);
    expect(await builder.getByTestId('save').count()).toBe(0);

    await page.getByLabel('Nom de l’automatisation').fill('Merci après paiement');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/automations') && r.request().method() === 'POST',
    );
    // Ctrl+S in the page's name field saves too (the builder's own shortcut works only with focus inside it).
    await page.getByLabel('Nom de l’automatisation').press('Control+s');
    automationId = ((await (await created).json()) as Stored).id;
    await expect.poll(() => page.url()).toContain(`#/automations/${automationId}`);
    expect(errors).toEqual([]);
  }, 90_000);

  it('tests one step, shows per-step stats after 20 runs, and loads a past run’s data', async () => {
    const builder = builderOf(page);
    await nodeOfType(builder, 'condition').click();
    await builder.getByTestId('test-step').click();
    // The trigger's sample order is paid: the condition goes « vrai ».
    await expect.poll(() => builder.getByTestId('step-output').textContent(), { timeout: 20_000 }).toMatch(/vrai/);

    await server.api('PATCH', `/api/automations/${automationId}/toggle`, { isActive: true });
    for (let i = 0; i < 20; i++) {
      const payload = {
        orderId: `ord_${2000 + i}`,
        orderNumber: String(2000 + i),
        status: 'paid',
        total: 120 + i,
        currency: 'CHF',
        items: [],
        siteId: 'site-1',
        updatedAt: new Date().toISOString(),
        customer: { id: `c-${i}`, email: `client${i}@example.ch`, firstName: 'Zoé' },
      };
      expect((await server.api('POST', `/api/automations/${automationId}/run`, { payload })).status).toBe(201);
    }
    await builder.getByTestId('stats-period').selectOption('7d');
    const stat = (type: string, name: string) =>
      builder
        .locator(`[data-testid="node"][data-type="${type}"] [data-testid="node-stats"] [data-stat="${name}"]`)
        .textContent()
        .then((text) => text?.trim());
    // Every run reached the wait and parks there for two days.
    await expect.poll(() => stat('wait', 'reached'), { timeout: 20_000 }).toBe('20');
    expect(await stat('wait', 'waiting')).toBe('20');
    await screenshot(page, 'builder-editor-stats');

    await nodeOfType(builder, 'send_email').click();
    await builder.getByTestId('use-run-data').click();
    await builder.getByTestId('run-option').first().click();
    await expect
      .poll(() => builder.getByTestId('data-source').textContent(), { timeout: 20_000 })
      .toMatch(/Données de l’exécution du/);
    expect(await builder.getByTestId('step-input').textContent()).toMatch(/"20(0\d|1\d)"/);
    // The runs wait before the e-mail: the pane says this run did not get there yet.
    expect(await builder.getByTestId('run-output').textContent()).toMatch(/n’a pas atteint/);
    await screenshot(page, 'builder-editor-run-data');
    await builder.getByTestId('use-sample-data').click();
    expect(errors).toEqual([]);
  }, 90_000);

  it('drops a link on empty canvas and picks a step; Enter presses toolbar and panel buttons', async () => {
    const builder = builderOf(page);
    const before = (await automationOf(page)).nodes.length;
    const handle = builder.locator('[data-testid="node"][data-type="send_email"] [data-testid="handle-default"]');
    const canvas = await builder.getByTestId('canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    // The graph is wider than the canvas beside palette and panel: pan it left by dragging empty canvas.
    // (From the middle: the minimap sits in the bottom right corner.)
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + 40);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width / 2 - 400, canvas.y + 40, { steps: 10 });
    await page.mouse.up();
    const box = await handle.boundingBox();
    if (!box) throw new Error('no handle');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // Dropped above the row of cards: empty canvas, away from the minimap in the bottom right corner.
    await page.mouse.move(box.x + 100, canvas.y + 80, { steps: 10 });
    await page.mouse.up();
    await builder.getByTestId('quick-add').waitFor();
    await builder.locator('[data-testid="quick-add-option"][data-value="create_task"]').click();
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(before + 1);
    const email = (await automationOf(page)).nodes.find((n) => n.type === 'send_email') as unknown as {
      connections: Array<{ targetId: string }>;
    };
    const task = (await automationOf(page)).nodes.find((n) => n.type === 'create_task');
    expect(email.connections.map((c) => c.targetId)).toContain(task?.id);

    // Enter on the focused button does what a click does, with a step selected.
    const press = async (testId: string) => {
      await builder.getByTestId(testId).focus();
      await page.keyboard.press('Enter');
    };
    await press('undo');
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(before);
    await press('redo');
    await expect.poll(async () => (await automationOf(page)).nodes.length).toBe(before + 1);
    const zoom = () =>
      builder.locator('.xyflow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
    const z0 = await zoom();
    await press('zoom-in');
    await expect.poll(zoom).toBeGreaterThan(z0);
    await press('zoom-out');
    await press('fit-view');
    await press('layout');
    await press('open-palette');
    await expect.poll(() => builder.getByTestId('palette').isVisible()).toBe(true);
    await press('open-palette');
    await expect.poll(() => builder.getByTestId('palette').isVisible()).toBe(false);
    await press('tab-test');
    await expect.poll(() => builder.getByTestId('tab-test').getAttribute('aria-pressed')).toBe('true');
    await press('tab-config');
    await nodeOfType(builder, 'condition').click();
    await press('test-step');
    await expect.poll(() => builder.getByTestId('step-output').textContent(), { timeout: 20_000 }).toMatch(/vrai/);
    await press('use-run-data');
    await builder.getByTestId('run-option').first().waitFor();
    // The element's save button is hidden on this page: Ctrl+S inside it, and Enter on the page's button, save.
    const saved = () =>
      page.waitForResponse(
        (r) => r.url().endsWith(`/api/automations/${automationId}`) && r.request().method() === 'PUT',
      );
    const byShortcut = saved();
    await builder.getByTestId('fit-view').focus();
    await page.keyboard.press('Control+s');
    expect((await byShortcut).status()).toBeLessThan(300);
    const byButton = saved();
    await page.getByTestId('page-save').focus();
    await page.keyboard.press('Enter');
    expect((await byButton).status()).toBeLessThan(300);
    expect(errors).toEqual([]);
  }, 90_000);

  it('is usable at 390×844 in the dark: full-width canvas, palette and panel as drawers, no serious axe finding', async () => {
    const { page: phone, errors: phoneErrors } = await openPage(ui.browser, { width: 390, height: 844 });
    await phone.emulateMedia({ colorScheme: 'dark' });
    await loginThroughUi(phone, server.url, server.password);
    await phone.goto(`${server.url}/#/automations/${automationId}`);
    const builder = builderOf(phone);
    await nodeOfType(builder, 'wait').waitFor();
    const canvas = await builder.getByTestId('canvas').boundingBox();
    expect(canvas?.width ?? 0).toBeGreaterThan(340);
    const fit = await builderFit(phone, builder);
    expect(fit.gapToBottom).toBeGreaterThanOrEqual(0);
    expect(fit.gapToBottom).toBeLessThanOrEqual(16);
    expect(fit.rootShare).toBeGreaterThan(0.98);
    expect(fit.saveButtons).toBe(1);
    await screenshot(phone, 'builder-editor-390-dark');
    const background = await builder
      .locator('[data-testid="node"][data-type="wait"]')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(32, 35, 42)');
    await builder.getByTestId('open-palette').click();
    await expect.poll(() => builder.getByTestId('palette').isVisible()).toBe(true);
    await screenshot(phone, 'builder-editor-390-dark-palette');
    await builder.getByTestId('close-palette').click();
    // The graph is wider than the phone's canvas (cards stay 200 px wide): the condition is panned to first.
    await panIntoView(phone, builder, nodeOfType(builder, 'condition'));
    await nodeOfType(builder, 'condition').click();
    await builder.getByTestId('open-panel').click();
    await expect.poll(() => builder.getByTestId('panel').isVisible()).toBe(true);
    await screenshot(phone, 'builder-editor-390-dark-panel');
    await expectAccessible(phone, 'builder editor 390 dark', { embedsBuilder: true });
    expect(phoneErrors).toEqual([]);
    await phone.close();
  }, 90_000);
});
