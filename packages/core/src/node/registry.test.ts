import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode } from './define-node';
import { createRegistry } from './registry';

const paid = defineNode({
  type: 'order.paid',
  kind: 'trigger',
  version: 1,
  title: { fr: 'Commande payée', en: 'Order paid' },
  category: 'cms',
  configSchema: z.object({ siteId: z.string().optional() }),
  sampleOutput: { order: { id: 'o1', total: 100 } },
});
const email = defineNode({
  type: 'send_email',
  kind: 'action',
  version: 2,
  title: { fr: 'E-mail', en: 'Email' },
  configSchema: z.object({ to: z.string(), subject: z.string().default('Merci') }),
  templateFields: ['subject'],
  execute: () => ({}),
});

describe('createRegistry', () => {
  it('looks nodes up by type and lists them in order', () => {
    const registry = createRegistry([paid, email]);
    expect(registry.get('send_email')).toBe(email);
    expect(registry.has('order.paid')).toBe(true);
    expect(registry.has('nope')).toBe(false);
    expect(registry.get('nope')).toBeUndefined();
    expect(registry.list().map((n) => n.type)).toEqual(['order.paid', 'send_email']);
  });

  it('rejects a duplicate type at once', () => {
    expect(() => createRegistry([paid, email, paid])).toThrow('node type "order.paid": registered twice');
  });

  it('checks definitions that did not go through defineNode', () => {
    expect(() => createRegistry([{ ...email, type: 'bad type' } as never])).toThrow(/type must match/);
    expect(() => createRegistry('nodes' as never)).toThrow(/expects an array/);
  });

  it('describes each node with the JSON Schema of its config input', () => {
    const registry = createRegistry([paid, email]);
    const [trigger, action] = registry.describe();
    expect(trigger).toMatchObject({ type: 'order.paid', kind: 'trigger', category: 'cms', outputs: ['default'] });
    expect(trigger?.sampleOutput).toEqual({ order: { id: 'o1', total: 100 } });
    expect(action?.configJsonSchema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { to: { type: 'string' }, subject: { type: 'string', default: 'Merci' } },
      required: ['to'],
    });
    expect(action?.templateFields).toEqual(['subject']);
  });

  it('computes descriptors once and hands out copies', () => {
    const registry = createRegistry([paid, email]);
    const first = registry.describe();
    const second = registry.describe();
    expect(first[1]?.configJsonSchema).toBe(second[1]?.configJsonSchema);
    (first as { type: string }[])[0]!.type = 'changed';
    expect(registry.describe()[0]?.type).toBe('order.paid');
  });
});
