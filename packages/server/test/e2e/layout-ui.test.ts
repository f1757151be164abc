import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { expectAccessible, screenshot } from './support/browser';
import { builderFit, builderOf, nodeOfType } from './support/builder';
import type { RunningServer } from './support/server';
import { startUiSession, type UiSession } from './support/ui-session';

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const MEDIUM = { width: 1024, height: 768 };

/**
 * How the app bar and the builder page share the window (issue 15, "narrow and dark"): one row of app bar at
 * 1440×900, a menu button below 768 px, the builder page's head on one row, the builder in most of the window, a
 * compact JSON tree; then the screenshots a reviewer opens (fr and en, light and dark, wide and phone).
 */
describe.skipIf(!chromiumPath)('the app bar and the builder page, wide and on a phone, light and dark', () => {
  let ui: UiSession;
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let automationId: string;

  beforeAll(async () => {
    ui = await startUiSession({ viewport: WIDE });
    ({ server, page, errors } = ui);
    const template = await server.api<{ id: string }>('POST', '/api/email-templates', {
      name: 'Merci',
      subject: 'Merci {{trigger.customer.firstName}} !',
      body: '<p>Merci pour votre commande.</p>',
    });
    const automation = await server.api<{ id: string }>('POST', '/api/automations', {
      name: 'Merci après paiement',
      isActive: false,
      trigger: { type: 'order.paid', config: {}, connections: [{ targetId: 'wait-1', condition: 'default' }] },
      nodes: [
        {
          id: 'wait-1',
          type: 'wait',
          position: { x: 300, y: 0 },
          config: { duration: 2, unit: 'days' },
          connections: [{ targetId: 'condition-1', condition: 'default' }],
        },
        {
          id: 'condition-1',
          type: 'condition',
          position: { x: 600, y: 0 },
          config: { combinator: 'all', conditions: [{ field: 'trigger.status', operator: 'equals', value: 'paid' }] },
          connections: [{ targetId: 'email-1', condition: 'true' }],
        },
        {
          id: 'email-1',
          type: 'send_email',
          position: { x: 900, y: 0 },
          config: { templateId: template.body.id, to: '{{trigger.customer.email}}' },
          connections: [],
        },
      ],
    });
    expect(automation.status).toBe(201);
    automationId = automation.body.id;
    await ui.login();
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
  });

  async function setLang(lang: 'fr' | 'en'): Promise<void> {
    await page.evaluate((l) => localStorage.setItem('swigs.lang', l), lang);
  }

  async function visit(path: string): Promise<void> {
    await page.goto(`${server.url}/#${path}`);
    await page.reload();
    await page.locator('main h1').first().waitFor({ state: 'attached' });
    await page.waitForFunction(() => !document.querySelector('main p.muted[role="status"]'));
  }

  /** Opens the builder page and waits for its steps. */
  async function openBuilder(): Promise<Locator> {
    await visit(`/automations/${automationId}`);
    const builder = builderOf(page);
    await nodeOfType(builder, 'send_email').waitFor();
    return builder;
  }

  /** The app bar's height and the vertical spread of the centres of its visible controls (0 when on one row). */
  function appBar(): Promise<{ height: number; spread: number; visible: number }> {
    return page.evaluate(() => {
      const header = document.querySelector('.app-header') as HTMLElement;
      const controls = [...header.querySelectorAll<HTMLElement>('.brand, nav a, select, button')].filter(
        (el) => el.getClientRects().length > 0,
      );
      const centres = controls.map((el) => {
        const r = el.getBoundingClientRect();
        return r.top + r.height / 2;
      });
      return {
        height: header.getBoundingClientRect().height,
        spread: Math.max(...centres) - Math.min(...centres),
        visible: controls.length,
      };
    });
  }

  /** Whether anything in the page reaches past the window's right edge. */
  function sidewaysScroll(): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  /**
   * The builder page head's visible controls (name field, save state, buttons, links): the vertical spread of their
   * centres (0 on one row), how far the last one reaches past the head's right edge, and whether the name is cut.
   */
  function builderHead(): Promise<{ spread: number; overflow: number; visible: number; nameCut: boolean }> {
    return page.evaluate(() => {
      const head = document.querySelector('.builder-head') as HTMLElement;
      const controls = [...head.querySelectorAll<HTMLElement>('input, .save-state, button, a.btn')].filter(
        (el) => el.getClientRects().length > 0 && el.getBoundingClientRect().width > 1,
      );
      const boxes = controls.map((el) => el.getBoundingClientRect());
      const centres = boxes.map((r) => r.top + r.height / 2);
      const name = head.querySelector('input') as HTMLInputElement;
      return {
        spread: Math.max(...centres) - Math.min(...centres),
        overflow: Math.max(...boxes.map((r) => r.right)) - head.getBoundingClientRect().right,
        visible: controls.length,
        nameCut: name.scrollWidth > name.clientWidth,
      };
    });
  }

  it('keeps the app bar on one row at 1440×900 in French and English, the builder under it taking the window', async () => {
    await page.setViewportSize(WIDE);
    for (const lang of ['fr', 'en'] as const) {
      await setLang(lang);
      await visit('/automations');
      const bar = await appBar();
      // Brand, six links, two selects and the logout button, their centres on one line.
      expect(bar, lang).toMatchObject({ visible: 10 });
      expect(bar.spread, lang).toBeLessThanOrEqual(2);
      expect(bar.height, lang).toBeLessThanOrEqual(64);

      const builder = await openBuilder();
      const head = await page.locator('.builder-head').boundingBox();
      expect(head?.height ?? 0, `${lang} builder head`).toBeLessThanOrEqual(56);
      // The name is the page head's field; the builder's toolbar does not repeat it (`hide-name`).
      expect(await page.locator('#automation-name').inputValue()).toBe('Merci après paiement');
      expect(await builder.locator('[data-testid="automation-name"]').count(), `${lang} name in the toolbar`).toBe(0);
      expect(await builder.locator('[part="toolbar"]').count()).toBe(1);
      const fit = await builderFit(page, builder);
      expect(fit.gapToBottom).toBeGreaterThanOrEqual(0);
      expect(fit.gapToBottom).toBeLessThanOrEqual(16);
      expect(fit.height / WIDE.height, `${lang} builder share of the window`).toBeGreaterThan(0.8);
      expect(await sidewaysScroll()).toBe(0);
    }
    await setLang('fr');
    expect(errors).toEqual([]);
  }, 90_000);

  it('folds the app bar into a menu at 390×844 and keeps the builder page head to one short row', async () => {
    await page.setViewportSize(PHONE);
    await setLang('fr');
    await visit('/automations');
    const bar = await appBar();
    // Brand and the menu button, side by side.
    expect(bar).toMatchObject({ visible: 2 });
    expect(bar.spread).toBeLessThanOrEqual(2);
    expect(bar.height).toBeLessThanOrEqual(60);

    const toggle = page.getByRole('button', { name: 'Menu' });
    const runsLink = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', {
      name: 'Exécutions',
    });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await runsLink.isVisible()).toBe(false);
    await toggle.click();
    await expect.poll(() => runsLink.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    // The open menu lies over the page: the app bar keeps its height, so the builder below does not jump.
    expect((await appBar()).height).toBe(bar.height);
    await expectAccessible(page, 'menu open at 390');
    await screenshot(page, 'layout-fr-390-menu');
    await page.keyboard.press('Escape');
    await expect.poll(() => runsLink.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('menu-toggle'))).toBe(true);
    await toggle.click();
    await runsLink.click();
    await page.getByRole('heading', { name: 'Exécutions', level: 1 }).waitFor();
    await expect.poll(() => runsLink.isVisible()).toBe(false);

    const builder = await openBuilder();
    // The title is still the page's heading for assistive technology; the name field shows the name.
    await page
      .getByRole('heading', { name: 'Éditeur : Merci après paiement', level: 1 })
      .waitFor({ state: 'attached' });
    expect(await page.getByLabel('Nom de l’automatisation').inputValue()).toBe('Merci après paiement');
    const head = await page.locator('.builder-head').boundingBox();
    expect(head?.height ?? 0).toBeLessThanOrEqual(48);
    const fit = await builderFit(page, builder);
    expect(fit.gapToBottom).toBeGreaterThanOrEqual(0);
    expect(fit.gapToBottom).toBeLessThanOrEqual(16);
    expect(fit.saveButtons).toBe(1);
    expect(fit.height / PHONE.height, 'builder share of the window').toBeGreaterThan(0.8);
    expect(await sidewaysScroll()).toBe(0);

    // Run and history behind « Plus d’actions ».
    const more = page.getByRole('button', { name: 'Plus d’actions' });
    const run = page.getByRole('button', { name: 'Déclencher maintenant' });
    expect(await run.isVisible()).toBe(false);
    await more.click();
    await expect.poll(() => run.isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Historique' }).isVisible()).toBe(true);
    await screenshot(page, 'layout-fr-390-builder-more');
    await page.keyboard.press('Escape');
    await expect.poll(() => run.isVisible()).toBe(false);
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.setViewportSize(WIDE);
    expect(errors).toEqual([]);
  }, 90_000);

  it('keeps the builder page head on one row from 768 to 1100 px, saved, unsaved with a long name, and after a run', async () => {
    const widths = [768, 900, 1024, 1100];
    const oneRow = async (label: string, visible: number): Promise<void> => {
      for (const width of widths) {
        await page.setViewportSize({ width, height: MEDIUM.height });
        const head = await builderHead();
        // Name, save state, save, run, history (and the last run's link): their centres on one line, inside the head.
        expect(head.visible, `${label} ${width}`).toBe(visible);
        expect(head.spread, `${label} ${width}`).toBeLessThanOrEqual(2);
        expect(head.overflow, `${label} ${width}`).toBeLessThanOrEqual(0);
        expect((await page.locator('.builder-head').boundingBox())?.height ?? 0, `${label} ${width}`).toBeLessThan(56);
        expect(await sidewaysScroll(), `${label} ${width}`).toBe(0);
      }
    };
    const words = {
      fr: { save: 'Enregistrer', run: 'Déclencher maintenant', start: /Lancer l’exécution/, open: 'Voir l’exécution' },
      en: { save: 'Save', run: 'Run now', start: /Start the run/, open: 'View the run' },
    } as const;
    const longName = 'Merci après paiement, puis relance des clients qui n’ont pas ouvert le premier e-mail';
    // The app bar above: brand and menu button on one row at each of these widths, fr and en.
    for (const lang of ['fr', 'en'] as const) {
      await setLang(lang);
      await visit('/automations');
      for (const width of [...widths, 1280, 1366]) {
        await page.setViewportSize({ width, height: MEDIUM.height });
        const bar = await appBar();
        expect(bar, `${lang} app bar ${width}`).toMatchObject({ visible: 2 });
        expect(bar.spread, `${lang} app bar ${width}`).toBeLessThanOrEqual(2);
        expect(bar.height, `${lang} app bar ${width}`).toBeLessThanOrEqual(60);
      }
    }
    for (const lang of ['fr', 'en'] as const) {
      await page.setViewportSize(MEDIUM);
      await setLang(lang);
      await openBuilder();
      await oneRow(`${lang} saved`, 5);
      expect((await builderHead()).nameCut, `${lang} short name`).toBe(false);

      // The longest state: unsaved, with a name longer than the field at every one of these widths.
      const name = page.locator('#automation-name');
      await name.fill(longName);
      await page.locator('.builder-head .save-state-dirty').waitFor();
      await oneRow(`${lang} unsaved`, 5);
      expect((await builderHead()).nameCut, `${lang} long name`).toBe(true);
      // The save state's words, hidden below 1100 px, are still its tooltip and its status text.
      const state = page.getByTestId('save-state');
      expect(await state.getAttribute('title')).toBe(
        lang === 'fr' ? 'Modifications non enregistrées' : 'Unsaved changes',
      );
      expect(((await state.textContent()) ?? '').trim()).toBe(await state.getAttribute('title'));

      await page.setViewportSize(MEDIUM);
      const saved = page.waitForResponse((r) => r.url().endsWith(`/api/automations/${automationId}`) && r.ok());
      await page.getByRole('button', { name: words[lang].save, exact: true }).click();
      await saved;
      await page.locator('.builder-head .save-state:not(.save-state-dirty) .save-dot').waitFor();
      await page.getByRole('button', { name: words[lang].run }).click();
      await page.getByRole('dialog').getByRole('button', { name: words[lang].start }).click();
      await page.getByRole('link', { name: words[lang].open }).waitFor();
      await oneRow(`${lang} after a run`, 6);

      await page.setViewportSize(MEDIUM);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
        await screenshot(page, `layout-${lang}-1024-${scheme}-builder`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      // Back to the name the other tests expect.
      await name.fill('Merci après paiement');
      const restored = page.waitForResponse((r) => r.url().endsWith(`/api/automations/${automationId}`) && r.ok());
      await page.getByRole('button', { name: words[lang].save, exact: true }).click();
      await restored;
      await page.locator('.builder-head .save-state:not(.save-state-dirty) .save-dot').waitFor();
    }
    await page.setViewportSize(WIDE);
    await setLang('fr');
    expect(errors).toEqual([]);
  }, 120_000);

  it('draws the data pane’s JSON tree in compact rows whose fields stay 24 px targets', async () => {
    await page.setViewportSize(WIDE);
    await setLang('fr');
    const builder = await openBuilder();
    await nodeOfType(builder, 'send_email').click();
    await builder.locator('[data-testid="config-form"] [name="to"]').first().click();
    const input = builder.getByTestId('step-input');
    await input.locator('[data-testid="json-field"][data-path="trigger.orderId"]').waitFor();
    const rows = await input.evaluate((el) => {
      const items = [...el.querySelectorAll('li')].filter((li) => li.getClientRects().length > 0);
      const leafs = items.filter((li) => !li.querySelector('details'));
      const summaries = [...el.querySelectorAll('summary')].filter((s) => s.getClientRects().length > 0);
      const fields = [...el.querySelectorAll('[data-testid="json-field"]')].filter((b) => b.getClientRects().length);
      return {
        leaf: leafs.map((li) => li.getBoundingClientRect().height),
        summary: summaries.map((s) => s.getBoundingClientRect().height),
        field: fields.map((b) => ({ h: b.getBoundingClientRect().height, w: b.getBoundingClientRect().width })),
      };
    });
    expect(rows.leaf.length).toBeGreaterThan(5);
    // 24 px a line (a long value, such as a date, wraps onto two).
    for (const height of rows.leaf) expect(height / Math.round(height / 24)).toBeCloseTo(24, 0);
    expect(Math.min(...rows.leaf)).toBeLessThanOrEqual(24.5);
    expect(Math.max(...rows.summary)).toBeLessThanOrEqual(24.5);
    // WCAG 2.2 target size (2.5.8): each field a button at least 24 px high (and as wide as its key, 24 px or more).
    expect(Math.min(...rows.field.map((f) => f.h))).toBeGreaterThanOrEqual(24);
    expect(Math.min(...rows.field.map((f) => f.w))).toBeGreaterThanOrEqual(24);
    await screenshot(page, 'layout-fr-1440-json-tree', { locator: builder.getByTestId('step-data') });
    expect(errors).toEqual([]);
  }, 90_000);

  it('writes the screenshots: automations, a step with its data, the step picker; fr and en, light and dark, 1440 and 390', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const viewport of [WIDE, PHONE]) {
        await page.setViewportSize(viewport);
        for (const lang of ['fr', 'en'] as const) {
          await setLang(lang);
          const tag = `${lang}-${viewport.width}-${scheme}`;
          await visit('/automations');
          await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
          await screenshot(page, `layout-${tag}-automations`);

          const builder = await openBuilder();
          const email = nodeOfType(builder, 'send_email');
          if (viewport === PHONE) {
            // Cards stay 200 px wide, so on a phone the e-mail's is off to the right: chosen from the keyboard.
            await email.focus();
            await page.keyboard.press('Enter');
            await builder.getByTestId('open-panel').click();
            await expect.poll(() => builder.getByTestId('panel').isVisible()).toBe(true);
          } else await email.click();
          const data = builder.getByTestId('step-data');
          await data.locator('summary').first().waitFor();
          await data.scrollIntoViewIfNeeded();
          await screenshot(page, `layout-${tag}-builder-step`);
          if (scheme === 'dark' && viewport === WIDE)
            await expectAccessible(page, `builder ${tag}`, { embedsBuilder: true });

          if (viewport === PHONE) {
            await builder.getByTestId('close-panel').click();
            await expect.poll(() => builder.getByTestId('panel').isVisible()).toBe(false);
          }
          await builder.getByTestId('edge-insert').first().click();
          await builder.getByTestId('quick-add').waitFor();
          await screenshot(page, `layout-${tag}-step-picker`);
          await page.keyboard.press('Escape');
          await builder.getByTestId('quick-add').waitFor({ state: 'detached' });
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(WIDE);
    await setLang('fr');
    expect(errors).toEqual([]);
  }, 240_000);
});
