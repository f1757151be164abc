import { NodeKind, type NodeDefinition, type NodeValidateContext, type UpstreamStep } from '../node/types';
import { isRecord, type AutomationAnalysis, type NodeEntry, type Problem } from './analyze-graph';
import { fieldLabelAt } from './issue-text';
import { ValidationCode } from './problem-codes';
import { parentsOf, stepVariables, upstreamSteps, type VariableSamples } from './step-variables';
import { createVariableScope, type VariableInfo } from './variable-scope';
import { zodChecks } from './zod-checks';

type Path = (string | number)[];

/** Runs the nodes' `validate` hooks on a read graph, with the variables each step can read. */
export function runHooks(
  out: AutomationAnalysis,
  nodes: NodeEntry[],
  problem: Problem,
  samples?: VariableSamples,
): void {
  const triggerDefinition = out.trigger?.definition;
  // Without a valid trigger the variables are unknown, and every template would be reported.
  if (triggerDefinition?.kind !== NodeKind.Trigger) return;
  const variables = stepVariables(out, samples);
  out.variables = variables;
  const trigger = { type: out.trigger?.type ?? '', config: out.trigger?.config };
  if (triggerDefinition.validate && out.trigger?.config !== undefined) {
    const context = hookContext(out.trigger.config, variables.get('$trigger') ?? [], trigger, []);
    callHook(triggerDefinition, context, ['trigger', 'config'], problem);
  }
  const parents = parentsOf(out);
  for (const { node } of nodes) {
    const definition = node.definition;
    if (!definition?.validate || node.config === undefined || definition.kind === NodeKind.Trigger) continue;
    const upstream = upstreamSteps(out, node.id, parents);
    const context = hookContext(node.config, variables.get(node.id) ?? [], trigger, upstream);
    callHook(definition, context, ['nodes', node.index, 'config'], problem, node.id);
  }
}

/** The context every `validate` hook receives (also built by `validateAsync`). */
export function hookContext(
  config: unknown,
  variables: readonly VariableInfo[],
  trigger: { type: string; config: unknown } | null,
  upstream: readonly UpstreamStep[],
): NodeValidateContext {
  const scope = createVariableScope(variables);
  const paths = new Set(variables.map((variable) => variable.path));
  return { config, variables: paths, isKnown: scope.has, trigger, upstream };
}

function callHook(
  definition: NodeDefinition,
  context: NodeValidateContext,
  base: Path,
  problem: Problem,
  nodeId?: string,
): void {
  try {
    const found = definition.validate?.(context) ?? [];
    reportHookProblems(definition, found, base, problem, nodeId);
  } catch (error) {
    problem(
      ValidationCode.NodeInvalid,
      base,
      { params: { type: definition.type, error: error instanceof Error ? error.message : String(error) } },
      nodeId,
    );
  }
}

/** Reports what a node hook found, each problem at `base` + its path, its text from the node's messages. */
export function reportHookProblems(
  definition: NodeDefinition,
  found: unknown,
  base: Path,
  problem: Problem,
  nodeId?: string,
): void {
  const schema = zodChecks.configJsonSchema(definition);
  for (const item of Array.isArray(found) ? (found as Record<string, unknown>[]) : []) {
    const path = Array.isArray(item?.path) ? (item.path as Path) : [];
    const code = typeof item?.code === 'string' ? item.code : ValidationCode.NodeInvalid;
    const params = isRecord(item?.params) ? item.params : undefined;
    const field = schema && path.length > 0 ? fieldLabelAt(schema, path) : undefined;
    problem(
      code,
      [...base, ...path],
      {
        ...(params ? { params } : {}),
        ...(field ? { field } : {}),
        ...(definition.messages ? { messages: definition.messages } : {}),
        fallback: String(item?.message),
        ...(code === ValidationCode.NodeInvalid && !params ? { params: { error: String(item?.message) } } : {}),
      },
      nodeId,
    );
  }
}
