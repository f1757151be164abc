import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { hasErrorCode } from '../errors/swigs-error';
import { defineNode } from './define-node';

const valid = {
  type: 'send_email',
  kind: 'action' as const,
  version: 1,
  title: { fr: 'Envoyer un e-mail', en: 'Send an email' },
  configSchema: z.object({ to: z.string().email(), subject: z.string().default('Bonjour') }),
  sampleOutput: { messageId: '<x@swigs.ch>', meta: { tries: [1] } },
  execute: () => ({}),
};

const rejection = (patch: Record<string, unknown>): string => {
  try {
    defineNode({ ...valid, ...patch } as never);
  } catch (error) {
    expect(hasErrorCode(error, 'DEFINITION_INVALID')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected defineNode to throw');
};

describe('defineNode', () => {
  it('returns a deep-frozen plain object with default outputs', () => {
    const node = defineNode(valid);
    expect(Object.isFrozen(node)).toBe(true);
    expect(Object.isFrozen(node.title)).toBe(true);
    expect(Object.isFrozen(node.outputs)).toBe(true);
    expect(Object.isFrozen((node.sampleOutput as { meta: { tries: number[] } }).meta.tries)).toBe(true);
    expect(node.outputs).toEqual(['default']);
    expect(node.configSchema.parse({ to: 'a@b.ch' })).toEqual({ to: 'a@b.ch', subject: 'Bonjour' });
  });

  it('does not freeze the caller objects it was given', () => {
    const sample = { a: { b: 1 } };
    defineNode({ ...valid, sampleOutput: sample });
    expect(Object.isFrozen(sample.a)).toBe(false);
  });

  it('types ctx.config from the schema output', () => {
    defineNode({
      type: 'typed',
      kind: 'action',
      version: 1,
      title: { fr: 'T', en: 'T' },
      configSchema: z.object({ count: z.coerce.number(), label: z.string().default('x') }),
      execute: (ctx) => {
        expectTypeOf(ctx.config).toEqualTypeOf<{ count: number; label: string }>();
        return {};
      },
    });
  });

  it('gives condition nodes exactly true and false outputs', () => {
    const base = { ...valid, type: 'if', kind: 'condition' as const };
    expect(defineNode(base).outputs).toEqual(['true', 'false']);
    expect(defineNode({ ...base, outputs: ['true', 'false'] }).outputs).toEqual(['true', 'false']);
    expect(() => defineNode({ ...base, outputs: ['yes', 'no'] })).toThrow(
      `node type "if": outputs must be exactly ['true', 'false'] for condition nodes`,
    );
    expect(() => defineNode({ ...base, outputs: ['false', 'true'] })).toThrow(/exactly/);
  });

  it('allows triggers without execute but requires it elsewhere', () => {
    const { execute: _execute, ...noExecute } = valid;
    expect(defineNode({ ...noExecute, type: 'order.paid', kind: 'trigger' }).kind).toBe('trigger');
    expect(() => defineNode({ ...noExecute } as never)).toThrow(
      'node type "send_email": execute is required for action nodes',
    );
    expect(() => defineNode({ ...noExecute, kind: 'wait' } as never)).toThrow(/execute is required for wait nodes/);
  });

  it.each([
    [{ type: 'Send Email' }, 'node type "Send Email": type must match'],
    [{ type: '' }, 'type must match'],
    [{ type: 'a..b' }, 'type must match'],
    [{ type: 42 }, 'node type (missing): type must match'],
    [{ type: 'x'.repeat(101) }, 'at most 100 characters'],
    [{ kind: 'loop' }, 'kind must be one of trigger, action, condition, wait (got loop)'],
    [{ version: 0 }, 'version must be a positive integer (got 0)'],
    [{ version: 1.5 }, 'version must be a positive integer'],
    [{ title: { fr: 'Envoyer', en: ' ' } }, 'title.en must be a non-empty string'],
    [{ title: undefined }, 'title is required as { fr, en }'],
    [{ description: { fr: 'x' } }, 'description.en must be a non-empty string'],
    [{ configSchema: { parse: () => ({}) } }, 'configSchema must be a zod schema'],
    [
      { configSchema: z.object({ at: z.date() }) },
      'configSchema cannot be converted to JSON Schema: Date cannot be represented',
    ],
    [{ outputs: ['out'] }, "outputs must be ['default'] for action nodes"],
    [{ validate: 'run' }, 'validate must be a function'],
    [{ matches: () => true }, 'matches is only for trigger nodes'],
    [{ timeoutMs: -1 }, 'timeoutMs must be a positive number'],
    [{ retry: { retries: -1 } }, 'retry.retries must be a non-negative integer'],
    [{ retry: 3 }, 'retry must be false or'],
    [{ templateFields: [''] }, 'templateFields must be an array of non-empty strings'],
    [{ sampleOutput: { fn: () => 1 } }, 'sampleOutput must be plain data'],
  ])('rejects %j naming the field', (patch, message) => {
    expect(rejection(patch)).toContain(message);
  });

  it('rejects a non-object definition', () => {
    expect(() => defineNode(null as never)).toThrow('node definition must be an object');
  });
});
