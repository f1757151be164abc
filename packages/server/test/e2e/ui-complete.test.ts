import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { en } from '../../ui/src/i18n/en';
import { fr } from '../../ui/src/i18n/fr';
import { expectAccessible, screenshot } from './support/browser';
import type { RunningServer } from './support/server';
import { startUiSession, type UiSession } from './support/ui-session';

interface Created {
  id: string;
}

interface Walked {
  name: string;
  path: string;
  embedsBuilder?: boolean;
}

/**
 * Every page in French and in English: no string missing from either table (no raw key, no word of the other
 * language, no French spacing in English), no raw trigger or step code; then every page at 390×844 without
 * sideways scrolling, and in the dark theme with no serious accessibility problem.
 */
describe.skipIf(!chromiumPath)('every page of the web UI, in both languages, narrow and dark', () => {
  let server: RunningServer;
  let ui: UiSession;
  let page: Page;
  let errors: string[];
  let pages: Walked[];
  let nodeTypes: string[];

  beforeAll(async () => {
    ui = await startUiSession({ viewport: { width: 1440, height: 900 } });
    ({ server, page, errors } = ui);
    const template = await server.api<Created>('POST', '/api/email-templates', {
      name: 'Merci pour votre commande',
      subject: 'Merci {{trigger.customer.firstName}}',
      body: '<p>Bonjour {{trigger.customer.firstName}}, merci pour la commande {{trigger.orderNumber}}.</p>',
    });
    const automation = await server.api<Created>('POST', '/api/automations', {
      name: 'Remerciement après paiement',
      isActive: true,
      trigger: { type: 'order.paid', config: {} },
      nodes: [
        {
          id: 'big',
          type: 'condition',
          position: { x: 0, y: 150 },
          config: { combinator: 'all', conditions: [{ field: 'trigger.total', operator: 'greater_than', value: 100 }] },
          connections: [{ targetId: 'thanks', condition: 'true' }],
        },
        {
          id: 'thanks',
          type: 'send_email',
          position: { x: 0, y: 300 },
          config: { templateId: template.body.id, to: '{{trigger.customer.email}}' },
          connections: [],
        },
      ],
    });
    expect(automation.status).toBe(201);
    const run = await server.api<Created>('POST', `/api/automations/${automation.body.id}/run`, {
      payload: {
        orderId: 'ord_1042',
        orderNumber: '1042',
        status: 'paid',
        customer: { email: 'zoe@example.ch', firstName: 'Zoé', lastName: 'Favre' },
        total: 250,
        currency: 'CHF',
        items: [],
      },
    });
    expect(run.status).toBe(201);
    await server.api('POST', `/api/email-templates/${template.body.id}/send-test`, { to: 'test@example.ch' });
    const project = await server.api<Created>('POST', '/api/projects', {
      name: 'Site vitrine',
      client: {
        name: 'Boulangerie Favre SA',
        street: 'Route de Lausanne',
        postalCode: '1110',
        town: 'Morges',
        country: 'CH',
      },
    });
    expect(project.status).toBe(201);
    const invoice = await server.api<Created>('POST', `/api/projects/${project.body.id}/invoices`, {
      invoiceType: 'custom',
      customLines: [{ description: 'Conception graphique', quantity: 1, unitPrice: 500 }],
    });
    expect(invoice.status).toBe(201);
    const types = await server.api<{ items: Array<{ type: string }> }>('GET', '/api/node-types');
    // Codes such as `order.paid` or `send_email` (plain words such as `condition` can be ordinary text).
    nodeTypes = types.body.items.map((d) => d.type).filter((type) => /[._]/.test(type));
    pages = [
      { name: 'automations', path: '/automations' },
      { name: 'builder', path: `/automations/${automation.body.id}`, embedsBuilder: true },
      { name: 'automation-runs', path: `/automations/${automation.body.id}/runs` },
      { name: 'executions', path: '/runs' },
      { name: 'run', path: `/runs/${run.body.id}`, embedsBuilder: true },
      { name: 'templates', path: '/templates' },
      { name: 'template', path: `/templates/${template.body.id}` },
      { name: 'outbox', path: '/outbox' },
      { name: 'projects', path: '/invoicing' },
      { name: 'project', path: `/projects/${project.body.id}` },
      { name: 'invoice', path: `/invoices/${invoice.body.id}` },
      { name: 'settings', path: '/settings' },
    ];
    await ui.login();
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
  });

  /** Opens a page and waits until it has loaded its data (no loading notice left). */
  async function visit(target: Walked): Promise<void> {
    await page.goto(`${server.url}/#${target.path}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('main p.muted[role="status"]'));
    if (target.name === 'outbox') {
      await page
        .getByRole('button', { name: /Afficher|Show/ })
        .first()
        .click();
      await page.locator('#message-title').waitFor();
    }
  }

  /** The text a user reads or hears: visible text and accessible names, without JSON dumps or the builder. */
  function readableText(): Promise<string> {
    return page.evaluate(() => {
      const main = document.body.cloneNode(true) as HTMLElement;
      // What templates print is the author's content, not the UI's wording: the preview, the template source, and
      // the helpers' examples and what they print (their data is French).
      for (const el of main.querySelectorAll(
        'pre, swigs-automation-builder, iframe, .preview-subject, .preview-preheader, .cm-editor, .helpers dt',
      ))
        el.remove();
      const attrs = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
        .filter((el) => !el.closest('swigs-automation-builder, pre'))
        .flatMap((el) => ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
      const options = [...document.querySelectorAll('option')].map((o) => o.textContent ?? '');
      // innerText, not textContent: only what is rendered (hidden dialogs and templates stay out).
      // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a reader sees
      return [main.innerText, ...attrs, ...options].join('\n');
    });
  }

  async function setLang(lang: 'fr' | 'en'): Promise<void> {
    await page.evaluate((l) => localStorage.setItem('swigs.lang', l), lang);
    await page.reload();
    await page.locator('main h1').first().waitFor();
  }

  it('walks every page in French and in English with every string from its own table', async () => {
    const keys = Object.keys(fr);
    for (const lang of ['fr', 'en'] as const) {
      await setLang(lang);
      const own = lang === 'fr' ? fr : en;
      const other = lang === 'fr' ? en : fr;
      // Strings of the other language that cannot be read as ours (different, and long enough to be telling).
      const foreign = (Object.keys(other) as Array<keyof typeof fr>)
        .map((k) => other[k])
        .filter((v) => v.length >= 5 && !/\{/.test(v) && !Object.values(own).includes(v));
      for (const target of pages) {
        await visit(target);
        // The product's name is the same in both languages.
        const text = (await readableText()).replaceAll(fr['app.title'], '');
        const problems: string[] = [];
        for (const key of keys)
          if (new RegExp(`(^|[^\\w.])${key.replace(/\./g, '\\.')}($|[^\\w.])`).test(text))
            problems.push(`raw key ${key}`);
        for (const type of nodeTypes)
          if (new RegExp(`(^|[^\\w.@])${type.replace(/\./g, '\\.')}($|[^\\w.])`).test(text))
            problems.push(`raw code ${type}`);
        for (const value of foreign) if (containsPhrase(text, value)) problems.push(`other language: « ${value} »`);
        if (lang === 'en') {
          const spaced = text.match(/\S[ \u00a0\u202f][:;!?](\s|$)|«|»/g);
          if (spaced) problems.push(`French typography: ${spaced.join(' | ')}`);
        } else {
          const english = text.match(/\b(true|false|Text|undefined|null|NaN)\b/g);
          if (english) problems.push(`English or raw words: ${english.join(', ')}`);
        }
        expect(problems, `${lang} ${target.name}`).toEqual([]);
        await screenshot(page, `walk-${lang}-1440-${target.name}`);
      }
    }
    await setLang('fr');
    expect(errors).toEqual([]);
  }, 240_000);

  it('shows every page at 390×844 without sideways scrolling, lists as cards, in both languages', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of ['fr', 'en'] as const) {
      await setLang(lang);
      for (const target of pages) {
        await visit(target);
        const overflow = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          width: document.documentElement.clientWidth,
          wide: [...document.querySelectorAll('main *')]
            .filter(
              (el) => !el.closest('swigs-automation-builder') && el.getBoundingClientRect().right > innerWidth + 1,
            )
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
        }));
        expect(overflow, `narrow ${lang} ${target.name}`).toMatchObject({ scroll: overflow.width });
        await screenshot(page, `narrow-${lang}-390-${target.name}`);
      }
    }
    await setLang('fr');
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 240_000);

  it('switches to the dark theme, keeps it per user, hands it to the builder, and stays accessible on every page', async () => {
    await visit(pages[0]!);
    await page.getByLabel('Thème').selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await page.locator('main h1').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    for (const target of pages) {
      await visit(target);
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
      expect(r + g + b, `dark ${target.name}: ${background}`).toBeLessThan(150);
      if (target.embedsBuilder)
        expect(await page.locator('swigs-automation-builder').first().getAttribute('theme')).toBe('dark');
      await expectAccessible(page, `dark ${target.name}`, { embedsBuilder: target.embedsBuilder ?? false });
      await screenshot(page, `dark-${target.name}`);
    }
    await page.getByLabel('Thème').selectOption('auto');
    expect(errors).toEqual([]);
  }, 240_000);
});

/** Whether `text` holds `phrase` as whole words (not inside a longer word). */
function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}
