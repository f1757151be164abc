import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { expectAccessible, screenshot } from './support/browser';
import type { RunningServer } from './support/server';
import { startUiSession, type UiSession } from './support/ui-session';

describe.skipIf(!chromiumPath)('the invoicing pages in Chromium against swigs-workflow start', () => {
  let server: RunningServer;
  let ui: UiSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ui = await startUiSession();
    ({ server, page, errors } = ui);
    // The QR-bill needs the creditor's IBAN and address; an agency sets them once on the settings page.
    const saved = await server.api('PUT', '/api/settings/invoicing', {
      companyName: 'SWIGS Sàrl',
      address: { street: 'Rue du Marché', buildingNumber: '12', postalCode: '1204', town: 'Genève', country: 'CH' },
      vatNumber: 'CHE-123.456.788 TVA',
      iban: 'CH44 3199 9123 0008 8901 2',
      paymentTermsDays: 30,
    });
    expect(saved.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await ui?.close();
  });

  it('creates a project, then a custom invoice through "Facture libre" with live totals that match the saved ones', async () => {
    await ui.login();
    await page.getByRole('link', { name: 'Facturation' }).click();
    await page.getByRole('heading', { name: 'Projets', level: 1 }).waitFor();
    await expectAccessible(page, 'projects page');

    const newProject = page.locator('details', { hasText: 'Nouveau projet' });
    if ((await newProject.getAttribute('open')) === null) await newProject.locator('summary').click();
    await page.getByLabel('Nom', { exact: true }).first().fill('Site vitrine Boulangerie Favre');
    await page.getByRole('group', { name: 'Client' }).getByLabel('Nom').fill('Boulangerie Favre SA');
    await page.getByLabel('Rue').fill('Route de Lausanne');
    await page.getByLabel('Numéro').fill('4');
    await page.getByLabel('NPA').fill('1110');
    await page.getByLabel('Localité').fill('Morges');
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('heading', { name: 'Site vitrine Boulangerie Favre', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Facture libre' }).click();
    const dialog = page.getByRole('dialog', { name: 'Facture libre' });
    await dialog.waitFor();
    await dialog.getByRole('group', { name: 'Ligne 1' }).getByLabel('Description').fill('Conception graphique');
    await dialog.getByRole('group', { name: 'Ligne 1' }).getByLabel('Quantité').fill('1');
    await dialog.getByRole('group', { name: 'Ligne 1' }).getByLabel('Prix unitaire (CHF)').fill('500');
    await dialog.getByRole('button', { name: 'Ajouter une ligne' }).click();
    const line2 = dialog.getByRole('group', { name: 'Ligne 2' });
    // The add-line button moves focus to the new line's description.
    await expect.poll(() => line2.getByLabel('Description').evaluate((el) => el === document.activeElement)).toBe(true);
    await line2.getByLabel('Description').fill('Intégration de pages');
    await line2.getByLabel('Quantité').fill('3');
    await line2.getByLabel('Prix unitaire (CHF)').fill('150');

    const total = (name: string) => dialog.locator(`[data-total="${name}"]`).textContent();
    expect(await total('subtotal')).toBe('CHF 950.00');
    expect(await total('vat')).toBe('CHF 76.95');
    expect(await total('payable')).toBe("CHF 1'026.95");
    expect(await dialog.locator('[data-total="rounding"]').count()).toBe(0);

    // Live recomputation on the VAT rate choice: 950 at 2.6 % = 24.70, total 974.70.
    await dialog.getByLabel('Taux de TVA').selectOption('2.6');
    expect(await total('vat')).toBe('CHF 24.70');
    expect(await total('payable')).toBe('CHF 974.70');
    await dialog.getByLabel('Taux de TVA').selectOption('8.1');
    expect(await total('payable')).toBe("CHF 1'026.95");

    await expectAccessible(page, 'Facture libre modal');
    await screenshot(page, 'invoice-free-modal', { locator: dialog });

    const created = page.waitForResponse(
      (r) => /\/api\/projects\/[^/]+\/invoices$/.test(r.url()) && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Créer la facture' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const invoice = (await response.json()) as {
      id: string;
      subtotal: number;
      vatAmount: number;
      total: number;
      payableTotal: number;
      vatCategory: string;
      invoiceType: string;
      customLines: Array<{ total: number }>;
    };
    expect(invoice).toMatchObject({
      invoiceType: 'custom',
      subtotal: 950,
      vatCategory: 'standard',
      vatBreakdown: [{ rate: 8.1, base: 950, vat: 76.95 }],
      vatAmount: 76.95,
      total: 1026.95,
      payableTotal: 1026.95,
    });
    expect(invoice.customLines.map((l) => l.total)).toEqual([500, 450]);
    // After saving, the dialog shows the server's payable total.
    await expect.poll(() => dialog.locator('[data-saved-total]').getAttribute('data-saved-total')).toBe('1026.95');
    await dialog.getByRole('button', { name: 'Fermer' }).first().click();

    const row = page.locator(`tr[data-invoice-id="${invoice.id}"]`);
    await row.waitFor();
    expect(await row.locator('[data-field="payable"]').textContent()).toBe("CHF 1'026.95");

    // The PDF opens in a new tab, fetched with the bearer token.
    const pdfResponse = page.waitForResponse((r) => r.url().endsWith(`/api/invoices/${invoice.id}/pdf`));
    const popup = page.context().waitForEvent('page');
    await row.getByRole('button', { name: /Ouvrir le PDF/ }).click();
    const pdf = await pdfResponse;
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const tab = await popup;
    await expect.poll(() => tab.url()).toMatch(/^blob:/);
    // The tab shows the very bytes the server sent: a PDF.
    const head = await page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      return { magic: new TextDecoder().decode(bytes.slice(0, 5)), size: bytes.length };
    }, tab.url());
    expect(head.magic).toBe('%PDF-');
    expect(head.size).toBeGreaterThan(1000);
    await tab.close();

    // The invoice page shows the server's figures.
    await row.getByRole('link').first().click();
    await page.locator('[data-total="payable"]').waitFor();
    expect(await page.locator('[data-total="subtotal"]').textContent()).toBe('CHF 950.00');
    expect(await page.locator('[data-total="vat"]').textContent()).toBe('CHF 76.95');
    expect(await page.locator('[data-total="payable"]').textContent()).toBe("CHF 1'026.95");
    await expectAccessible(page, 'invoice page');

    // Send, then mark paid: the status follows, and a sent invoice offers no more "send".
    await page.getByRole('button', { name: 'Marquer comme envoyée' }).click();
    await page.getByRole('button', { name: 'Marquer comme payée' }).waitFor();
    expect(await page.locator('.facts').textContent()).toContain('Envoyée');
    await page.getByRole('button', { name: 'Marquer comme payée' }).click();
    await expect.poll(() => page.locator('.facts').textContent()).toContain('Payée');
    const paid = await server.api<{ status: string }>('GET', `/api/invoices/${invoice.id}`);
    expect(paid.body.status).toBe('paid');
    expect(errors).toEqual([]);
  }, 60_000);

  it('invoices logged hours from the project page (standard invoice)', async () => {
    await page.goto(`${server.url}/#/invoicing`);
    await page.getByRole('link', { name: 'Site vitrine Boulangerie Favre' }).first().click();
    const form = page.getByRole('form', { name: 'Ajouter' });
    await form.getByLabel('Description').fill('Maquettes');
    await form.getByLabel('Heures', { exact: true }).fill('2');
    await form.getByLabel('Tarif horaire (CHF)').fill('120');
    const added = page.waitForResponse((r) => /\/events$/.test(r.url()) && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Ajouter' }).click();
    expect((await added).status()).toBe(201);
    // Unbilled hours can be corrected: 2 h become 2.5 h.
    await page.getByRole('button', { name: 'Modifier « Maquettes »' }).click();
    const edit = page.getByRole('dialog', { name: 'Modifier « Maquettes »' });
    expect(await edit.getByLabel('Tarif horaire (CHF)').inputValue()).toBe('120');
    await edit.getByLabel('Heures').fill('2,5');
    await screenshot(page, 'project-event-edit');
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await edit.waitFor({ state: 'detached' });
    const row = page.locator('[data-testid="events"] tr', { hasText: 'Maquettes' });
    await expect.poll(() => row.textContent()).toContain('2,5 h à CHF 120.00');
    expect(await row.textContent()).toContain('CHF 300.00');
    // An expense entered by mistake is deleted, after a confirmation.
    await form.getByLabel('Type').selectOption('expense');
    await form.getByLabel('Description').fill('Taxi');
    await form.getByLabel('Montant (CHF)').fill('38.50');
    await form.getByRole('button', { name: 'Ajouter' }).click();
    await page.getByRole('button', { name: 'Supprimer : Taxi' }).click();
    await page.getByRole('dialog', { name: 'Confirmer' }).getByRole('button', { name: 'Supprimer' }).click();
    await page.locator('[data-testid="events"] tr', { hasText: 'Taxi' }).waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Sélectionner : Maquettes' }).check();
    await screenshot(page, 'project-page');
    const created = page.waitForResponse((r) => /\/invoices$/.test(r.url()) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Facturer la sélection' }).click();
    const invoice = (await (await created).json()) as { subtotal: number; vatAmount: number; payableTotal: number };
    // 2.5 h x 120 = 300.00, VAT 8.1 % = 24.30, payable 324.30.
    expect(invoice).toMatchObject({ subtotal: 300, vatAmount: 24.3, payableTotal: 324.3 });
    await page.locator('[data-total="payable"]').waitFor();
    expect(await page.locator('[data-total="payable"]').textContent()).toBe('CHF 324.30');
    const events = await server.api<{ items: Array<{ billed: boolean }> }>(
      'GET',
      `/api/projects/${(await page.getByRole('link', { name: 'Retour' }).getAttribute('href'))?.split('/').pop()}/events`,
    );
    expect(events.body.items.map((e) => e.billed)).toEqual([true]);
    expect(errors).toEqual([]);
  }, 30_000);

  it('refuses to change hours once invoiced, saying so in French where the edit was made', async () => {
    await page.goto(`${server.url}/#/invoicing`);
    await page.getByRole('link', { name: 'Site vitrine Boulangerie Favre' }).first().click();
    const projectId = /#\/projects\/([^/?]+)/.exec(await page.evaluate(() => location.hash))?.[1] ?? '';
    const form = page.getByRole('form', { name: 'Ajouter' });
    await form.getByLabel('Description').fill('Relecture');
    await form.getByLabel('Heures', { exact: true }).fill('1');
    await form.getByLabel('Tarif horaire (CHF)').fill('100');
    const added = page.waitForResponse((r) => /\/events$/.test(r.url()) && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Ajouter' }).click();
    expect((await added).status()).toBe(201);
    // The invoiced row is locked on the page: no edit, no delete, a link to its invoice.
    const billed = page.locator('[data-testid="events"] tr', { hasText: 'Maquettes' });
    expect(await billed.textContent()).toContain('Facturé, non modifiable');
    expect(await billed.getByRole('button').count()).toBe(0);

    await page.getByRole('button', { name: 'Modifier « Relecture »' }).click();
    const edit = page.getByRole('dialog', { name: 'Modifier « Relecture »' });
    // Invoiced meanwhile (another tab, a colleague): the save is refused with the server's French message.
    const events = await server.api<{ items: Array<{ id: string; description: string }> }>(
      'GET',
      `/api/projects/${projectId}/events`,
    );
    const relecture = events.body.items.find((e) => e.description === 'Relecture');
    const invoiced = await server.api('POST', `/api/projects/${projectId}/invoices`, { eventIds: [relecture?.id] });
    expect(invoiced.status).toBe(201);
    await edit.getByLabel('Heures').fill('3');
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => edit.getByRole('alert').textContent())
      .toContain('Cet événement est déjà facturé et ne peut plus être modifié');
    await screenshot(page, 'project-event-refused');
    await edit.getByRole('button', { name: 'Annuler' }).click();
    const stored = await server.api<{ hours: number }>('GET', `/api/events/${relecture?.id}`);
    expect(stored.body.hours).toBe(1);
    expect(errors).toEqual([]);
  }, 30_000);

  it('refuses an empty custom invoice with the server message and shows 0.05 rounding live', async () => {
    await page.goto(`${server.url}/#/invoicing`);
    await page.getByRole('link', { name: 'Site vitrine Boulangerie Favre' }).first().click();
    await page.getByRole('button', { name: 'Facture libre' }).click();
    const dialog = page.getByRole('dialog', { name: 'Facture libre' });
    await dialog.getByRole('button', { name: 'Créer la facture' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('Ajoutez au moins une ligne à la facture');

    const line = dialog.getByRole('group', { name: 'Ligne 1' });
    await line.getByLabel('Description').fill('Hébergement');
    await line.getByLabel('Quantité').fill('1');
    await line.getByLabel('Prix unitaire (CHF)').fill('1.78');
    await dialog.getByRole('button', { name: 'Ajouter une ligne' }).click();
    const line2 = dialog.getByRole('group', { name: 'Ligne 2' });
    await line2.getByLabel('Description').fill('Nom de domaine');
    await line2.getByLabel('Prix unitaire (CHF)').fill('1.00');
    // 2.78 + VAT 0.23 = 3.01, payable 3.00 with -0.01 rounding.
    expect(await dialog.locator('[data-total="total"]').textContent()).toBe('CHF 3.01');
    expect(await dialog.locator('[data-total="rounding"]').textContent()).toBe('CHF -0.01');
    expect(await dialog.locator('[data-total="payable"]').textContent()).toBe('CHF 3.00');
    const created = page.waitForResponse((r) => /\/invoices$/.test(r.url()) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Créer la facture' }).click();
    const invoice = (await (await created).json()) as { total: number; roundingAmount: number; payableTotal: number };
    expect(invoice).toMatchObject({ total: 3.01, roundingAmount: -0.01, payableTotal: 3 });
    expect(errors).toEqual([]);
  }, 30_000);
});
