import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { expectAccessible, screenshot } from './support/browser';
import { builderOf, connect, dragFromPalette, nodeOfType, waitForPalette } from './support/builder';
import type { RunningServer } from './support/server';
import { startUiSession, type UiSession } from './support/ui-session';

interface StoredAutomation {
  id: string;
  name: string;
  isActive: boolean;
  trigger: { type: string; config: Record<string, unknown>; connections?: Array<{ targetId: string }> };
  nodes: Array<{
    id: string;
    type: string;
    config: Record<string, unknown>;
    connections: Array<{ targetId: string; condition: string }>;
  }>;
}

const DAY = 24 * 3600 * 1000;

describe.skipIf(!chromiumPath)('the builder page in Chromium against swigs-workflow start', () => {
  let ui: UiSession;
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let templateId: string;
  let automationId: string;
  let waitId: string;
  let emailId: string;

  beforeAll(async () => {
    ui = await startUiSession({ viewport: { width: 1600, height: 1000 } });
    ({ server, page, errors } = ui);
    const template = await server.api<{ id: string }>('POST', '/api/email-templates', {
      name: 'Merci pour votre commande',
      subject: 'Merci {{trigger.customer.firstName}} !',
      body: '<p>Bonjour {{trigger.customer.firstName}}, merci pour votre commande.</p>',
    });
    expect(template.status).toBe(201);
    templateId = template.body.id;
    await ui.login();
  }, 60_000);

  afterAll(async () => {
    await ui?.close();
  });

  it('builds "order.paid -> wait 2 days -> send_email" by drag and drop, saves it, and finds the same graph after a reload', async () => {
    await page.getByRole('link', { name: 'Nouvelle automatisation' }).click();
    const builder = builderOf(page);
    await waitForPalette(builder);

    await dragFromPalette(builder, 'order.paid', { x: 250, y: 80 });
    waitId = await dragFromPalette(builder, 'wait', { x: 250, y: 260 });
    emailId = await dragFromPalette(builder, 'send_email', { x: 250, y: 440 });
    const triggerId = (await nodeOfType(builder, 'order.paid').getAttribute('data-id')) ?? '';
    await connect(page, builder, triggerId, 'default', waitId);
    await connect(page, builder, waitId, 'default', emailId);
    await expect.poll(() => builder.getByTestId('edge').count()).toBe(2);

    await nodeOfType(builder, 'wait').click();
    const form = builder.getByTestId('config-form');
    await form.locator('input[name$="duration"]').fill('2');
    await form.locator('input[name$="duration"]').press('Tab');
    await form.locator('select[name$="unit"]').selectOption('days');

    await nodeOfType(builder, 'send_email').click();
    await builder.getByTestId('template-picker').locator('select').selectOption(templateId);
    // What only the server finds (the e-mail had no template until now) shows until its check of the last version
    // answers, 300 ms after the edit plus the round trip: the count is read once that answer is in.
    const checked = page.waitForResponse(
      (r) =>
        r.url().endsWith('/api/automations/validate') &&
        (r.request().postData() ?? '').includes('{{trigger.customer.email}}'),
    );
    await form.locator('input[name="to"], textarea[name="to"]').first().fill('{{trigger.customer.email}}');
    await form.locator('input[name="to"], textarea[name="to"]').first().press('Tab');
    await checked;
    await expect.poll(() => builder.getByTestId('problem-count').textContent()).toMatch(/^\s*(0|Aucun)/);

    await builder.getByTestId('layout').click();
    await builder.getByTestId('fit-view').click();
    await page.getByLabel('Nom de l’automatisation').fill('Remerciement après paiement');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/automations') && r.request().method() === 'POST',
    );
    await page.getByTestId('page-save').click();
    const response = await created;
    expect(response.status()).toBe(201);
    automationId = ((await response.json()) as StoredAutomation).id;
    await expect.poll(() => page.url()).toContain(`#/automations/${automationId}`);

    await page.getByRole('heading', { name: 'Éditeur : Remerciement après paiement', level: 1 }).waitFor();
    await screenshot(page, 'builder');
    await expectAccessible(page, 'builder page', { embedsBuilder: true });

    await page.reload();
    await nodeOfType(builder, 'send_email').waitFor();
    // A built automation opens to be read: the palette stays closed until « Étapes » is pressed.
    expect(await builder.getByTestId('palette').isVisible()).toBe(false);
    await builder.getByTestId('open-palette').click();
    await waitForPalette(builder);
    expect(await builder.locator('[data-testid="node"][data-type="order.paid"]').count()).toBe(1);
    expect(await builder.locator('[data-testid="node"][data-type="wait"]').count()).toBe(1);
    expect(await builder.getByTestId('edge').count()).toBe(2);

    const stored = (await server.api<StoredAutomation>('GET', `/api/automations/${automationId}`)).body;
    expect(stored.name).toBe('Remerciement après paiement');
    expect(stored.trigger.type).toBe('order.paid');
    const wait = stored.nodes.find((n) => n.type === 'wait');
    const email = stored.nodes.find((n) => n.type === 'send_email');
    expect(wait?.config).toMatchObject({ duration: 2, unit: 'days' });
    expect(email?.config).toMatchObject({ templateId, to: '{{trigger.customer.email}}' });
    expect(wait?.connections.map((c) => c.targetId)).toEqual([email?.id]);
    const first = stored.trigger.connections?.map((c) => c.targetId) ?? [stored.nodes[0]?.id];
    expect(first).toEqual([wait?.id]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows in the test panel the email sent two simulated days later', async () => {
    const builder = builderOf(page);
    await builder.getByTestId('tab-test').click();
    const tested = page.waitForResponse((r) => r.url().endsWith(`/api/automations/${automationId}/test`));
    await builder.getByTestId('run-test').click();
    const result = (await (await tested).json()) as {
      status: string;
      timeline: Array<{ nodeId: string; nodeType: string; at: string; status: string }>;
    };
    expect(result.status).toBe('completed');
    const start = Date.parse(result.timeline[0]!.at);
    const sent = result.timeline.find((e) => e.nodeType === 'send_email');
    expect(sent?.status).toBe('success');
    expect(Date.parse(sent!.at) - start).toBeGreaterThanOrEqual(2 * DAY);
    expect(Date.parse(sent!.at) - start).toBeLessThan(2 * DAY + 60_000);

    const entry = builder.locator(`[data-testid="timeline-entry"][data-node-id="${sent!.nodeId}"]`);
    await entry.waitFor();
    expect(await entry.getByTestId('timeline-email').textContent()).toContain('Merci');
    await builder.locator(`[data-testid="node"][data-type="send_email"] [data-testid="timeline-badge"]`).waitFor();
    await screenshot(page, 'builder-test-panel');
    expect(errors).toEqual([]);
  });

  it('fires the trigger from the page and follows the run on its run view', async () => {
    const activated = await server.api<StoredAutomation>('PATCH', `/api/automations/${automationId}/toggle`, {
      isActive: true,
    });
    expect(activated.body.isActive).toBe(true);
    const fired = page.waitForResponse((r) => r.url().endsWith(`/api/automations/${automationId}/run`));
    await page.getByRole('button', { name: 'Déclencher maintenant' }).click();
    // The dialog asks for the run's data, prefilled with the trigger's sample; the saved version runs.
    const dialog = page.getByRole('dialog', { name: 'Déclencher « Remerciement après paiement »' });
    await dialog.getByRole('button', { name: /Lancer l’exécution|Déclencher la version enregistrée/ }).click();
    const run = (await (await fired).json()) as { id: string };
    const stream = page.waitForRequest((r) => r.url().includes('/api/events?') && r.url().includes(`runId=${run.id}`));
    await page.getByRole('link', { name: 'Voir l’exécution' }).click();
    await stream;
    await page.locator('main dd code', { hasText: run.id }).waitFor();
    // The run parks on the 2-day wait; the page shows it waiting, with its resume date.
    await expect.poll(() => page.locator('.run-status [data-status]').getAttribute('data-status')).toBe('waiting');
    await page.getByText('Reprise prévue').waitFor();
    const runView = builderOf(page, 'swigs-automation-builder.run-view');
    await runView.locator(`[data-testid="node"][data-id="${waitId}"]`).waitFor();
    await expect
      .poll(() => runView.locator(`[data-testid="node"][data-id="${emailId}"]`).getAttribute('data-status'))
      .not.toBe('success');
    await expect.poll(() => runView.getByTestId('problem-marker').count()).toBe(0);
    // The execution log names the step by its type's French title.
    const waitEntry = page.locator(`.log-entry[data-node-id="${waitId}"]`);
    expect(await waitEntry.locator('[data-status]').getAttribute('data-status')).toBe('success');
    expect(await waitEntry.locator('strong').textContent()).toBe('Attendre');
    await screenshot(page, 'run-view');
    await expectAccessible(page, 'run view', { embedsBuilder: true });

    // A change made elsewhere reaches the open page through the server's run events (the fallback poll is 5 s).
    const cancelled = await server.api<{ status: string }>('POST', `/api/automation-runs/${run.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    await expect
      .poll(() => page.locator('.run-status [data-status]').getAttribute('data-status'), { timeout: 4000 })
      .toBe('cancelled');
    expect(errors).toEqual([]);
  });

  it('flags an unknown template variable while editing, with the server’s full check, before any save', async () => {
    const created = await server.api<{ id: string }>('POST', '/api/automations', {
      name: 'Vérification en direct',
      isActive: false,
      // An order's shape is closed: a typo below `trigger` is a problem (a manual payload would be open).
      trigger: { type: 'order.paid', config: {} },
      nodes: [{ id: 'task', type: 'create_task', config: { title: 'Rappeler {{trigger.orderNumber}}' } }],
    });
    expect(created.status).toBe(201);
    await page.goto(`${server.url}/#/automations/${created.body.id}`);
    const builder = builderOf(page);
    const node = builder.locator('[data-testid="node"][data-id="task"]');
    await node.waitFor();
    await expect.poll(() => builder.getByTestId('problem-count').textContent()).toMatch(/^\s*(0|Aucun)/);

    // The browser alone cannot run the node's template check: the answer of POST /api/automations/validate shows.
    await node.click();
    await builder.locator('input[name="title"], textarea[name="title"]').first().fill('Rappeler {{trigger.nmae}}');
    await expect.poll(() => node.getByTestId('problem-marker').count()).toBe(1);
    expect(await node.getByTestId('problem-marker').getAttribute('title')).toContain('trigger.nmae');
    expect(await builder.getByTestId('problem-count').textContent()).toMatch(/1/);
    expect(errors).toEqual([]);
  });
});
