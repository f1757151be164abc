import { describe, expect, it } from 'vitest';
import { createFakeClock } from '@swigs/automation-core';
import { condition, transform, wait } from '../src/index';
import { executeNode as runNode } from '@swigs/automation-core/testing';
import { hookContext } from './hook-context';

describe('wait', () => {
  it('returns waitUntil from the clock and the config', async () => {
    const clock = createFakeClock('2026-03-02T09:00:00Z');
    const result = await runNode(wait, { duration: 2, unit: 'days' }, { clock });
    expect(result.waitUntil?.toISOString()).toBe('2026-03-04T09:00:00.000Z');
    expect(result.output).toEqual({ waitUntil: '2026-03-04T09:00:00.000Z' });
  });

  it('waits in seconds, from one second up', async () => {
    const clock = createFakeClock('2026-03-02T09:00:00Z');
    const result = await runNode(wait, { duration: 5, unit: 'seconds' }, { clock });
    expect(result.waitUntil?.toISOString()).toBe('2026-03-02T09:00:05.000Z');
    expect(wait.configSchema.safeParse({ duration: 1, unit: 'seconds' }).success).toBe(true);
    expect(wait.configSchema.safeParse({ duration: 0, unit: 'seconds' }).error?.issues[0]?.message).toMatch(
      /at least 1 second/,
    );
    expect(wait.configSchema.safeParse({ duration: 0.5, unit: 'seconds' }).success).toBe(false);
  });

  it('rejects a wait with nothing to wait for, a bad time and a bad zone', () => {
    expect(wait.configSchema.safeParse({}).error?.issues[0]?.message).toMatch(
      /positive duration \(at least 1 second\), a time of day or weekdays/,
    );
    expect(wait.configSchema.safeParse({ duration: -3 }).success).toBe(false);
    expect(wait.configSchema.safeParse({ time: '25:00' }).error?.issues[0]?.message).toMatch(/HH:MM/);
    expect(wait.configSchema.safeParse({ duration: 1, timezone: 'Mars/Olympus' }).success).toBe(false);
    expect(wait.configSchema.parse({ duration: 1 })).toEqual({ duration: 1, unit: 'days', timezone: 'Europe/Zurich' });
  });
});

describe('condition', () => {
  it('takes the true branch when all rules hold and false otherwise', async () => {
    const config = {
      combinator: 'all',
      conditions: [
        { field: 'trigger.total', operator: 'greater_than', value: 100 },
        { combinator: 'any', conditions: [{ field: 'trigger.customer.email', operator: 'contains', value: '.ch' }] },
      ],
    };
    const yes = await runNode(condition, config, { data: { trigger: { total: 150, customer: { email: 'a@b.ch' } } } });
    expect(yes).toEqual({ branch: 'true', output: { result: true } });
    const no = await runNode(condition, config, { data: { trigger: { total: 50, customer: { email: 'a@b.ch' } } } });
    expect(no).toEqual({ branch: 'false', output: { result: false } });
    expect(condition.outputs).toEqual(['true', 'false']);
  });

  it('reports rules on fields the trigger does not provide', () => {
    const variables = new Set(['trigger', 'trigger.total', 'trigger.items', 'trigger.items.0', 'trigger.items.0.sku']);
    const config = condition.configSchema.parse({
      combinator: 'any',
      conditions: [
        { field: 'trigger.total', operator: 'greater_than', value: 1 },
        { field: 'trigger.items.0.sku', operator: 'equals', value: 'A' },
        { combinator: 'all', conditions: [{ field: 'trigger.totl', operator: 'is_empty' }] },
      ],
    });
    expect(condition.validate?.(hookContext(config, variables))).toEqual([
      {
        path: ['conditions', 2, 'conditions', 0, 'field'],
        code: 'unknown_variable',
        message: 'conditions.2.conditions.0.field: unknown variable "trigger.totl"',
        params: { variable: 'trigger.totl' },
      },
    ]);
  });
});

describe('transform', () => {
  it('renders each field, escaping nothing since values are data, and coerces when asked', async () => {
    const data = { trigger: { customer: { firstName: 'Léa', lastName: 'Müller' }, total: 1234.5 } };
    const text = await runNode(
      transform,
      {
        fields: {
          fullName: '{{trigger.customer.firstName}} {{trigger.customer.lastName}}',
          label: '{{currency trigger.total}}',
        },
      },
      { data },
    );
    expect(text.output).toEqual({ fullName: 'Léa Müller', label: "CHF 1'234.50" });
    const coerced = await runNode(
      transform,
      { fields: { total: '{{trigger.total}}', vip: 'true' }, coerce: true },
      { data },
    );
    expect(coerced.output).toEqual({ total: 1234.5, vip: true });
  });

  it('reports unknown variables through its validate hook', () => {
    const problems = transform.validate?.(
      hookContext(transform.configSchema.parse({ fields: { a: 'x {{trigger.nope}}' } }), ['trigger', 'trigger.total']),
    );
    expect(problems).toEqual([
      {
        path: ['fields', 'a'],
        code: 'unknown_variable',
        message: 'unknown variable "trigger.nope"',
        params: { variable: 'trigger.nope', line: 1, column: 5 },
      },
    ]);
  });
});
