import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRegistry } from '../node/registry';
import { defineNode } from '../node/define-node';
import { fieldMeta, openRecord, openValue } from '../node/output-shape';
import { analyzeVariables, validateAutomation, validateWithVariables } from './validate-automation';
import { createVariableScope } from './variable-scope';

const hook = defineNode({
  type: 'hook',
  kind: 'trigger',
  version: 1,
  title: { fr: 'Webhook reçu', en: 'Webhook received' },
  configSchema: z.object({}),
  outputSchema: z.object({
    method: z.string(),
    query: z.record(z.string(), z.string()),
    body: openValue(),
    receivedAt: z.union([z.iso.datetime({ offset: true }), z.date()]),
  }),
  sampleOutput: { method: 'POST', query: {}, body: { event: 'ping' }, receivedAt: '2026-03-02T10:00:00.000Z' },
});

const manual = defineNode({
  type: 'manual',
  kind: 'trigger',
  version: 1,
  title: { fr: 'Manuel', en: 'Manual' },
  configSchema: z.object({}),
  outputSchema: openRecord(),
  sampleOutput: { note: 'Relance' },
});

const order = defineNode({
  type: 'order.paid',
  kind: 'trigger',
  version: 1,
  title: { fr: 'Commande payée', en: 'Order paid' },
  configSchema: z.object({}),
  outputSchema: z.object({
    status: z
      .string()
      .meta(fieldMeta({ fr: 'Statut', en: 'Status' }, [{ value: 'paid', label: { fr: 'payée', en: 'paid' } }])),
    total: z.number(),
    items: z.array(z.object({ sku: z.string() })),
  }),
  sampleOutput: { status: 'paid', total: 12.5, items: [{ sku: 'TEE' }] },
});

/** A transform whose output is exactly its configured fields. */
const transform = defineNode({
  type: 'transform',
  kind: 'action',
  version: 1,
  title: { fr: 'Transformer', en: 'Transform' },
  configSchema: z.object({ fields: z.record(z.string(), z.string()) }),
  outputSchema: (config) => z.object(Object.fromEntries(Object.keys(config.fields).map((key) => [key, z.string()]))),
  sampleOutput: { fullName: 'Léa Müller' },
  execute: () => ({}),
});

/** A node that reads one variable and reports it when this step cannot read it. */
const reader = defineNode({
  type: 'reader',
  kind: 'action',
  version: 1,
  title: { fr: 'Lecteur', en: 'Reader' },
  configSchema: z.object({ path: z.string() }),
  messages: { unknown_path: { fr: 'chemin inconnu « {path} »', en: 'unknown path "{path}"' } },
  validate: ({ config, isKnown }) =>
    isKnown(config.path)
      ? []
      : [{ path: ['path'], code: 'unknown_path', message: 'unknown', params: { path: config.path } }],
  execute: () => ({}),
});

/** An old-style node: no output schema, its sample is its output. */
const legacy = defineNode({
  type: 'legacy',
  kind: 'action',
  version: 1,
  title: { fr: 'Ancien', en: 'Legacy' },
  configSchema: z.object({}),
  sampleOutput: { id: 'x-1' },
  execute: () => ({}),
});

const registry = createRegistry([hook, manual, order, transform, reader, legacy]);

const automation = (trigger: string, nodes: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'a1',
  userId: 'u1',
  name: 'Essai',
  trigger: { type: trigger, config: {} },
  nodes,
  ...extra,
});
const read = (id: string, path: string, connections: unknown[] = []) => ({
  id,
  type: 'reader',
  config: { path },
  connections,
});

