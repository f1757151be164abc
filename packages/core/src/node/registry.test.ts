import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode } from './define-node';
import { openRecord, openValue } from './output-shape';
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

describe('output shapes in the catalogue', () => {
  it('describes a static output as JSON Schema, open parts marked, and a config-derived one as open', () => {
    const hook = defineNode({
      type: 'hook',
      kind: 'trigger',
      version: 1,
      title: { fr: 'Webhook', en: 'Webhook' },
      configSchema: z.object({}),
      outputSchema: z.object({ method: z.string(), body: openValue(), query: openRecord() }),
      messages: { odd: { fr: 'bizarre', en: 'odd' } },
    });
    const shaped = defineNode({
      type: 'shaped',
      kind: 'action',
      version: 1,
      title: { fr: 'Formé', en: 'Shaped' },
      configSchema: z.object({ keys: z.array(z.string()) }),
      outputSchema: (config) => z.object(Object.fromEntries(config.keys.map((key) => [key, z.string()]))),
      execute: () => ({}),
    });
    const [first, second] = createRegistry([hook, shaped]).describe();
    expect(first?.outputJsonSchema).toEqual({
      type: 'object',
      properties: {
        method: { type: 'string' },
        body: { 'x-swigs-open': true },
        query: {
          type: 'object',
          propertyNames: { type: 'string' },
          additionalProperties: {},
          'x-swigs-open': true,
        },
      },
      required: ['method', 'body', 'query'],
      additionalProperties: false,
    });
    expect(first?.messages).toEqual({ odd: { fr: 'bizarre', en: 'odd' } });
    expect(second?.outputJsonSchema).toEqual({
      type: 'object',
      additionalProperties: true,
      'x-swigs-open': true,
      'x-swigs-from-config': true,
    });
  });

  it('rejects an output schema that is neither a zod schema nor a function, and bad messages', () => {
    const base = {
      type: 'x',
      kind: 'action' as const,
      version: 1,
      title: { fr: 'X', en: 'X' },
      configSchema: z.object({}),
      execute: () => ({}),
    };
    expect(() => defineNode({ ...base, outputSchema: { type: 'object' } as never })).toThrow(/outputSchema must be/);
    expect(() => defineNode({ ...base, messages: { a: { fr: 'a' } } as never })).toThrow(/messages\.a\.en/);
  });
});
