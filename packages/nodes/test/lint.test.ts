import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as nodes from '../src/index';

const { allNodes, createDefaultRegistry, triggerPayloadSchemas } = nodes;
const root = fileURLToPath(new URL('..', import.meta.url));

/** Every test file of this package and the adapters' mail/sms tests (which run nodes through the engine). */
function testSources(): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts') && entry.name !== 'lint.test.ts') files.push(path);
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'test'));
  for (const name of readdirSync(join(root, '../adapters/test'))) {
    if (/^(mail|sms)-.*\.test\.ts$/.test(name)) files.push(join(root, '../adapters/test', name));
  }
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

/** A valid config of the nodes whose output comes from their config, matching their sampleOutput. */
const sampleConfigs: Record<string, unknown> = {
  transform: {
    fields: { fullName: '{{trigger.customer.firstName}}', totalLabel: '{{currency trigger.total}}' },
    coerce: false,
  },
  'time.delay': { event: 'order.delivered', duration: 3, unit: 'days', timezone: 'Europe/Zurich' },
};

const exportNames = new Map<unknown, string>(Object.entries(nodes).map(([name, value]) => [value, name]));

describe('every shipped node', () => {
  const sources = testSources();

  it('has unique types and is accepted by the registry', () => {
    const types = allNodes.map((n) => n.type);
    expect(new Set(types).size).toBe(types.length);
    const registry = createDefaultRegistry();
    expect(
      registry
        .list()
        .map((n) => n.type)
        .sort(),
    ).toEqual([...types].sort());
    expect(registry.describe()).toHaveLength(types.length);
  });

  it('ships exactly the design’s triggers and actions', () => {
    expect(allNodes.map((n) => n.type).sort()).toEqual(
      [
        'order.created',
        'order.paid',
        'order.shipped',
        'order.delivered',
        'customer.created',
        'time.schedule',
        'project.status_changed',
        'invoice.created',
        'invoice.paid',
        'invoice.overdue',
        'manual',
        'webhook.received',
        'send_email',
        'wait',
        'condition',
        'webhook',
        'create_task',
        'update_record',
        'get_record',
        'send_sms',
        'transform',
        'time.delay',
        'respond_webhook',
      ].sort(),
    );
  });

  for (const node of allNodes) {
    describe(node.type, () => {
      it('has French and English titles and descriptions', () => {
        expect(node.title.fr.trim()).not.toBe('');
        expect(node.title.en.trim()).not.toBe('');
        expect(node.description?.fr.trim()).toBeTruthy();
        expect(node.description?.en.trim()).toBeTruthy();
        expect(node.title.fr).not.toBe(node.title.en === 'Condition' ? '' : node.title.en);
      });

      it('has a config schema that converts to JSON Schema', () => {
        const schema = z.toJSONSchema(node.configSchema, { io: 'input' }) as {
          type?: string;
          properties?: Record<string, unknown>;
          $ref?: string;
        };
        expect(schema.type === 'object' || schema.$ref !== undefined).toBe(true);
      });

      it('declares its output, and its sampleOutput matches it', () => {
        expect(node.sampleOutput).toBeDefined();
        expect(node.outputSchema, `${node.type} declares outputSchema`).toBeDefined();
        const schema =
          typeof node.outputSchema === 'function'
            ? node.outputSchema(sampleConfigs[node.type] ?? node.configSchema.parse({}))
            : node.outputSchema;
        const parsed = (schema as z.ZodType).safeParse(node.sampleOutput);
        expect(parsed.error?.issues ?? []).toEqual([]);
        if (node.kind === 'trigger') {
          // Hosts check events with the same schemas before firing them.
          if (!node.delay) expect(triggerPayloadSchemas[node.type]).toBe(node.outputSchema);
          expect(typeof node.matches).toBe('function');
        } else {
          expect(typeof node.execute).toBe('function');
        }
      });

      it('has its execute (or matches, for triggers) exercised by a test', () => {
        const name = exportNames.get(node);
        expect(name, `${node.type} is exported from the package`).toBeDefined();
        // The formatter may break `runNode(` and its first argument across lines.
        const call = node.kind === 'trigger' ? `${name}.matches` : `runNode(${name},`;
        const called = new RegExp(node.kind === 'trigger' ? `${name}\\.matches` : `runNode\\(\\s*${name},`);
        const throughEngine = new RegExp(`type: '${node.type.replace('.', '\\.')}'`);
        expect(
          called.test(sources) || (node.kind !== 'trigger' && throughEngine.test(sources)),
          `${call} in a test`,
        ).toBe(true);
      });

      if (node.templateFields) {
        it('checks its template fields in its validate hook', () => {
          expect(typeof node.validate).toBe('function');
        });
      }
    });
  }
});
