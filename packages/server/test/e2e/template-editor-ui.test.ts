import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { expectAccessible, screenshot } from './support/browser';
import type { RunningServer } from './support/server';
import { startUiSession, type UiSession } from './support/ui-session';

interface Created {
  id: string;
}

/** The CodeMirror editing area of a template field. */
const editorOf = (page: Page, field: string): Locator => page.locator(`[data-code-field="${field}"] .cm-content`);

/** Types at the end of a field's editor, as a person would (key by key, so completion opens). */
async function typeAtEnd(page: Page, field: string, text: string): Promise<void> {
  await editorOf(page, field).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 15 });
}

/** The template editor: CodeMirror with completion, the server's check as markers, live preview, create from a step. */
describe.skipIf(!chromiumPath)('the e-mail template editor against swigs-workflow start', () => {
  let server: RunningServer;
  let ui: UiSession;
  let page: Page;
  let errors: string[];
  let templateId: string;
  let automationId: string;

  beforeAll(async () => {
    ui = await startUiSession({ viewport: { width: 1440, height: 1000 } });
    ({ server, page, errors } = ui);
    // A step that never comes fails with its own message before the test's timeout.
    page.setDefaultTimeout(15_000);
    const template = await server.api<Created>('POST', '/api/email-templates', {
      name: 'Confirmation',
      subject: 'Merci {{trigger.customer.firstName}}',
      body: '<p>Bonjour {{trigger.customer.firstName}},</p>\n<p>Commande {{trigger.orderNumber}}.</p>',
    });
    templateId = template.body.id;
    const flow = await server.api<Created>('POST', '/api/automations', {
      name: 'Demande d’avis',
      isActive: false,
      trigger: { type: 'order.paid', config: {} },
      nodes: [
        {
          id: 'calc',
          type: 'transform',
          label: 'Salutation',
          position: { x: 0, y: 120 },
          config: { fields: { greeting: 'Bonjour {{trigger.customer.firstName}}' } },
          connections: [{ targetId: 'mail' }],
        },
        {
          id: 'mail',
          type: 'send_email',
          label: 'E-mail avis',
          position: { x: 0, y: 240 },
          config: { to: '{{trigger.customer.email}}', subject: 'Votre avis', body: '<p>Votre avis ?</p>' },
          connections: [],
        },
      ],
    });
    expect(flow.status).toBe(201);
    automationId = flow.body.id;
    await ui.login();
  }, 60_000);

  afterAll(async () => {
    await ui?.close();
  });

  it('completes variables and helpers, and flags an unknown variable while typing', async () => {
    await page.goto(`${server.url}/#/templates/${templateId}`);
    await editorOf(page, 'body').waitFor();
    // The editor is its own bundle, fetched with this page only.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(scripts.some((name) => name.endsWith('/template-editor.js'))).toBe(true);

    await typeAtEnd(page, 'body', '\n<p>{{trigger.custo');
    const list = page.locator('.cm-tooltip-autocomplete');
    await list.waitFor();
    expect(await list.textContent()).toContain('trigger.customer.email');
    await screenshot(page, 'template-editor-completion');
    await list.getByRole('option', { name: /^trigger\.customer\.email/ }).click();
    await page.keyboard.type('}}</p>');
    expect(await editorOf(page, 'body').textContent()).toContain('<p>{{trigger.customer.email}}</p>');

    // Helpers come with their example as signature.
    await typeAtEnd(page, 'body', '\n<p>{{curr');
    const currency = list.getByRole('option', { name: /^currency/ });
    await currency.waitFor();
    expect(await currency.textContent()).toContain('{{currency ');
    await currency.click();
    await page.keyboard.type('trigger.total}}</p>');
    await expect.poll(async () => (await page.getByTestId('problems-body').textContent())?.trim()).toBe('');

    // A misspelt variable: marked where it is and said in words, before anything is saved.
    await typeAtEnd(page, 'body', '\n<p>{{trigger.custmer.firstName}}</p>');
    await page.keyboard.press('Escape');
    const problems = page.getByTestId('problems-body');
    await expect
      .poll(() => problems.textContent())
      .toContain('la variable « trigger.custmer.firstName » n’existe pas ici (ligne 5)');
    const marked = page.locator('[data-code-field="body"] .cm-lintRange-error');
    await expect.poll(() => marked.count()).toBe(1);
    expect(await marked.textContent()).toBe('trigger.custmer.firstName');
    expect(await page.locator('.save-state').textContent()).toContain('Modifications non enregistrées');
    await screenshot(page, 'template-editor-unknown-variable');
    // Tab leaves the editor for the next field: the keyboard is never trapped in it.
    await editorOf(page, 'body').focus();
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-code-field]')?.getAttribute('data-code-field')),
    ).not.toBe('body');
    await expectAccessible(page, 'template editor');
    expect(errors).toEqual([]);
  });

  it('previews the fields as typed at desktop and phone widths, subject, preheader and text part', async () => {
    const preview = page.frameLocator('iframe[title="Aperçu de l’e-mail"]');
    await expect.poll(() => preview.locator('body').textContent()).toContain('lea.muller@example.ch');
    expect(await page.locator('.preview-subject').textContent()).toBe('Objet : Merci Léa');
    expect(await page.locator('.preview-preheader').textContent()).toContain('Bonjour Léa');
    const frame = page.locator('iframe.preview-frame');
    const desktop = (await frame.boundingBox())?.width ?? 0;
    await page.getByRole('button', { name: 'Téléphone' }).click();
    await expect.poll(async () => (await frame.boundingBox())?.width ?? 0).toBeLessThanOrEqual(375);
    expect(desktop).toBeGreaterThan(500);
    await page.locator('.preview-text summary').click();
    expect(await page.locator('.preview-text pre').textContent()).toContain('Bonjour Léa,');
    await screenshot(page, 'template-editor-preview-mobile');
    await page.getByRole('button', { name: 'Ordinateur' }).click();
    // On a phone the editor and the preview stack, without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    const section = page.locator('section[aria-labelledby="preview-title"]');
    await section.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await expect.poll(() => preview.locator('body').textContent()).toContain('Bonjour Léa');
    await screenshot(page, 'template-editor-390-preview', { locator: section });
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it('sends a test of the unsaved edits and that exact text reaches the outbox', async () => {
    await editorOf(page, 'subject').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(', voici votre test');
    await page.getByLabel('Adresse de test').fill('essai@swigs.ch');
    const button = page.getByRole('button', { name: 'Envoyer un test (version à l’écran, non enregistrée)' });
    const sent = page.waitForResponse((r) => r.url().endsWith('/send-test'));
    await button.click();
    expect((await sent).ok()).toBe(true);
    const outbox = await server.api<{ items: Array<{ to: string[]; subject: string; text: string; html: string }> }>(
      'GET',
      '/api/outbox',
    );
    const mail = outbox.body.items.find((m) => m.to.includes('essai@swigs.ch'));
    expect(mail?.subject).toBe('[Test] Merci Léa, voici votre test');
    // The body on screen, with the edits of the first test, unsaved.
    expect(mail?.html).toContain('<p>lea.muller@example.ch</p>');
    expect(mail?.text).toContain('Commande 1042.');
    const stored = await server.api<{ subject: string }>('GET', `/api/email-templates/${templateId}`);
    expect(stored.body.subject).toBe('Merci {{trigger.customer.firstName}}');
  });

  it('creates a template from an e-mail step, with that step’s variables, and chooses it there', async () => {
    await page.goto(`${server.url}/#/automations/${automationId}`);
    // The edits of the tests above are left unsaved: the app asks first.
    const leave = page
      .getByRole('dialog', { name: 'Confirmer' })
      .getByRole('button', { name: 'Quitter sans enregistrer' });
    const steps = page.getByTestId('email-steps');
    await Promise.race([leave.waitFor(), steps.waitFor()]);
    if (await leave.isVisible()) await leave.click();
    // From the builder page: the e-mail step offers to write its template.
    await steps.getByRole('link', { name: 'Créer un modèle pour cette étape' }).click();
    await page.getByTestId('template-step').waitFor();
    expect(await page.getByTestId('template-step').textContent()).toContain('« E-mail avis »');
    await page.getByLabel('Nom', { exact: true }).fill('Avis client');
    await editorOf(page, 'subject').click();
    await page.keyboard.type('Votre avis compte');
    await typeAtEnd(page, 'body', '\n<p>{{nodes.calc.greeting}}</p>');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.frameLocator('iframe.preview-frame').locator('body').textContent()).toContain('Merci');
    expect((await page.getByTestId('problems-body').textContent())?.trim()).toBe('');
    await typeAtEnd(page, 'body', '\n<p>{{nodes.calc.salut}}</p>');
    await expect.poll(() => page.getByTestId('problems-body').textContent()).toContain('nodes.calc.salut');
    await screenshot(page, 'template-editor-from-step');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForFunction(() => /#\/templates\/(?!new)[^/?]+/.test(location.hash));
    await expect.poll(() => page.getByTestId('template-step').textContent()).toContain('Ce modèle est choisi');
    const id = /#\/templates\/([^/?]+)/.exec(await page.evaluate(() => location.hash))?.[1];
    const automation = await server.api<{ nodes: Array<{ id: string; config: Record<string, unknown> }> }>(
      'GET',
      `/api/automations/${automationId}`,
    );
    const step = automation.body.nodes.find((n) => n.id === 'mail');
    expect(step?.config.templateId).toBe(id);
    expect(step?.config.body).toBeUndefined();
    await page.getByRole('link', { name: 'Retour à l’automatisation' }).click();
    await page.waitForFunction((a) => location.hash === `#/automations/${a}`, automationId);
    await steps.getByRole('link', { name: 'Modifier le modèle « Avis client »' }).waitFor();
    await screenshot(page, 'builder-email-steps');
    expect(errors).toEqual([]);
  });

  it('refuses, by the save button, an edit that an active automation sending the template could not send', async () => {
    const flow = await server.api<Created>('POST', '/api/automations', {
      name: 'Confirmation de commande',
      isActive: true,
      trigger: { type: 'order.paid', config: {} },
      nodes: [
        {
          id: 'confirm',
          type: 'send_email',
          position: { x: 0, y: 120 },
          config: { templateId, to: '{{trigger.customer.email}}' },
          connections: [],
        },
      ],
    });
    expect(flow.status).toBe(201);
    await page.goto(`${server.url}/#/templates/${templateId}`);
    const leave = page
      .getByRole('dialog', { name: 'Confirmer' })
      .getByRole('button', { name: 'Quitter sans enregistrer' });
    await Promise.race([leave.waitFor(), editorOf(page, 'body').waitFor()]);
    if (await leave.isVisible()) await leave.click();
    await editorOf(page, 'body').waitFor();
    await typeAtEnd(page, 'body', '\n<p>{{trigger.livraison}}</p>');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const refusal = page.getByTestId('save-error');
    await expect.poll(() => refusal.textContent()).toContain('Confirmation de commande');
    // The editor's own check says the same, under the field.
    await expect.poll(() => page.getByTestId('problems-body').textContent()).toContain('« trigger.livraison »');
    await screenshot(page, 'template-editor-save-refused');
    const stored = await server.api<{ body: string }>('GET', `/api/email-templates/${templateId}`);
    expect(stored.body.body).not.toContain('livraison');
    expect(errors).toEqual([]);
  });
});
