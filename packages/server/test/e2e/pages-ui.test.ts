import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { expectAccessible, screenshot } from './support/browser';
import type { RunningServer } from './support/server';
import { startUiSession, type UiSession } from './support/ui-session';

interface Created {
  id: string;
}

describe.skipIf(!chromiumPath)('the main pages of the web UI in Chromium against swigs-workflow start', () => {
  let server: RunningServer;
  let ui: UiSession;
  let page: Page;
  let errors: string[];
  let templateId: string;
  let automationId: string;
  let brokenId: string;

  beforeAll(async () => {
    ui = await startUiSession();
    ({ server, page, errors } = ui);
    const template = await server.api<Created>('POST', '/api/email-templates', {
      name: 'Merci pour votre commande',
      subject: 'Merci {{trigger.customer.firstName}} !',
      body: '<p>Bonjour {{trigger.customer.firstName}}, merci pour la commande {{trigger.orderNumber}}.</p>',
      availableVariables: ['trigger.customer.firstName', 'trigger.orderNumber'],
    });
    expect(template.status).toBe(201);
    templateId = template.body.id;
    const automation = await server.api<Created>('POST', '/api/automations', {
      name: 'Remerciement après paiement',
      isActive: true,
      trigger: { type: 'order.paid', config: {} },
      nodes: [
        {
          id: 'thanks',
          type: 'send_email',
          position: { x: 0, y: 150 },
          config: { templateId, to: '{{trigger.customer.email}}' },
          connections: [],
        },
      ],
    });
    expect(automation.status).toBe(201);
    automationId = automation.body.id;
    // A step that cannot succeed (its template does not exist): its run fails, so the retry button shows.
    const broken = await server.api<Created>('POST', '/api/automations', {
      name: 'Modèle manquant',
      isActive: false,
      trigger: { type: 'manual', config: {} },
      nodes: [
        {
          id: 'mail',
          type: 'send_email',
          position: { x: 0, y: 150 },
          config: { templateId: 'absent', to: 'a@example.ch' },
          connections: [],
        },
      ],
    });
    expect(broken.status).toBe(201);
    brokenId = broken.body.id;
  }, 60_000);

  afterAll(async () => {
    await ui?.close();
  });

  it('signs in with the local password, in French, with an accessible login page', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr-CH');
    await expectAccessible(page, 'login page');
    await page.getByLabel('Mot de passe local').fill('mauvais-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).first().click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Connexion refusée');
    await ui.login();
    expect(errors).toEqual([]);
  });

  it('lists automations with stats and an active switch that persists', async () => {
    const row = page.locator(`tr[data-automation-id="${brokenId}"]`);
    await row.waitFor();
    await expectAccessible(page, 'automations page');
    const toggle = row.getByRole('switch', { name: 'Activer « Modèle manquant »' });
    expect(await toggle.isChecked()).toBe(false);
    const patched = page.waitForResponse((r) => r.url().endsWith(`/api/automations/${brokenId}/toggle`));
    // Its e-mail step names a template that does not exist: switching it on is refused (400) and nothing changes.
    await toggle.click();
    expect((await patched).status()).toBe(400);
    const stored = await server.api<{ isActive: boolean }>('GET', `/api/automations/${brokenId}`);
    expect(stored.body.isActive).toBe(false);
    await expect.poll(() => toggle.isChecked()).toBe(false);
    expect(await page.locator(`tr[data-automation-id="${automationId}"] .stats`).textContent()).toContain('0 au total');
  });

  it('shows a run with its execution log, and retries a failed run from its page', async () => {
    const ok = await server.api<{ id: string }>('POST', `/api/automations/${automationId}/run`, {
      payload: {
        orderId: 'ord_7',
        orderNumber: '7',
        status: 'paid',
        customer: { email: 'lea@example.ch', firstName: 'Léa' },
        total: 50,
        currency: 'CHF',
        items: [],
      },
    });
    expect(ok.status).toBe(201);
    await page.goto(`${server.url}/#/runs/${ok.body.id}`);
    await page.getByRole('heading', { name: 'Commande 7 · Léa', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.run-status [data-status]').getAttribute('data-status')).toBe('completed');
    const entry = page.locator('.log-entry[data-node-id="thanks"]');
    await entry.waitFor();
    expect(await entry.locator('[data-status]').getAttribute('data-status')).toBe('success');
    await expectAccessible(page, 'run page', { embedsBuilder: true });

    await page.goto(`${server.url}/#/automations/${automationId}/runs`);
    await page.locator(`tr[data-run-id="${ok.body.id}"]`).waitFor();
    await expectAccessible(page, 'runs page');

    const failed = await server.api<{ id: string }>('POST', `/api/automations/${brokenId}/run`, { payload: {} });
    await page.goto(`${server.url}/#/runs/${failed.body.id}`);
    await expect.poll(() => page.locator('.run-status [data-status]').getAttribute('data-status')).toBe('failed');
    expect(await page.locator('.log-entry[data-node-id="mail"] .error-text').textContent()).toBeTruthy();
    const retried = page.waitForResponse((r) => r.url().endsWith(`/api/automation-runs/${failed.body.id}/retry`));
    await page.getByRole('button', { name: 'Relancer' }).click();
    expect((await retried).status()).toBe(200);
    const after = await server.api<{ attempt: number; status: string }>(
      'GET',
      `/api/automation-runs/${failed.body.id}`,
    );
    expect(after.body.attempt).toBeGreaterThanOrEqual(1);

    // The history filters by status on the server.
    await page.goto(`${server.url}/#/automations/${brokenId}/runs`);
    await page.locator(`tr[data-run-id="${failed.body.id}"]`).waitFor();
    const filtered = page.waitForResponse(
      (r) => r.url().includes(`/api/automations/${brokenId}/runs?`) && r.url().includes('status=completed'),
    );
    await page.getByLabel('Filtrer par statut').selectOption('completed');
    await filtered;
    await page.getByText('Aucune exécution pour l’instant.').waitFor();
    await page.getByLabel('Filtrer par statut').selectOption(after.body.status);
    await page.locator(`tr[data-run-id="${failed.body.id}"]`).waitFor();
    expect(errors).toEqual([]);
  });

  it('edits a template with a server-rendered preview, sends a test and finds it in the outbox', async () => {
    await page.getByRole('link', { name: 'Modèles d’e-mail' }).click();
    await page.locator(`tr[data-template-id="${templateId}"]`).waitFor();
    await expectAccessible(page, 'templates page');
    await page.locator(`tr[data-template-id="${templateId}"]`).getByRole('link', { name: 'Modifier' }).click();
    await page.getByRole('heading', { name: 'Modèle : Merci pour votre commande' }).waitFor();

    const preview = page.frameLocator('iframe[title="Aperçu de l’e-mail"]');
    await expect.poll(() => preview.locator('body').textContent()).toContain('Bonjour Léa');
    expect(await page.locator('.preview-subject').textContent()).toContain('Merci Léa !');

    // The preview follows the edits before they are saved.
    await page.getByLabel('Objet', { exact: true }).fill('Un grand merci {{trigger.customer.firstName}}');
    await expect.poll(() => page.locator('.preview-subject').textContent()).toContain('Un grand merci Léa');
    const before = await server.api<{ subject: string }>('GET', `/api/email-templates/${templateId}`);
    expect(before.body.subject).toBe('Merci {{trigger.customer.firstName}} !');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/email-templates/${templateId}`) && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect((await saved).status()).toBe(200);
    await expectAccessible(page, 'template editor');

    await page.getByLabel('Adresse de test').fill('test@swigs.ch');
    const sent = page.waitForResponse((r) => r.url().endsWith('/send-test'));
    await page.getByRole('button', { name: 'Envoyer un test' }).click();
    expect((await sent).ok()).toBe(true);

    await page.getByRole('link', { name: 'Boîte d’envoi' }).click();
    const row = page.locator('tr', { hasText: 'test@swigs.ch' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Un grand merci Léa');
    await row.getByRole('button', { name: 'Afficher' }).click();
    await expect
      .poll(() => page.frameLocator('iframe[title="Contenu de l’e-mail"]').locator('body').textContent())
      .toContain('Bonjour Léa');
    await expectAccessible(page, 'outbox page');
    expect(errors).toEqual([]);
  });

  it('edits the invoicing settings on an accessible form', async () => {
    await page.getByRole('link', { name: 'Réglages' }).click();
    await page.getByRole('heading', { name: 'Réglages de facturation' }).waitFor();
    expect(await page.title()).toBe('Réglages · SWIGS Automation');
    await page.getByLabel('Raison sociale').fill('SWIGS Sàrl');
    await page.getByLabel('Rue').fill('Rue du Marché');
    await page.getByLabel('NPA').fill('1204');
    await page.getByLabel('Localité').fill('Genève');
    await page.getByLabel('IBAN ou QR-IBAN').fill('CH44 3199 9123 0008 8901 2');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/settings/invoicing') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect((await saved).status()).toBe(200);
    const stored = await server.api<{ companyName: string; iban: string }>('GET', '/api/settings/invoicing');
    expect(stored.body).toMatchObject({ companyName: 'SWIGS Sàrl', iban: 'CH4431999123000889012' });
    await expectAccessible(page, 'settings page');
    await page.getByRole('heading', { name: 'Relances des factures impayées' }).waitFor();
    await screenshot(page, 'settings-page');
  });

  it('switches to English and back, and remembers the choice', async () => {
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('link', { name: 'Invoicing' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe('Settings · SWIGS Automation');
    await page.reload();
    await page.getByRole('heading', { name: 'Invoicing settings' }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('link', { name: 'Facturation' }).waitFor();
    expect(errors).toEqual([]);
  });
});
