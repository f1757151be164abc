import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@swigs/test-services/browser';
import { expect } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Where the tests write their screenshots (gitignored). */
export const RESULTS_DIR = resolve(here, '../../../../../test-results');

/** Launches the run's Chromium headless (see `@swigs/test-services/browser`). */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** Opens a page that records uncaught errors, so a test can assert the UI threw none. */
export async function openPage(
  browser: Browser,
  viewport = { width: 1400, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'fr-CH', timezoneId: 'Europe/Zurich' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => {
    errors.push(e.message);
    // Printed at once too: a test that times out waiting for the UI (an element that stopped rendering after a throw)
    // then shows why, even though its final `expect(errors).toEqual([])` is never reached.
    console.error(`page error: ${e.stack ?? e.message}`);
  });
  // A blocked script, style or request is only a console message: count it as an error, so CSP breakage fails tests.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return { page, errors };
}

/** Signs in through the login page with the embedded mode's local password. */
export async function loginThroughUi(page: Page, url: string, password: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
  await page.getByLabel('Mot de passe local').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).first().click();
  await page.getByRole('heading', { name: 'Automatisations', level: 1 }).waitFor();
}

/** Writes a screenshot to test-results/ and returns its path. */
export async function screenshot(
  page: Page,
  name: string,
  target?: { locator?: import('playwright-core').Locator },
): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  // Transitions (drawers sliding in) are finished first: the picture shows where things end up.
  if (target?.locator) await target.locator.screenshot({ path, animations: 'disabled' });
  else await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** Runs axe-core in the page (WCAG 2.1 A/AA rules) and returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: an injected <script> tag is inline script, which the server's CSP refuses.
  if (!hasAxe) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations as never;
  });
}

/**
 * Fails with a readable list when axe finds a violation: any violation on our own pages, serious or critical ones
 * where the page embeds the builder element (`{ embedsBuilder: true }`), whose markup another package owns.
 */
export async function expectAccessible(
  page: Page,
  label: string,
  options: { embedsBuilder?: boolean } = {},
): Promise<AxeViolation[]> {
  const violations = await runAxe(page);
  const blocking = options.embedsBuilder
    ? violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    : violations;
  const describe = (v: AxeViolation): string =>
    `${label}: [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `   ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`;
  expect(blocking.map(describe)).toEqual([]);
  return violations;
}
