import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import type { Page } from 'playwright-core';
import { sampleAutomation } from '../fixtures';
import { inBuilder, openBuilder, resultsDir, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();

/** The URLs of the page's requests that the browser aborted, from now on. */
function abortedRequests(page: Page): string[] {
  const aborted: string[] = [];
  page.on('requestfailed', (request) => {
    if (/ABORTED/i.test(request.failure()?.errorText ?? '')) aborted.push(new URL(request.url()).pathname);
  });
  return aborted;
}

/** Waits until the element and its panel have rendered what they were told last. */
function settled(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      (document.querySelector('swigs-automation-builder') as unknown as { updateComplete: Promise<boolean> })
        .updateComplete,
  );
}

describe.skipIf(!chromiumPath)('answers that arrive after a newer question', () => {
  it('shows the preview of the template and the text on screen, never a slower earlier one', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    const aborted = abortedRequests(page);
    await inBuilder(page, '.swigs-flow__node[data-id="send-email-1"]').click();
    const picker = inBuilder(page, '[data-testid="template-picker"] select');
    await expect.poll(() => picker.locator('option').count()).toBe(3);
    await picker.selectOption('tpl-merci');
    const subject = inBuilder(page, '[data-testid="preview-subject"]');

    // The server is slow on « Merci »; meanwhile « Demande d'avis » is opened and previewed.
    const merci = env.server.hold('/api/email-templates/tpl-merci/preview');
    await inBuilder(page, '[data-testid="edit-template"]').click();
    await merci.arrived;
    await picker.selectOption('tpl-avis');
    await inBuilder(page, '[data-testid="edit-template"]').click();
    await expect.poll(() => subject.textContent()).toBe('Votre avis compte');
    merci.release();
    await merci.answered;
    await settled(page);
    expect(await subject.textContent()).toBe('Votre avis compte');
    await expect.poll(() => aborted).toContain('/api/email-templates/tpl-merci/preview');

    // Typing: the preview of the first words is slow, the one of the whole line wins.
    const typed = env.server.hold('/api/email-templates/tpl-avis/preview');
    await inBuilder(page, '#tpl-subject').fill('Votre avis');
    await typed.arrived;
    await inBuilder(page, '#tpl-subject').fill('Votre avis sur la commande {{trigger.orderNumber}}');
    await expect.poll(() => subject.textContent()).toBe('Votre avis sur la commande 1042');
    typed.release();
    await typed.answered;
    await settled(page);
    expect(await subject.textContent()).toBe('Votre avis sur la commande 1042');
    await expect.poll(() => aborted.filter((path) => path === '/api/email-templates/tpl-avis/preview')).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the test of a step as it is now configured, never a slower test of its old configuration', async () => {
    const automation = sampleAutomation();
    const email = automation.nodes.find((n) => n.id === 'send-email-1');
    if (email) email.config = { ...email.config, from: 'boutique@example.ch' };
    const { page, errors } = await openBuilder(env.browser, env.server, { automation });
    const aborted = abortedRequests(page);
    await inBuilder(page, '.swigs-flow__node[data-id="send-email-1"]').click();
    const output = inBuilder(page, '[data-testid="step-output"]');
    const button = inBuilder(page, '[data-testid="test-step"]');

    const first = env.server.hold('/api/automations/auto-1/test-step');
    await button.click();
    await first.arrived;
    await expect.poll(() => button.textContent()).toMatch(/Test en cours/);
    // Reconfigured while the server works: the test in flight is about the old subject, so it is no longer shown.
    await inBuilder(page, '#cfg-subject').fill('Bonjour {{trigger.customer.firstName}}');
    await expect.poll(() => button.textContent()).toMatch(/Tester cette étape/);
    await button.click();
    await expect.poll(() => output.textContent(), { timeout: 20_000 }).toMatch(/Bonjour Léa/);
    first.release();
    await first.answered;
    await settled(page);
    expect(await output.textContent()).toMatch(/Bonjour Léa/);
    expect(await output.textContent()).not.toMatch(/Merci Léa/);
    await expect.poll(() => aborted).toContain('/api/automations/auto-1/test-step');

    // Reconfigured after the answer: the answer was about the old subject and goes; testing again brings the new one.
    await inBuilder(page, '#cfg-subject').fill('Salut {{trigger.customer.firstName}}');
    await expect.poll(() => output.count()).toBe(0);
    await page.screenshot({ path: `${resultsDir}/builder-step-test-reconfigured.png` });
    await button.click();
    await expect.poll(() => output.textContent(), { timeout: 20_000 }).toMatch(/Salut Léa/);
    await page.screenshot({ path: `${resultsDir}/builder-step-test.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
