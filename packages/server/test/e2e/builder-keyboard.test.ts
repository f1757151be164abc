import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { expectAccessible, screenshot } from './support/browser';
import type { RunningServer } from './support/server';
import { startUiSession, type UiSession } from './support/ui-session';

interface Focused {
  id: string;
  name: string;
  testid: string;
  dataId: string;
  text: string;
  inBuilder: boolean;
}

/** What has focus, looking into the builder's shadow root. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    let inBuilder = false;
    while (el?.shadowRoot?.activeElement) {
      inBuilder ||= el.tagName === 'SWIGS-AUTOMATION-BUILDER';
      el = el.shadowRoot.activeElement as HTMLElement;
    }
    return {
      id: el?.id ?? '',
      name: el?.getAttribute('name') ?? '',
      testid: el?.dataset.testid ?? '',
      dataId: el?.dataset.id ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 80),
      inBuilder,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches, at most 80 times. */
async function tabTo(page: Page, matches: (f: Focused) => boolean, key = 'Tab'): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    if (matches(await focused(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached the target; last: ${JSON.stringify(await focused(page))}`);
}

interface StoredAutomation {
  id: string;
  name: string;
  trigger: { type: string; connections?: Array<{ targetId: string; condition: string }> };
  nodes: Array<{ id: string; type: string; config: Record<string, unknown> }>;
}

describe.skipIf(!chromiumPath)('keyboard-only use of the web UI in Chromium against swigs-workflow start', () => {
  let ui: UiSession;
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let templateId: string;

  beforeAll(async () => {
    ui = await startUiSession({ viewport: { width: 1600, height: 1000 } });
    ({ server, page, errors } = ui);
    const template = await server.api<{ id: string }>('POST', '/api/email-templates', {
      name: 'Merci',
      subject: 'Merci {{trigger.customer.firstName}}',
      body: '<p>Merci !</p>',
    });
    templateId = template.body.id;
  }, 60_000);

  afterAll(async () => {
    await ui?.close();
  });

  it('signs in, creates a two-node automation in the builder and saves it, with the keyboard only', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
    await tabTo(page, (f) => f.name === 'password');
    await page.keyboard.type(server.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Automatisations', level: 1 }).waitFor();

    // The skip link comes first, then the navigation; "Nouvelle automatisation" is reached by Tab.
    await tabTo(page, (f) => f.text === 'Nouvelle automatisation');
    await page.keyboard.press('Enter');
    await page.locator('swigs-automation-builder').getByTestId('palette-item').first().waitFor();

    await tabTo(page, (f) => f.id === 'automation-name');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Merci au clavier');

    await tabTo(page, (f) => f.inBuilder && f.id === 'palette-search');
    await page.keyboard.type('commande payée');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('envoyer e-mail');
    await page.keyboard.press('Enter');
    const emailNode = page.locator('swigs-automation-builder [data-testid="node"][data-type="send_email"]');
    await emailNode.waitFor();
    const emailId = (await emailNode.getAttribute('data-id')) ?? '';
    await expect.poll(() => page.locator('swigs-automation-builder [data-testid="edge"]').count()).toBe(1);

    // Enter on a focused step moves focus into its form.
    await tabTo(page, (f) => f.inBuilder && f.dataId === emailId);
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.name === 'templateId');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, (f) => f.name === 'to');
    await page.keyboard.type('{{trigger.customer.email}}');
    await page.keyboard.press('Tab');

    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/automations') && r.request().method() === 'POST',
    );
    await page.keyboard.press('Control+s');
    const response = await created;
    expect(response.status()).toBe(201);
    const { id } = (await response.json()) as StoredAutomation;
    await page.getByRole('heading', { name: 'Éditeur : Merci au clavier', level: 1 }).waitFor();

    const stored = (await server.api<StoredAutomation>('GET', `/api/automations/${id}`)).body;
    expect(stored.name).toBe('Merci au clavier');
    expect(stored.trigger.type).toBe('order.paid');
    expect(stored.nodes).toHaveLength(1);
    expect(stored.nodes[0]).toMatchObject({
      id: emailId,
      type: 'send_email',
      config: { templateId, to: '{{trigger.customer.email}}' },
    });
    expect(stored.trigger.connections ?? [{ targetId: stored.nodes[0]!.id, condition: 'default' }]).toEqual([
      { targetId: emailId, condition: 'default' },
    ]);

    await screenshot(page, 'builder-keyboard');
    await expectAccessible(page, 'builder page after keyboard creation', { embedsBuilder: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
