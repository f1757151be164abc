import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '../errors/swigs-error';
import { evaluateCondition, isEmpty } from './evaluate-condition';
import { ConditionGroupSchema, ConditionRuleSchema, type ConditionRule } from './schema';

const data = {
  trigger: {
    status: 'Paid',
    total: 129.5,
    totalText: '129.50',
    quantity: '7',
    zip: '007',
    paid: true,
    paidText: 'TRUE',
    note: '',
    tags: ['VIP', 'newsletter', 3],
    items: [{ sku: 'TEE-01', qty: 2 }],
    customer: { email: 'Anna@Example.ch', address: {} },
    createdAt: '2026-03-01T08:00:00Z',
    paidOn: '2026-03-02',
    localTime: '2026-03-01T09:00:00',
    when: new Date('2026-03-01T08:00:00Z'),
    nothing: null,
    zero: 0,
    list: [],
  },
  nodes: { n1: { status: 'sent' } },
};

const rule = (
  field: string,
  operator: ConditionRule['operator'],
  value?: unknown,
  caseSensitive?: boolean,
): ConditionRule => ({
  field,
  operator,
  value,
  ...(caseSensitive === undefined ? {} : { caseSensitive }),
});
const check = (r: ConditionRule): boolean => evaluateCondition(r, data);
const evaluationMessage = (r: ConditionRule): string => {
  try {
    check(r);
  } catch (error) {
    expect(hasErrorCode(error, 'EVALUATION_ERROR')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected an EvaluationError');
};

describe('equals and not_equals', () => {
  it('compares text case-insensitively by default', () => {
    expect(check(rule('trigger.status', 'equals', 'paid'))).toBe(true);
    expect(check(rule('trigger.status', 'not_equals', 'paid'))).toBe(false);
    expect(check(rule('trigger.customer.email', 'equals', 'anna@example.ch'))).toBe(true);
  });

  it('compares text exactly when caseSensitive is true', () => {
    expect(check(rule('trigger.status', 'equals', 'paid', true))).toBe(false);
    expect(check(rule('trigger.status', 'equals', 'Paid', true))).toBe(true);
    expect(check(rule('trigger.status', 'not_equals', 'paid', true))).toBe(true);
  });

  it('compares numbers with numeric strings both ways', () => {
    expect(check(rule('trigger.total', 'equals', '129.50'))).toBe(true);
    expect(check(rule('trigger.totalText', 'equals', 129.5))).toBe(true);
    expect(check(rule('trigger.quantity', 'equals', 7))).toBe(true);
    expect(check(rule('trigger.total', 'equals', ' 129.5 '))).toBe(true);
    expect(check(rule('trigger.total', 'not_equals', 130))).toBe(true);
  });

  it('compares two strings as text, so leading zeros matter', () => {
    expect(check(rule('trigger.zip', 'equals', '7'))).toBe(false);
    expect(check(rule('trigger.zip', 'equals', '007'))).toBe(true);
  });

  it('compares ISO dates as instants, date-times without offset as UTC', () => {
    expect(check(rule('trigger.createdAt', 'equals', '2026-03-01T09:00:00+01:00'))).toBe(true);
    expect(check(rule('trigger.when', 'equals', '2026-03-01T08:00:00.000Z'))).toBe(true);
    expect(check(rule('trigger.createdAt', 'equals', data.trigger.when))).toBe(true);
    expect(check(rule('trigger.localTime', 'equals', '2026-03-01T09:00:00Z'))).toBe(true);
    expect(check(rule('trigger.paidOn', 'equals', '2026-03-02T00:00:00Z'))).toBe(true);
  });

  it('compares booleans with booleans and the strings true/false', () => {
    expect(check(rule('trigger.paid', 'equals', true))).toBe(true);
    expect(check(rule('trigger.paid', 'equals', 'true'))).toBe(true);
    expect(check(rule('trigger.paidText', 'equals', true))).toBe(true);
    expect(check(rule('trigger.paid', 'equals', false))).toBe(false);
  });

  it('treats null and a missing field as equal to each other and to nothing else', () => {
    expect(check(rule('trigger.nothing', 'equals', null))).toBe(true);
    expect(check(rule('trigger.absent', 'equals', null))).toBe(true);
    expect(check(rule('trigger.absent', 'equals', undefined))).toBe(true);
    expect(check(rule('trigger.absent', 'equals', 'paid'))).toBe(false);
    expect(check(rule('trigger.absent', 'not_equals', 'paid'))).toBe(true);
    expect(check(rule('trigger.status', 'equals', null))).toBe(false);
  });

  it('compares lists and objects by content', () => {
    expect(check(rule('trigger.items', 'equals', [{ sku: 'tee-01', qty: '2' }]))).toBe(true);
    expect(check(rule('trigger.items', 'equals', [{ sku: 'TEE-01' }]))).toBe(false);
    expect(check(rule('trigger.customer.address', 'equals', {}))).toBe(true);
    expect(check(rule('trigger.tags', 'equals', ['vip']))).toBe(false);
  });

  it('throws on incomparable pairs instead of returning false', () => {
    expect(evaluationMessage(rule('trigger.total', 'equals', 'abc'))).toBe(
      'condition "trigger.total equals": number 129.5 cannot be compared with text "abc"',
    );
    expect(evaluationMessage(rule('trigger.paid', 'equals', 1))).toContain(
      'boolean true cannot be compared with number 1',
    );
    expect(evaluationMessage(rule('trigger.tags', 'equals', 'VIP'))).toContain('a list (3 items) cannot be compared');
    expect(evaluationMessage(rule('trigger.customer', 'equals', 'x'))).toContain('an object cannot be compared');
    expect(evaluationMessage(rule('trigger.when', 'equals', 'yesterday'))).toContain('date 2026-03-01T08:00:00.000Z');
    expect(evaluationMessage(rule('trigger.status', 'not_equals', 3))).toContain(
      'text "Paid" cannot be compared with number 3',
    );
  });
});

describe('greater_than and less_than', () => {
  it('orders numbers and numeric strings numerically', () => {
    expect(check(rule('trigger.total', 'greater_than', 100))).toBe(true);
    expect(check(rule('trigger.total', 'greater_than', '129.5'))).toBe(false);
    expect(check(rule('trigger.quantity', 'greater_than', '10'))).toBe(false);
    expect(check(rule('trigger.quantity', 'less_than', '10'))).toBe(true);
    expect(check(rule('trigger.zero', 'less_than', -1))).toBe(false);
    expect(check(rule('trigger.items.0.qty', 'greater_than', 1))).toBe(true);
  });

  it('orders dates as instants', () => {
    expect(check(rule('trigger.createdAt', 'less_than', '2026-03-02'))).toBe(true);
    expect(check(rule('trigger.paidOn', 'greater_than', '2026-03-01T23:59:59Z'))).toBe(true);
    expect(check(rule('trigger.when', 'greater_than', new Date('2026-03-01T07:59:59Z')))).toBe(true);
    expect(check(rule('trigger.when', 'less_than', '2026-03-01T08:00:00Z'))).toBe(false);
  });

  it('orders text by code point after case folding unless caseSensitive', () => {
    expect(check(rule('trigger.status', 'greater_than', 'apple'))).toBe(true);
    expect(check(rule('trigger.status', 'greater_than', 'b', true))).toBe(false);
    expect(check(rule('trigger.status', 'less_than', 'PAID'))).toBe(false);
  });

  it('throws when a value is missing, boolean, a list or not a number', () => {
    expect(evaluationMessage(rule('trigger.absent', 'greater_than', 3))).toBe(
      'condition "trigger.absent greater_than": a missing value (undefined) cannot be ordered with number 3',
    );
    expect(evaluationMessage(rule('trigger.paid', 'greater_than', false))).toContain('cannot be ordered');
    expect(evaluationMessage(rule('trigger.tags', 'less_than', 3))).toContain('a list (3 items)');
    expect(evaluationMessage(rule('trigger.total', 'less_than', 'lots'))).toContain('text "lots"');
    expect(evaluationMessage(rule('trigger.nothing', 'less_than', 1))).toContain('null cannot be ordered');
    expect(evaluationMessage(rule('trigger.createdAt', 'less_than', 5))).toContain('cannot be ordered');
  });

  it('compares an impossible calendar date as text, as the README documents, never as a rolled-over date', () => {
    // As dates, 2026-02-30 would roll over to March 2 and equal trigger.paidOn (2026-03-02).
    expect(check(rule('trigger.paidOn', 'equals', '2026-02-30'))).toBe(false);
    expect(check(rule('trigger.paidOn', 'greater_than', '2026-02-30'))).toBe(true);
    expect(check(rule('trigger.paidOn', 'less_than', '2026-02-30'))).toBe(false);
    expect(evaluateCondition(rule('trigger.due', 'equals', '2026-02-30'), { trigger: { due: '2026-02-30' } })).toBe(
      true,
    );
    expect(evaluateCondition(rule('trigger.due', 'less_than', '2026-02-31'), { trigger: { due: '2026-02-30' } })).toBe(
      true,
    );
    // Against a Date value it stays incomparable: text is not an instant.
    expect(evaluationMessage(rule('trigger.when', 'equals', '2026-02-30'))).toContain('cannot be compared');
  });
});

describe('contains', () => {
  it('finds a substring, case-insensitive by default', () => {
    expect(check(rule('trigger.customer.email', 'contains', '@example.CH'))).toBe(true);
    expect(check(rule('trigger.customer.email', 'contains', '@example.CH', true))).toBe(false);
    expect(check(rule('trigger.totalText', 'contains', 129))).toBe(true);
    expect(check(rule('trigger.status', 'contains', ''))).toBe(true);
  });

  it('finds an element of a list with equals semantics', () => {
    expect(check(rule('trigger.tags', 'contains', 'vip'))).toBe(true);
    expect(check(rule('trigger.tags', 'contains', 'vip', true))).toBe(false);
    expect(check(rule('trigger.tags', 'contains', '3'))).toBe(true);
    expect(check(rule('trigger.tags', 'contains', 'promo'))).toBe(false);
    expect(check(rule('trigger.items', 'contains', { sku: 'tee-01', qty: 2 }))).toBe(true);
    expect(check(rule('trigger.list', 'contains', 'x'))).toBe(false);
  });

  it('is false on a missing field', () => {
    expect(check(rule('trigger.absent', 'contains', 'x'))).toBe(false);
    expect(check(rule('trigger.nothing', 'contains', 'x'))).toBe(false);
  });

  it('throws on a number or object container, or a non-text needle in text', () => {
    expect(evaluationMessage(rule('trigger.total', 'contains', 1))).toBe(
      'condition "trigger.total contains": contains needs text or a list, got number 129.5',
    );
    expect(evaluationMessage(rule('trigger.customer', 'contains', 'a'))).toContain('got an object');
    expect(evaluationMessage(rule('trigger.status', 'contains', { a: 1 }))).toContain('text can only contain');
    expect(evaluationMessage(rule('trigger.status', 'contains', undefined))).toContain('a missing value');
  });
});

describe('is_empty and is_not_empty', () => {
  it.each([
    ['trigger.note', true],
    ['trigger.nothing', true],
    ['trigger.absent', true],
    ['trigger.list', true],
    ['trigger.customer.address', true],
    ['trigger.zero', false],
    ['trigger.paid', false],
    ['trigger.when', false],
    ['trigger.tags', false],
    ['trigger.status', false],
  ])('%s is empty: %s', (field, empty) => {
    expect(check(rule(field, 'is_empty'))).toBe(empty);
    expect(check(rule(field, 'is_not_empty'))).toBe(!empty);
  });

  it('does not count whitespace or false as empty', () => {
    expect(isEmpty(' ')).toBe(false);
    expect(isEmpty(false)).toBe(false);
    expect(isEmpty(Object.create(null))).toBe(true);
  });
});

describe('dot paths', () => {
  it('reads list indexes and earlier nodes outputs', () => {
    expect(check(rule('trigger.items.0.sku', 'equals', 'TEE-01'))).toBe(true);
    expect(check(rule('trigger.items.1.sku', 'is_empty'))).toBe(true);
    expect(check(rule('nodes.n1.status', 'equals', 'sent'))).toBe(true);
  });

  it('never walks into prototypes', () => {
    expect(check(rule('trigger.constructor', 'is_empty'))).toBe(true);
    expect(check(rule('trigger.__proto__', 'is_empty'))).toBe(true);
    expect(check(rule('trigger.status.length', 'is_empty'))).toBe(true);
  });
});

describe('groups', () => {
  it('combines with all and any, nested', () => {
    const group = ConditionGroupSchema.parse({
      combinator: 'all',
      conditions: [
        { field: 'trigger.status', operator: 'equals', value: 'paid' },
        {
          combinator: 'any',
          conditions: [
            { field: 'trigger.total', operator: 'greater_than', value: 1000 },
            { field: 'trigger.tags', operator: 'contains', value: 'vip' },
          ],
        },
      ],
    });
    expect(evaluateCondition(group, data)).toBe(true);
    expect(
      evaluateCondition({ ...group, combinator: 'any' }, { trigger: { status: 'open', tags: [], total: 1 } }),
    ).toBe(false);
  });

  it('is true for an empty all group and false for an empty any group', () => {
    expect(evaluateCondition({ combinator: 'all', conditions: [] }, data)).toBe(true);
    expect(evaluateCondition({ combinator: 'any', conditions: [] }, data)).toBe(false);
  });

  it('stops at the first decisive entry so guards protect later comparisons', () => {
    const guarded = {
      combinator: 'all' as const,
      conditions: [rule('trigger.absent', 'is_not_empty'), rule('trigger.absent', 'greater_than', 3)],
    };
    expect(evaluateCondition(guarded, data)).toBe(false);
    const unguarded = { combinator: 'all' as const, conditions: [rule('trigger.absent', 'greater_than', 3)] };
    expect(() => evaluateCondition(unguarded, data)).toThrow(/cannot be ordered/);
  });

  it('rejects malformed conditions with an evaluation error', () => {
    expect(() => evaluateCondition({ combinator: 'some' } as never, data)).toThrow(/conditions must be an array/);
    expect(() => evaluateCondition({ combinator: 'some', conditions: [] } as never, data)).toThrow(/combinator/);
    expect(() => evaluateCondition({ field: 'a', operator: 'matches' } as never, data)).toThrow(/unknown operator/);
    expect(() => evaluateCondition(null as never, data)).toThrow(/rule or a group/);
  });
});

describe('schemas', () => {
  it('defaults caseSensitive to false and rejects unknown operators', () => {
    expect(ConditionRuleSchema.parse({ field: 'a', operator: 'equals', value: 1 }).caseSensitive).toBe(false);
    expect(ConditionRuleSchema.safeParse({ field: 'a', operator: 'like' }).success).toBe(false);
    expect(
      ConditionGroupSchema.safeParse({ combinator: 'all', conditions: [{ combinator: 'any', conditions: [{}] }] })
        .success,
    ).toBe(false);
  });
});
