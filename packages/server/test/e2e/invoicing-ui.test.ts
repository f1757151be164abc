import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, loginThroughUi, openPage, screenshot } from './support/browser';
import { startServer, type RunningServer } from './support/server';

describe('the invoicing pages in Chromium against swigs-workflow start', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ page, errors } = await openPage(browser));
    // The QR-bill needs the creditor's IBAN and address; an agency sets them once on the settings page.
    const saved = await server.api('PUT', '/api/settings/invoicing', {
      companyName: 'SWIGS Sàrl',
      address: { street: 'Rue du Marché', buildingNumber: '12', postalCode: '1204', town: 'Genève', country: 'CH' },
      vatNumber: 'CHE-123.456.789 TVA',
      iban: 'CH44 3199 9123 0008 8901 2',
      defaultVatRate: 8.1,
      paymentTermsDays: 30,
    });
    expect(saved.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a project, then a custom invoice through "Facture libre" with live totals that match the saved ones', async () => {
    await loginThroughUi(page, server.url, server.password);
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
    expect(await total('subtotal')).toBe("CHF 950.00");
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

    const created = page.waitForResponse((r) => /\/api\/projects\/[^/]+\/invoices$/.test(r.url()) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Créer la facture' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const invoice = (await response.json()) as { id: string; subtotal: number; vatAmount: number; total: number; payableTotal: number; vatRate: number; invoiceType: string; customLines: Array<{ total: number }> };
    expect(invoice).toMatchObject({ invoiceType: 'custom', subtotal: 950, vatRate: 8.1, vatAmount: 76.95, total: 1026.95, payableTotal: 1026.95 });
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
    await form.getByLabel('Quantité').fill('2.5');
    await form.getByLabel('Prix unitaire (CHF)').fill('120');
    const added = page.waitForResponse((r) => /\/events$/.test(r.url()) && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Ajouter' }).click();
    expect((await added).status()).toBe(201);
    await page.getByRole('checkbox', { name: 'Sélectionner : Maquettes' }).check();
    await screenshot(page, 'project-page');
    const created = page.waitForResponse((r) => /\/invoices$/.test(r.url()) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Facturer la sélection' }).click();
    const invoice = (await (await created).json()) as { subtotal: number; vatAmount: number; payableTotal: number };
    // 2.5 h x 120 = 300.00, VAT 8.1 % = 24.30, payable 324.30.
    expect(invoice).toMatchObject({ subtotal: 300, vatAmount: 24.3, payableTotal: 324.3 });
    await page.locator('[data-total="payable"]').waitFor();
    expect(await page.locator('[data-total="payable"]').textContent()).toBe('CHF 324.30');
    const events = await server.api<{ items: Array<{ billed: boolean }> }>('GET', `/api/projects/${(await page.getByRole('link', { name: 'Retour' }).getAttribute('href'))?.split('/').pop()}/events`);
    expect(events.body.items.map((e) => e.billed)).toEqual([true]);
    expect(errors).toEqual([]);
  }, 30_000);

  it('refuses an empty custom invoice with the server message and shows 0.05 rounding live', async () => {
    await page.goto(`${server.url}/#/invoicing`);
    await page.getByRole('link', { name: 'Site vitrine Boulangerie Favre' }).first().click();
    await page.getByRole('button', { name: 'Facture libre' }).click();
    const dialog = page.getByRole('dialog', { name: 'Facture libre' });
    await dialog.getByRole('button', { name: 'Créer la facture' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Ajoutez au moins une ligne à la facture');

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
