import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import { sampleAutomation } from '../fixtures';
import { automationOf, inBuilder, openBuilder, resultsDir, TOKEN, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();

describe.skipIf(!chromiumPath)('side panels against a real HTTP API', () => {
  it('picks an email template and edits it with a live preview rendered by the server', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await inBuilder(page, '.swigs-flow__node[data-id="send-email-1"]').click();
    const picker = inBuilder(page, '[data-testid="template-picker"] select');
    await expect.poll(() => picker.locator('option').count()).toBe(3);
    await picker.selectOption('tpl-merci');
    await expect.poll(async () => (await automationOf(page)).nodes[2]?.config.templateId).toBe('tpl-merci');
    await inBuilder(page, '[data-testid="edit-template"]').click();
    await expect.poll(() => inBuilder(page, '[data-testid="preview-subject"]').textContent()).toBe('Merci Léa !');
    await inBuilder(page, '#tpl-subject').fill('Commande {{trigger.orderNumber}} payée');
    await expect
      .poll(() => inBuilder(page, '[data-testid="preview-subject"]').textContent())
      .toBe('Commande 1042 payée');
    const frame = page.frameLocator('swigs-automation-builder [data-testid="preview-frame"]');
    await expect.poll(() => frame.locator('body').textContent()).toContain('Bonjour Léa');
    const preview = env.server.requests.filter((r) => r.url === '/api/email-templates/tpl-merci/preview').at(-1);
    expect(preview?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(preview?.body).toMatchObject({
      subject: 'Commande {{trigger.orderNumber}} payée',
      triggerType: 'order.paid',
      data: { trigger: { orderNumber: '1042' }, nodes: {} },
    });
    await page.screenshot({ path: `${resultsDir}/builder-email-preview.png` });
    await inBuilder(page, '[data-testid="save-template"]').click();
    await expect.poll(() => inBuilder(page, '[data-testid="toast"]').count()).toBe(1);
    const put = env.server.requests.find((r) => r.method === 'PUT' && r.url === '/api/email-templates/tpl-merci');
    expect(put?.body).toMatchObject({
      name: 'Merci pour votre commande',
      subject: 'Commande {{trigger.orderNumber}} payée',
    });
    expect(put?.body).not.toHaveProperty('id');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the test endpoint and shows the simulated timeline with Zurich dates and the rendered email', async () => {
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await inBuilder(page, '[data-testid="tab-test"]').click();
    await inBuilder(page, '[data-testid="run-test"]').click();
    await expect.poll(() => inBuilder(page, '[data-testid="timeline-entry"]').count()).toBe(3);
    const request = env.server.requests.find((r) => r.url === '/api/automations/auto-1/test');
    expect(request?.body).toMatchObject({ automation: { id: 'auto-1' }, sampleData: { orderNumber: '1042' } });
    const email = inBuilder(page, '[data-testid="timeline-entry"][data-node-id="send-email-1"]');
    // 2026-03-02T08:00Z + 2 days is 4 March, 09:00 in Zurich (CET).
    expect(await email.locator('time').textContent()).toMatch(/04\.03\.2026.*09:00/);
    expect(await email.locator('[data-testid="timeline-email"] strong').textContent()).toBe('Merci Léa');
    await expect.poll(() => inBuilder(page, '[data-testid="timeline-badge"]').count()).toBe(3);
    expect(
      await inBuilder(page, '.swigs-flow__node[data-id="send-email-1"] [data-testid="timeline-badge"]').textContent(),
    ).toMatch(/04\.03\.2026/);
    await page.screenshot({ path: `${resultsDir}/builder-test-panel.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a run read-only: executed path, statuses, input, output and error per node', async () => {
    const automation = sampleAutomation();
    const at = '2026-03-02T08:00:00.000Z';
    const run = {
      id: 'run-1',
      userId: 'user-1',
      automationId: 'auto-1',
      automationVersion: 1,
      triggerType: 'order.paid',
      status: 'failed',
      currentNodeId: null,
      queue: [],
      outputs: {},
      triggerData: { orderNumber: '1042' },
      scheduledAt: null,
      error: 'send_email: SMTP 550',
      attempt: 0,
      steps: 3,
      leaseOwner: null,
      leaseUntil: null,
      createdAt: at,
      updatedAt: at,
      startedAt: at,
      completedAt: at,
      executionLog: [
        {
          nodeId: 'wait-1',
          nodeType: 'wait',
          startedAt: at,
          completedAt: at,
          status: 'success',
          output: { waitUntil: '2026-03-04T08:00:00.000Z' },
          error: null,
        },
        {
          nodeId: 'condition-1',
          nodeType: 'condition',
          startedAt: at,
          completedAt: at,
          status: 'success',
          branch: 'true',
          output: { result: true },
          error: null,
        },
        {
          nodeId: 'send-email-1',
          nodeType: 'send_email',
          startedAt: at,
          completedAt: at,
          status: 'failed',
          input: { to: 'lea@example.ch' },
          error: 'SMTP 550 mailbox unavailable',
        },
      ],
    };
    const { page, errors } = await openBuilder(env.browser, env.server, { automation });
    await page.evaluate((value) => {
      (document.querySelector('swigs-automation-builder') as unknown as { run: unknown }).run = value;
    }, run);
    await expect
      .poll(() => inBuilder(page, '.swigs-flow__node[data-id="send-email-1"]').getAttribute('data-status'))
      .toBe('failed');
    expect(await inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').getAttribute('data-status')).toBe('success');
    expect(await inBuilder(page, '[data-testid="edge"].executed').count()).toBe(3);
    expect(await inBuilder(page, '[data-testid="palette"]').count()).toBe(0);
    expect(await inBuilder(page, '[data-testid="edge-insert"]').count()).toBe(0);
    await inBuilder(page, '.swigs-flow__node[data-id="send-email-1"]').click();
    expect(await inBuilder(page, '[data-testid="run-error"]').textContent()).toBe('SMTP 550 mailbox unavailable');
    expect(JSON.parse((await inBuilder(page, '[data-testid="run-input"]').textContent()) ?? 'null')).toEqual({
      to: 'lea@example.ch',
    });
    await inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').click();
    expect(JSON.parse((await inBuilder(page, '[data-testid="run-output"]').textContent()) ?? 'null')).toEqual({
      waitUntil: '2026-03-04T08:00:00.000Z',
    });
    // Read-only: dragging and Delete change nothing.
    const box = await inBuilder(page, '.swigs-flow__node[data-id="wait-1"]').boundingBox();
    if (!box) throw new Error('no node');
    await page.mouse.move(box.x + 20, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + 220, box.y + 110, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.press('Delete');
    expect(await automationOf(page)).toEqual(JSON.parse(JSON.stringify(automation)));
    await page.screenshot({ path: `${resultsDir}/builder-run-view.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves an automation with problems only as an inactive draft, and announces every change', async () => {
    const automation = { ...sampleAutomation(), isActive: true };
    const { page, errors } = await openBuilder(env.browser, env.server, { automation });
    await page.evaluate(() => {
      const w = window as unknown as { events: { type: string; reason?: string; draft?: boolean; active?: boolean }[] };
      w.events = [];
      document.body.addEventListener('swigs-change', (e) =>
        w.events.push({ type: e.type, reason: (e as unknown as { reason: string }).reason }),
      );
      document.body.addEventListener('swigs-save', (e) => {
        const event = e as unknown as { draft: boolean; automation: { isActive: boolean } };
        w.events.push({ type: e.type, draft: event.draft, active: event.automation.isActive });
      });
    });
    await inBuilder(page, '.swigs-flow__node[data-id="send-email-1"]').click();
    await inBuilder(page, '[name="to"]').fill('');
    await expect.poll(() => inBuilder(page, '[data-testid="save"]').textContent()).toContain('brouillon');
    expect(await inBuilder(page, '[data-testid="toggle-active"]').isDisabled()).toBe(true);
    await inBuilder(page, '[data-testid="save"]').click();
    const events = await page.evaluate(() => (window as unknown as { events: unknown[] }).events);
    expect(events).toContainEqual({ type: 'swigs-change', reason: 'config' });
    expect(events.at(-1)).toEqual({ type: 'swigs-save', draft: true, active: false });
    expect(await inBuilder(page, '[data-testid="toast"]').textContent()).toContain('brouillon inactif');
    await inBuilder(page, '[name="to"]').fill('lea@example.ch');
    await inBuilder(page, '[data-testid="toggle-active"]').check();
    await inBuilder(page, '[data-testid="save"]').click();
    expect((await page.evaluate(() => (window as unknown as { events: unknown[] }).events)).at(-1)).toEqual({
      type: 'swigs-save',
      draft: false,
      active: true,
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reports an API error (wrong token) and a malformed run as messages instead of failing', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.origin}/`);
    await page.evaluate((origin) => {
      (document.querySelector('swigs-automation-builder') as unknown as { client: unknown }).client = {
        baseUrl: origin,
        token: 'wrong',
      };
    }, env.server.origin);
    await expect.poll(() => inBuilder(page, '[data-testid="load-error"]').textContent()).toContain('401');
    // A malformed run is refused with a message, not drawn.
    await page.evaluate(() => {
      (document.querySelector('swigs-automation-builder') as unknown as { run: unknown }).run = {
        id: 'r',
        executionLog: 'nope',
      };
    });
    await expect.poll(() => inBuilder(page, '[data-testid="load-error"]').textContent()).toMatch(/^run: /);
    expect(
      await page.evaluate(
        () => (document.querySelector('swigs-automation-builder') as unknown as { run: unknown }).run,
      ),
    ).toBeUndefined();
    await page.close();
  });
});
