import { z } from 'zod';
import { DefinitionInvalidError } from '../errors/errors';
import { deepFreeze } from '../store/deep-freeze';
import { outputJsonSchema } from './output-shape';
import { NodeKind, type NodeDefinition, type NodeDefinitionInput } from './types';

/** Allowed node type names: dotted or snake/kebab case segments, e.g. `order.paid`, `send_email`. */
export const NODE_TYPE_PATTERN: RegExp = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

const KINDS: readonly string[] = Object.values(NodeKind);
const CONDITION_OUTPUTS = ['true', 'false'] as const;

/**
 * Declares a node plugin: checks the definition at once and returns it deep-frozen, `ctx.config` typed from `configSchema`.
 * @example
 * const hello = defineNode({
 *   type: 'hello', kind: 'action', version: 1, title: { fr: 'Bonjour', en: 'Hello' },
 *   configSchema: z.object({ name: z.string() }),
 *   execute: (ctx) => ({ output: { greeting: `Hello ${ctx.config.name}` } }),
 * });
 */
export function defineNode<Schema extends z.ZodType, Output = unknown>(
  input: NodeDefinitionInput<Schema, Output>,
): NodeDefinition<Schema, Output> {
  if (typeof input !== 'object' || input === null) {
    throw new DefinitionInvalidError('node definition must be an object');
  }
  const type: unknown = input.type;
  const label = typeof type === 'string' ? `node type "${type}"` : 'node type (missing)';
  const fail = (field: string, reason: string): never => {
    throw new DefinitionInvalidError(`${label}: ${field} ${reason}`, { details: { type, field } });
  };

  if (typeof type !== 'string' || type.length > 100 || !NODE_TYPE_PATTERN.test(type)) {
    fail('type', `must match ${NODE_TYPE_PATTERN.source} (at most 100 characters)`);
  }
  if (!KINDS.includes(input.kind)) fail('kind', `must be one of ${KINDS.join(', ')} (got ${String(input.kind)})`);
  if (!Number.isInteger(input.version) || input.version < 1) {
    fail('version', `must be a positive integer (got ${String(input.version)})`);
  }
  checkText(input.title, 'title', fail, true);
  if (input.description !== undefined) checkText(input.description, 'description', fail, false);
  if (input.category !== undefined && (typeof input.category !== 'string' || input.category === '')) {
    fail('category', 'must be a non-empty string');
  }
  checkSchema(input.configSchema, fail);
  const outputs = checkOutputs(input, fail);
  if (input.kind !== NodeKind.Trigger && typeof input.execute !== 'function') {
    fail('execute', `is required for ${input.kind} nodes`);
  }
  for (const hook of ['execute', 'validate', 'matches'] as const) {
    if (input[hook] !== undefined && typeof input[hook] !== 'function') fail(hook, 'must be a function');
  }
  if (input.matches !== undefined && input.kind !== NodeKind.Trigger) fail('matches', 'is only for trigger nodes');
  checkDelay(input, fail);
  if (input.timeoutMs !== undefined && !(Number.isFinite(input.timeoutMs) && input.timeoutMs > 0)) {
    fail('timeoutMs', `must be a positive number (got ${String(input.timeoutMs)})`);
  }
  if (input.sideEffects !== undefined && typeof input.sideEffects !== 'boolean')
    fail('sideEffects', 'must be a boolean');
  if (input.templateFields !== undefined) {
    if (!Array.isArray(input.templateFields) || input.templateFields.some((f) => typeof f !== 'string' || f === '')) {
      fail('templateFields', 'must be an array of non-empty strings');
    }
  }
  checkRetry(input.retry, fail);
  const outputJson = checkOutputSchema(input.outputSchema, fail);
  checkMessages(input.messages, fail);
  if (input.validateAsync !== undefined && typeof input.validateAsync !== 'function') {
    fail('validateAsync', 'must be a function');
  }

  const definition: Record<string, unknown> = { ...input, outputs };
  if (outputJson !== undefined) definition.outputJsonSchema = deepFreeze(outputJson);
  if (input.sampleOutput !== undefined) definition.sampleOutput = deepFreeze(cloneSample(input.sampleOutput, fail));
  for (const key of ['title', 'description', 'templateFields', 'retry', 'messages'] as const) {
    const value = definition[key];
    if (typeof value === 'object' && value !== null) definition[key] = deepFreeze(structuredClone(value));
  }
  if (input.delay !== undefined) definition.delay = Object.freeze({ ...input.delay });
  // The zod schema is left unfrozen: zod caches data on its instances.
  return Object.freeze(definition) as unknown as NodeDefinition<Schema, Output>;
}

