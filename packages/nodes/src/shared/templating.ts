import type { NodeConfigProblem, NodeContext } from '@swigs/automation-core';
import { createTemplateRenderer, type TemplateMode, type TemplateRenderer } from '../templates/renderer';
import { type KnownVariables, validateTemplateSource } from '../templates/validate-template';

// A compile cache only (same source -> same compiled function), so sharing it between engines is harmless.
let renderer: TemplateRenderer | undefined;

/** The renderer nodes share. */
export function nodeRenderer(): TemplateRenderer {
  renderer ??= createTemplateRenderer();
  return renderer;
}

/** What templates in node configs can read: `trigger.*` and `nodes.<id>.*`. */
export function templateData(ctx: Pick<NodeContext, 'data'>): { trigger: unknown; nodes: Record<string, unknown> } {
  return { trigger: ctx.data.trigger, nodes: ctx.data.nodes };
}

/** Renders one config string in a node context. */
export function renderField(ctx: Pick<NodeContext, 'data'>, source: string, mode: TemplateMode = 'text'): string {
  return nodeRenderer().render(source, templateData(ctx), mode);
}

/** Renders every string inside a JSON-like value (objects, arrays), leaving other values as they are. */
export function renderDeep(ctx: Pick<NodeContext, 'data'>, value: unknown): unknown {
  if (typeof value === 'string') return renderField(ctx, value);
  if (Array.isArray(value)) return value.map((item) => renderDeep(ctx, item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderDeep(ctx, item)]));
  }
  return value;
}

/**
 * The shared `validate` hook: checks every template string under `fields` of `config` (strings, or objects and
 * arrays holding strings) for syntax errors, unknown helpers and variables this step cannot read (`known`: the
 * hook context's `isKnown`, or a list of paths). Each problem carries its code and params (line, column...),
 * whose texts are `TEMPLATE_PROBLEM_TEXTS` (give them as the node's `messages`).
 */
export function validateTemplateFields(
  config: unknown,
  fields: readonly string[],
  known: KnownVariables,
): NodeConfigProblem[] {
  const problems: NodeConfigProblem[] = [];
  if (typeof config !== 'object' || config === null) return problems;
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      for (const problem of validateTemplateSource(value, known)) {
        problems.push({ path, code: problem.code, message: problem.message, params: problem.params });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        visit(item, [...path, index]);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  for (const field of fields) visit((config as Record<string, unknown>)[field], [field]);
  return problems;
}