describe('variables from declared outputs', () => {
  it('accepts any path below an open part (a webhook body) and refuses unknown closed paths', () => {
    const ok = automation('hook', [read('r', 'trigger.body.status.code')]);
    expect(validateAutomation(ok, registry)).toEqual([]);
    const bad = automation('hook', [read('r', 'trigger.bodyy.status')]);
    expect(validateAutomation(bad, registry).map((p) => [p.code, p.path, p.message])).toEqual([
      ['unknown_path', ['nodes', 0, 'config', 'path'], 'Step "Reader (r)": unknown path "trigger.bodyy.status".'],
    ]);
    expect(validateAutomation(bad, registry, { lang: 'fr' })[0]?.message).toBe(
      'Étape « Lecteur (r) » : chemin inconnu « trigger.bodyy.status ».',
    );
  });

  it('treats a manual payload as open and a record as open below it', () => {
    expect(validateAutomation(automation('manual', [read('r', 'trigger.total')]), registry)).toEqual([]);
    expect(validateAutomation(automation('hook', [read('r', 'trigger.query.page')]), registry)).toEqual([]);
  });

  it('exposes exactly a transform’s configured fields to later steps', () => {
    const nodes = (path: string) => [
      {
        id: 't',
        type: 'transform',
        config: { fields: { ref: 'R-{{trigger.total}}' } },
        connections: [{ targetId: 'r' }],
      },
      read('r', path),
    ];
    expect(validateAutomation(automation('order.paid', nodes('nodes.t.ref')), registry)).toEqual([]);
    expect(validateAutomation(automation('order.paid', nodes('nodes.t.fullName')), registry)).toHaveLength(1);
  });

  it('accepts any list index and a list’s length, nothing unknown below an element', () => {
    for (const path of ['trigger.items.3.sku', 'trigger.items[0].sku', 'trigger.items.length', 'trigger.items']) {
      expect(validateAutomation(automation('order.paid', [read('r', path)]), registry), path).toEqual([]);
    }
    expect(validateAutomation(automation('order.paid', [read('r', 'trigger.items.0.price')]), registry)).toHaveLength(
      1,
    );
  });

  it('keeps a node without an output schema to the paths of its sample', () => {
    const nodes = (path: string) => [{ id: 'l', type: 'legacy', connections: [{ targetId: 'r' }] }, read('r', path)];
    expect(validateAutomation(automation('order.paid', nodes('nodes.l.id')), registry)).toEqual([]);
    expect(validateAutomation(automation('order.paid', nodes('nodes.l.other')), registry)).toHaveLength(1);
  });
});

describe('analyzeVariables', () => {
  it('lists what each step can read, with types, labels, known values and samples', () => {
    const doc = automation('order.paid', [
      { id: 't', type: 'transform', config: { fields: { ref: 'x' } }, connections: [{ targetId: 'r' }] },
      read('r', 'nodes.t.ref'),
    ]);
    const variables = analyzeVariables(doc, registry);
    expect(Object.keys(variables).sort()).toEqual(['$trigger', 'r', 't']);
    expect(variables.$trigger?.map((v) => v.path)).toEqual([
      'trigger',
      'trigger.status',
      'trigger.total',
      'trigger.items',
      'trigger.items.0',
      'trigger.items.0.sku',
    ]);
    expect(variables.$trigger?.find((v) => v.path === 'trigger.status')).toEqual({
      path: 'trigger.status',
      type: 'string',
      label: { fr: 'Statut', en: 'Status' },
      enum: [{ value: 'paid', label: { fr: 'payée', en: 'paid' } }],
      sample: 'paid',
    });
    expect(variables.t?.some((v) => v.path.startsWith('nodes.'))).toBe(false);
    expect(variables.r?.filter((v) => v.path.startsWith('nodes.'))).toEqual([
      { path: 'nodes.t', type: 'object' },
      { path: 'nodes.t.ref', type: 'string' },
    ]);
  });

  it('takes the automation’s sample data: its values and the paths below open parts', () => {
    const doc = automation('manual', [read('r', 'trigger.total')], {
      sampleData: { total: 129.5, customer: { email: 'lea@example.ch' }, when: '2026-03-02' },
    });
    const trigger = analyzeVariables(doc, registry).$trigger;
    expect(trigger?.find((v) => v.path === 'trigger')).toMatchObject({ open: true, type: 'object' });
    expect(trigger?.find((v) => v.path === 'trigger.total')).toEqual({
      path: 'trigger.total',
      type: 'number',
      sample: 129.5,
    });
    expect(trigger?.find((v) => v.path === 'trigger.customer.email')?.sample).toBe('lea@example.ch');
    expect(trigger?.find((v) => v.path === 'trigger.when')?.type).toBe('date');
    expect(trigger?.some((v) => v.path === 'trigger.note')).toBe(false);
  });

  it('answers problems and variables from one analysis', () => {
    const result = validateWithVariables(automation('hook', [read('r', 'trigger.receivedAt')]), registry);
    expect(result.problems).toEqual([]);
    expect(result.variables.r?.find((v) => v.path === 'trigger.receivedAt')?.type).toBe('date');
    expect(result.variables.r?.find((v) => v.path === 'trigger.body')).toMatchObject({ open: true });
  });
});

describe('createVariableScope', () => {
  it('knows listed paths, their ancestors and everything below open parts', () => {
    const scope = createVariableScope([
      { path: 'trigger.items.0.sku', type: 'string' },
      { path: 'trigger.items', type: 'array' },
      { path: 'trigger.body', open: true },
    ]);
    expect(
      ['trigger', 'trigger.items', 'trigger.items.7.sku', 'trigger.items.*.sku', 'trigger.items.length'].every(
        scope.has,
      ),
    ).toBe(true);
    expect(scope.has('trigger.body.a.b.c')).toBe(true);
    expect(scope.has('trigger.items.0.name')).toBe(false);
    expect(scope.has('trigger.bodyx')).toBe(false);
  });
});
