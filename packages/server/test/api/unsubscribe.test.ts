import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNSUBSCRIBE_BASE, manualAutomation, startHarness, type Harness } from '../helpers/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('one-click unsubscribe', () => {
  it('records the unsubscription from the link in marketing mail, after which that mail is not sent', async () => {
    const automation = await h.api('POST', '/api/automations', {
      body: manualAutomation({
        nodes: [
          {
            id: 'promo',
            type: 'send_email',
            config: { to: '{{trigger.startedBy}}', subject: 'Nouveautés', body: '<p>Promo</p>', category: 'marketing' },
          },
        ],
      }),
    });
    expect(automation.status).toBe(201);
    const first = await h.api('POST', `/api/automations/${automation.body.id}/run`, {
      body: { payload: { startedBy: 'lea@example.ch' } },
    });
    expect(first.body.status).toBe('completed');
    const message = (await h.api('GET', '/api/outbox')).body.items[0];
    expect(message.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const link = /<([^>]+)>/.exec(message.headers['List-Unsubscribe'])![1]!;
    expect(link.startsWith(`${UNSUBSCRIBE_BASE}/`)).toBe(true);
    const path = link.slice('https://workflow.example.ch'.length);

    const confirm = await h.fetch(path);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('lea@example.ch');
    const tampered = await h.fetch(`${path.slice(0, -2)}xx`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
    });
    expect(tampered.status).toBe(400);

    const oneClick = await h.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    });
    expect(oneClick.status).toBe(204);

    await h.api('POST', `/api/automations/${automation.body.id}/run`, {
      body: { payload: { startedBy: 'lea@example.ch' } },
    });
    expect((await h.api('GET', '/api/outbox')).body.total).toBe(1);
  });
});
