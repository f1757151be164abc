import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { expectAccessible, screenshot } from './support/browser';
import type { RunningServer } from './support/server';
import { startUiSession, type UiSession } from './support/ui-session';

describe.skipIf(!chromiumPath)('the invoice page after sending: overdue badge, payments, credit notes', () => {
  let server: RunningServer;
  let ui: UiSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ui = await startUiSession();
    ({ server, page, errors } = ui);
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

  it('shows an overdue invoice in red, takes a partial then a final payment, and cancels another by a credit note', async () => {
    const project = await server.api<{ id: string }>('POST', '/api/projects', {
      name: 'Boutique en ligne',
      client: {
        name: 'Miloš Đukić',
        street: 'Rue de l’Industrie',
        buildingNumber: '3',
        postalCode: '1950',
        town: 'Sion',
        country: 'CH',
      },
    });
    // Due a month before today: overdue as soon as it is sent.
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const created = await server.api<{ id: string }>('POST', `/api/projects/${project.body.id}/invoices`, {
      invoiceType: 'custom',
      issueDate: day(-60),
      dueDate: day(-30),
      customLines: [{ description: 'Boutique, forfait', quantity: 1, unit: 'forfait', unitPrice: 1000 }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await server.api('POST', `/api/invoices/${id}/send`)).status).toBe(200);

    await ui.login();
    await page.goto(`${server.url}/#/invoices/${id}`);
    const badge = page.locator('[data-state="overdue"]');
    await badge.waitFor();
    expect(await badge.textContent()).toMatch(/^En retard de 3\d j$/);
    expect(await page.locator('[data-total="balance"]').textContent()).toBe("CHF 1'081.00");

    // A partial payment: the balance follows, the badge stays.
    const payments = page.getByRole('form', { name: 'Enregistrer le paiement' });
    await payments.getByLabel('Montant CHF').fill('400');
    await payments.getByLabel('Remarque').fill('Acompte');
    await payments.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect.poll(() => page.locator('[data-total="balance"]').textContent()).toBe('CHF 681.00');
    expect(await page.locator('[data-total="paid"]').textContent()).toBe('CHF 400.00');
    expect(await page.getByRole('cell', { name: 'Acompte' }).count()).toBe(1);
    await expectAccessible(page, 'invoice page with a payment');
    await screenshot(page, 'invoice-page-overdue-partly-paid');

    // The rest paid: the invoice is paid and the badge goes.
    await payments.getByLabel('Montant CHF').fill('681');
    await payments.getByLabel('Remarque').fill('Solde');
    await payments.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect.poll(() => page.locator('[data-total="balance"]').textContent()).toBe('CHF 0.00');
    await expect.poll(() => page.locator('.facts').textContent()).toContain('Payée');
    expect(await page.locator('[data-state="overdue"]').count()).toBe(0);

    // Another invoice, sent by mistake: a credit note cancels it.
    const wrong = await server.api<{ id: string }>('POST', `/api/projects/${project.body.id}/invoices`, {
      invoiceType: 'custom',
      customLines: [{ description: 'Maintenance (à double)', quantity: 2, unit: 'h', unitPrice: 120 }],
    });
    expect((await server.api('POST', `/api/invoices/${wrong.body.id}/send`)).status).toBe(200);
    await page.goto(`${server.url}/#/invoices/${wrong.body.id}`);
    expect(await page.locator('[data-state="due"]').textContent()).toBe('À payer');
    const credit = page.getByRole('form', { name: 'Émettre une note de crédit' });
    await credit.getByLabel('Motif').fill('Facturée à double');
    await credit.getByRole('button', { name: 'Émettre une note de crédit' }).click();
    const row = page.getByRole('row', { name: /Facturée à double/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('NC-');
    expect(await row.textContent()).toContain('CHF 259.45');
    await expect.poll(() => page.locator('.facts').textContent()).toContain('Annulée');
    expect(await page.locator('[data-total="credited"]').textContent()).toBe('CHF 259.45');
    await expectAccessible(page, 'invoice page with a credit note');
    await screenshot(page, 'invoice-page-credited');
    expect(errors).toEqual([]);
  }, 90_000);
});
