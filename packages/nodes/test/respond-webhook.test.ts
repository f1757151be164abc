import { describe, expect, it } from 'vitest';
import { respondWebhook } from '../src/index';
import { executeNode as runNode } from '@swigs/automation-core/testing';

const trigger = { body: { status: 'paid', name: 'Léa' }, query: {} };

describe('respond_webhook', () => {
  it('renders the body and headers as text, JSON typed when the body is JSON', async () => {
    const text = await runNode(respondWebhook, { body: 'Merci {{trigger.body.name}} <3' }, { data: { trigger } });
    expect(text.output).toEqual({
      status: 200,
      headers: {},
      body: 'Merci Léa <3',
      contentType: 'text/plain; charset=utf-8',
    });
    const json = await runNode(
      respondWebhook,
      { status: 201, body: '{"status":"{{trigger.body.status}}"}', headers: { 'X-Ref': 'r-{{trigger.body.status}}' } },
      { data: { trigger } },
    );
    expect(json.output).toEqual({
      status: 201,
      headers: { 'x-ref': 'r-paid' },
      body: '{"status":"paid"}',
      contentType: 'application/json',
    });
  });

  it('keeps a rendered header on one line and refuses headers the server owns', async () => {
    const result = await runNode(
      respondWebhook,
      { headers: { 'X-Name': '{{trigger.body.name}}' } },
      { data: { trigger: { body: { name: 'a\r\nSet-Cookie: x=1' } } } },
    );
    expect((result.output as { headers: Record<string, string> }).headers['x-name']).toBe('a Set-Cookie: x=1');
    expect(respondWebhook.configSchema.safeParse({ headers: { 'Set-Cookie': 'x' } }).success).toBe(false);
    expect(respondWebhook.configSchema.safeParse({ status: 99 }).success).toBe(false);
    expect(respondWebhook.sideEffects).toBe(false);
  });
});