type Fail = (field: string, reason: string) => never;

function checkText(value: unknown, field: string, fail: Fail, required: boolean): void {
  if (typeof value !== 'object' || value === null) {
    fail(field, required ? 'is required as { fr, en }' : 'must be { fr, en }');
    return;
  }
  for (const lang of ['fr', 'en'] as const) {
    const text = (value as Record<string, unknown>)[lang];
    if (typeof text !== 'string' || text.trim() === '') fail(`${field}.${lang}`, 'must be a non-empty string');
  }
}

function isZodSchema(schema: unknown): boolean {
  return (
    typeof schema === 'object' &&
    schema !== null &&
    '_zod' in schema &&
    typeof (schema as { safeParse?: unknown }).safeParse === 'function'
  );
}

function checkSchema(schema: unknown, fail: Fail): void {
  if (!isZodSchema(schema)) fail('configSchema', 'must be a zod schema');
  try {
    z.toJSONSchema(schema as z.ZodType, { io: 'input' });
  } catch (error) {
    fail(
      'configSchema',
      `cannot be converted to JSON Schema: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function checkOutputs(input: NodeDefinitionInput<z.ZodType, unknown>, fail: Fail): readonly string[] {
  const outputs = input.outputs;
  if (input.kind === NodeKind.Condition) {
    const ok = Array.isArray(outputs) && outputs.length === 2 && outputs[0] === 'true' && outputs[1] === 'false';
    if (outputs !== undefined && !ok) fail('outputs', `must be exactly ['true', 'false'] for condition nodes`);
    return Object.freeze([...CONDITION_OUTPUTS]);
  }
  if (outputs === undefined) return Object.freeze(['default']);
  const ok = Array.isArray(outputs) && outputs.length === 1 && outputs[0] === 'default';
  if (!ok) fail('outputs', `must be ['default'] for ${input.kind} nodes`);
  return Object.freeze(['default']);
}

/** The JSON Schema of a static output shape; undefined for none or a config-derived one (a function). */
function checkOutputSchema(schema: unknown, fail: Fail): Record<string, unknown> | undefined {
  if (schema === undefined || typeof schema === 'function') return undefined;
  if (!isZodSchema(schema))
    return fail('outputSchema', 'must be a zod schema or a function of the config returning one');
  try {
    return outputJsonSchema(schema as z.ZodType);
  } catch (error) {
    return fail(
      'outputSchema',
      `cannot be converted to JSON Schema: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function checkMessages(messages: unknown, fail: Fail): void {
  if (messages === undefined) return;
  if (typeof messages !== 'object' || messages === null) {
    fail('messages', 'must map problem codes to { fr, en }');
    return;
  }
  for (const [code, text] of Object.entries(messages)) checkText(text, `messages.${code}`, fail, true);
}

function checkDelay(input: NodeDefinitionInput<z.ZodType, unknown>, fail: Fail): void {
  const delay: unknown = input.delay;
  if (delay === undefined) return;
  if (input.kind !== NodeKind.Trigger) fail('delay', 'is only for trigger nodes');
  const hooks = delay as Record<string, unknown> | null;
  if (typeof hooks !== 'object' || hooks === null) fail('delay', 'must be { sourceEvent, startAt }');
  for (const hook of ['sourceEvent', 'startAt'] as const) {
    if (typeof hooks?.[hook] !== 'function') fail(`delay.${hook}`, 'must be a function');
  }
}

function checkRetry(retry: unknown, fail: Fail): void {
  if (retry === undefined || retry === false) return;
  if (typeof retry !== 'object' || retry === null) {
    fail('retry', 'must be false or { retries, minTimeoutMs, maxTimeoutMs, factor }');
    return;
  }
  const policy = retry as Record<string, unknown>;
  if (policy.retries !== undefined && !(Number.isInteger(policy.retries) && (policy.retries as number) >= 0)) {
    fail('retry.retries', 'must be a non-negative integer');
  }
  for (const key of ['minTimeoutMs', 'maxTimeoutMs', 'factor'] as const) {
    const value = policy[key];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      fail(`retry.${key}`, 'must be a non-negative number');
    }
  }
}

function cloneSample(value: unknown, fail: Fail): unknown {
  try {
    return structuredClone(value);
  } catch {
    return fail('sampleOutput', 'must be plain data (cloneable)');
  }
}
