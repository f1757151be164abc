import { describe, expect, it } from 'vitest';
import { lookup, sampleAutomation } from '../../test/fixtures';
import { extractVariablePaths, insertVariable, upstreamNodeIds, variablesFor } from './variables';

describe('variables', () => {
  it('extracts every dot path of a sample, arrays through index 0', () => {
    const paths = extractVariablePaths(
      { customer: { email: 'a@b.ch' }, items: [{ sku: 'X' }], total: 3 },
      'trigger',
    ).map((v) => v.path);
    expect(paths).toEqual([
      'trigger.customer',
      'trigger.customer.email',
      'trigger.items',
      'trigger.items.0',
      'trigger.items.0.sku',
      'trigger.total',
    ]);
  });

  it('offers the trigger and upstream nodes only, nearest first', () => {
    const automation = sampleAutomation();
    expect(upstreamNodeIds(automation, 'send-email-1')).toEqual(['trigger', 'condition-1', 'wait-1']);
    const groups = variablesFor(automation, 'send-email-1', lookup);
    expect(groups.map((g) => g.source)).toEqual(['trigger', 'condition-1', 'wait-1']);
    expect(groups[0]?.variables.map((v) => v.path)).toContain('trigger.customer.email');
    expect(groups[1]?.variables.map((v) => v.path)).toEqual(['nodes.condition-1.result']);
    expect(variablesFor(automation, 'wait-1', lookup).map((g) => g.source)).toEqual(['trigger']);
  });

  it('inserts {{path}} at the caret, replacing the selection', () => {
    expect(insertVariable('Bonjour !', 'trigger.customer.firstName', 8)).toEqual({
      text: 'Bonjour {{trigger.customer.firstName}}!',
      caret: 38,
    });
    expect(insertVariable('Bonjour X', 'a.b', 8, 9)).toEqual({ text: 'Bonjour {{a.b}}', caret: 15 });
  });

  it('inserts after an expression when the caret is inside it, never splitting it', () => {
    expect(insertVariable('Merci {{trigger.customer.firstName}} !', 'trigger.orderNumber', 12).text).toBe(
      'Merci {{trigger.customer.firstName}}{{trigger.orderNumber}} !',
    );
  });
});
