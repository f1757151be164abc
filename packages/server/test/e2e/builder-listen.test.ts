import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { expectAccessible, screenshot } from './support/browser';
import { builderOf, nodeOfType } from './support/builder';
import type { RunningServer } from './support/server';
import { startUiSession, type UiSession } from './support/ui-session';

const SECRET = `e2e-${Math.random().toString(36).slice(2)}`;

/** The element's current automation (what it would save). */
function sampleDataOf(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      (document.querySelector('swigs-automation-builder') as unknown as { automation: { sampleData?: unknown } })
        .automation.sampleData,
  );
}

describe.skipIf(!chromiumPath)('« Écouter le prochain événement » in the builder, against swigs-workflow start', () => {
  let ui: UiSession;
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let automationId: string;

  /** Calls the automation's webhook URL on 127.0.0.1 as an outside service would. */
  const callWebhook = (body: unknown) =>
    fetch(`${server.url}/api/hooks/webhook/${automationId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-secret': SECRET },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    ui = await startUiSession({ viewport: { width: 1440, height: 900 }, env: { WEBHOOK_SECRET_E2E: SECRET } });
    ({ server, page, errors } = ui);
    // A draft (inactive): the webhook URL answers it only while it listens.
    const created = await server.api<{ id: string }>('POST', '/api/automations', {
      name: 'Commande du site',
      isActive: false,
      trigger: {
        type: 'webhook.received',
        config: { secretRef: 'WEBHOOK_SECRET_E2E' },
        position: { x: 0, y: 0 },
        connections: [{ targetId: 'task-1', condition: 'default' }],
      },
      nodes: [
        {
          id: 'task-1',
          type: 'create_task',
          position: { x: 320, y: 0 },
          config: { title: 'Préparer la commande {{trigger.body.orderNumber}}' },
          connections: [],
        },
      ],
    });
    expect(created.status).toBe(201);
    automationId = created.body.id;
    await ui.login();
  }, 60_000);

  afterAll(async () => {
    await ui?.close();
  });

  it('keeps the next webhook call as the sample data, shown as the step’s input at once', async () => {
    await page.goto(`${server.url}/#/automations/${automationId}`);
    const builder = builderOf(page);
    await nodeOfType(builder, 'create_task').click();
    const listen = builder.getByTestId('listen');
    await listen.getByRole('button', { name: 'Écouter le prochain événement' }).click();
    await expect
      .poll(() => builder.getByTestId('listen-status').textContent(), { timeout: 15_000 })
      .toMatch(/En écoute jusqu’à \d\d:\d\d : déclenchez l’événement/);
    await screenshot(page, 'builder-listen-waiting');

    const answer = await callWebhook({ orderNumber: 'W-7781', customer: { email: 'zoe@example.ch' } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ kept: true });

    // The element notices (it asks the server every second), and the payload is the step's input.
    await expect
      .poll(() => builder.getByTestId('listen-result').textContent(), { timeout: 20_000 })
      .toContain('Événement reçu');
    const input = builder.getByTestId('step-input');
    await input.locator('summary', { hasText: 'body' }).first().waitFor();
    expect(await input.textContent()).toContain('"W-7781"');
    expect(await sampleDataOf(page)).toMatchObject({ method: 'POST', body: { orderNumber: 'W-7781' } });
    const stored = await server.api<{ sampleData?: { body?: unknown } }>('GET', `/api/automations/${automationId}`);
    expect(stored.body.sampleData?.body).toEqual({ orderNumber: 'W-7781', customer: { email: 'zoe@example.ch' } });
    // The draft did not run: listening keeps the event instead.
    const runs = await server.api<{ items: unknown[] }>('GET', `/api/automations/${automationId}/runs`);
    expect(runs.body.items).toHaveLength(0);
    await screenshot(page, 'builder-listen-captured');
    await expectAccessible(page, 'builder listening', { embedsBuilder: true });
    expect(errors).toEqual([]);
  }, 90_000);

  it('stops listening on « Arrêter l’écoute »: the next call is refused and the sample stays', async () => {
    const builder = builderOf(page);
    await builder.getByTestId('listen-start').click();
    await builder.getByTestId('listen-status').waitFor();
    await expect
      .poll(
        async () => (await server.api<{ listening: boolean }>('GET', `/api/automations/${automationId}/listen`)).body,
      )
      .toMatchObject({ listening: true });
    await builder.getByRole('button', { name: 'Arrêter l’écoute' }).click();
    await builder.getByTestId('listen-start').waitFor();
    await expect
      .poll(
        async () => (await server.api<{ listening: boolean }>('GET', `/api/automations/${automationId}/listen`)).body,
      )
      .toEqual({ listening: false });
    // A draft that no longer listens does not answer its webhook.
    expect((await callWebhook({ orderNumber: 'W-9999' })).status).toBe(401);
    expect(await sampleDataOf(page)).toMatchObject({ body: { orderNumber: 'W-7781' } });
    expect(await builder.getByTestId('step-input').textContent()).not.toContain('W-9999');
    expect(errors).toEqual([]);
  }, 60_000);

  it('listens from the trigger’s own panel too, in English', async () => {
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    const builder = builderOf(page);
    await builder.locator('[data-testid="node"][data-id="trigger"]').click();
    await builder.getByRole('button', { name: 'Listen for the next event' }).click();
    await expect
      .poll(() => builder.getByTestId('listen-status').textContent(), { timeout: 15_000 })
      .toMatch(/Listening until \d\d:\d\d: trigger the event/);
    expect((await callWebhook({ orderNumber: 'W-8000' })).status).toBe(200);
    await expect
      .poll(() => builder.getByTestId('trigger-sample').textContent(), { timeout: 20_000 })
      .toContain('"W-8000"');
    expect(await builder.getByTestId('listen-result').textContent()).toContain('Event received');
    await screenshot(page, 'builder-listen-trigger-en');
    expect(errors).toEqual([]);
  }, 60_000);
});
