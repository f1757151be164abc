import { describe, expect, it } from 'vitest';
import { chromiumPath } from '@swigs/test-services/browser';
import type { AutomationRun, ExecutionLogEntry } from '@swigs/automation-core';
import { sampleAutomation } from '../fixtures';
import { automationOf, inBuilder, openBuilder, resultsDir, runStore, setupServerAndBrowser } from './harness';

const env = setupServerAndBrowser();

/** A finished run of the sample automation: order 1042 paid, waited, condition true, the email sent. */
async function storeRun(): Promise<void> {
  const at = new Date('2026-11-26T09:00:00.000Z');
  const entry = (nodeId: string, nodeType: string, extra: Partial<ExecutionLogEntry> = {}): ExecutionLogEntry => ({
    nodeId,
    nodeType,
    startedAt: at,
    completedAt: at,
    status: 'success',
    error: null,
    ...extra,
  });
  const run: AutomationRun = {
    id: 'run-1042',
    userId: 'local',
    automationId: 'auto-1',
    automationVersion: 1,
    triggerType: 'order.paid',
    status: 'completed',
    currentNodeId: null,
    queue: [],
    triggerData: {
      orderNumber: '1042',
      status: 'paid',
      total: 250,
      customer: { id: 'c-7', email: 'zoe@example.ch', firstName: 'Zoé' },
    },
    outputs: {
      'wait-1': { waitedUntil: '2026-11-28T09:00:00.000Z' },
      'condition-1': { result: true },
      'send-email-1': { messageId: '<m-1042@example.ch>', to: 'zoe@example.ch' },
    },
    executionLog: [
      entry('trigger', 'order.paid'),
      entry('wait-1', 'wait'),
      entry('condition-1', 'condition', { branch: 'true' }),
      entry('send-email-1', 'send_email'),
    ],
    scheduledAt: null,
    error: null,
    attempt: 0,
    steps: 4,
    leaseOwner: null,
    leaseUntil: null,
    createdAt: at,
    updatedAt: at,
    startedAt: at,
    completedAt: at,
  };
  await runStore.runs.create(run);
}

describe.skipIf(!chromiumPath)("using a past run's data in the editor", () => {
  it("shows every step's input and output from a chosen run, inserts its fields and tests a step on it", async () => {
    await storeRun();
    const { page, errors } = await openBuilder(env.browser, env.server, { automation: sampleAutomation() });
    await page.setViewportSize({ width: 1440, height: 900 });
    await inBuilder(page, '.swigs-flow__node[data-id="send-email-1"]').click();
    // Before a run is chosen, the input is the automation's sample data.
    await expect.poll(() => inBuilder(page, '[data-testid="step-input"]').textContent()).toMatch(/orderNumber/);

    await inBuilder(page, '[data-testid="use-run-data"]').click();
    const option = inBuilder(page, '[data-testid="run-option"][data-run-id="run-1042"]');
    await option.waitFor({ timeout: 20_000 });
    expect(await option.textContent()).toMatch(/26\.11\.2026.*Terminé/s);
    await option.click();
    await expect
      .poll(() => inBuilder(page, '[data-testid="data-source"]').textContent(), { timeout: 20_000 })
      .toMatch(/Données de l’exécution du .*26\.11\.2026/);
    const input = inBuilder(page, '[data-testid="step-input"]');
    expect(await input.textContent()).toMatch(/"1042"/);
    expect(await input.textContent()).toMatch(/condition-1/);
    expect(await inBuilder(page, '[data-testid="run-output"]').textContent()).toMatch(/m-1042@example\.ch/);
    // The canvas shows where the run went.
    expect(await inBuilder(page, '.swigs-flow__node[data-id="condition-1"]').getAttribute('data-status')).toBe(
      'success',
    );

    // A field of the run's input goes into the focused template field.
    await inBuilder(page, '#cfg-subject').click();
    await inBuilder(page, '[data-testid="json-field"][data-path="trigger.orderNumber"]').click();
    await expect
      .poll(async () => (await automationOf(page)).nodes.find((n) => n.id === 'send-email-1')?.config.subject)
      .toMatch(/\{\{trigger\.orderNumber\}\}/);
    await page.screenshot({ path: `${resultsDir}/builder-run-data.png`, animations: 'disabled' });

    // Another step, tested on the run's data: the server reads the run's trigger data and outputs.
    await inBuilder(page, '.swigs-flow__node[data-id="condition-1"]').click();
    await inBuilder(page, '[data-testid="test-step"]').click();
    await expect
      .poll(() => inBuilder(page, '[data-testid="step-output"]').textContent(), { timeout: 20_000 })
      .toMatch(/true/);
    expect(await inBuilder(page, '[data-testid="step-input"]').textContent()).toMatch(/"1042"/);

    await inBuilder(page, '[data-testid="use-sample-data"]').click();
    await expect.poll(() => inBuilder(page, '[data-testid="use-run-data"]').count()).toBe(1);
    expect(await inBuilder(page, '.swigs-flow__node[data-id="condition-1"]').getAttribute('data-status')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
