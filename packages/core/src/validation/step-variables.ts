import { NodeKind, type NodeDefinition, type UpstreamStep } from '../node/types';
import { outputJsonSchema } from '../node/output-shape';
import type { AutomationAnalysis } from './analyze-automation';
import { withSamples } from './sample-variables';
import { schemaVariables } from './schema-variables';
import type { VariableInfo } from './variable-scope';

/** The key of the trigger's own entry in a `variables` answer (what its conditions can read). */
export const TRIGGER_VARIABLES_KEY = '$trigger';

/** Sample values the variables carry: the trigger payload and, per node id, outputs of a dry run or a past run. */
export interface VariableSamples {
  /** Default: the automation's `sampleData`, else the trigger's `sampleOutput`. */
  trigger?: unknown;
  nodes?: Record<string, unknown>;
}

/**
 * What each step can read (contract C1): for the trigger (`$trigger`), `trigger.*`; for each node, `trigger.*`
 * plus `nodes.<id>.*` of every step that can run before it. Shapes come from the nodes' declared outputs (config
 * derived ones included), samples from `samples`, then `sampleOutput`.
 */
export function stepVariables(
  analysis: AutomationAnalysis,
  samples: VariableSamples = {},
): Map<string, VariableInfo[]> {
  const result = new Map<string, VariableInfo[]>();
  const trigger = triggerVariables(analysis, samples);
  result.set(TRIGGER_VARIABLES_KEY, trigger);
  const outputs = new Map<string, VariableInfo[]>();
  for (const node of analysis.nodes.values()) {
    if (!node.definition || node.definition.kind === NodeKind.Trigger) continue;
    const sample = samples.nodes?.[node.id] ?? node.definition.sampleOutput;
    outputs.set(
      node.id,
      outputVariables(node.definition, node.config, node.config !== undefined, sample, `nodes.${node.id}`),
    );
  }
  const parents = parentsOf(analysis);
  const order = [...analysis.nodes.values()].sort((a, b) => a.index - b.index).map((node) => node.id);
  for (const id of order) {
    const ancestors = ancestorsOf(id, parents);
    const list = [...trigger];
    for (const ancestor of order) if (ancestors.has(ancestor)) list.push(...(outputs.get(ancestor) ?? []));
    result.set(id, list);
  }
  return result;
}

function triggerVariables(analysis: AutomationAnalysis, samples: VariableSamples): VariableInfo[] {
  const definition = analysis.trigger?.definition;
  const sample =
    samples.trigger !== undefined
      ? samples.trigger
      : analysis.automation?.sampleData !== undefined
        ? analysis.automation.sampleData
        : definition?.sampleOutput;
  if (!definition || definition.kind !== NodeKind.Trigger) {
    // An unknown trigger gives no shape: anything under `trigger` is accepted rather than everything refused.
    return withSamples([{ path: 'trigger', type: 'unknown', open: true }], sample, 'trigger');
  }
  const config = analysis.trigger?.config;
  return outputVariables(definition, config, config !== undefined, sample, 'trigger');
}

/** One node's output variables under `prefix`. */
export function outputVariables(
  definition: NodeDefinition,
  config: unknown,
  configValid: boolean,
  sample: unknown,
  prefix: string,
): VariableInfo[] {
  const schema = outputShape(definition, config, configValid);
  if (schema === undefined) {
    // No declared shape: the sample's paths are the output, as before output schemas existed.
    return withSamples(undefined, definition.sampleOutput, prefix, { sampleIsClosed: true });
  }
  return withSamples(schemaVariables(schema, prefix), sample, prefix);
}

const OPEN_OUTPUT = Object.freeze({ type: 'object', additionalProperties: true, 'x-swigs-open': true });

/** The JSON Schema of a node's output for its config; open when it depends on a config that is invalid. */
export function outputShape(
  definition: NodeDefinition,
  config: unknown,
  configValid = true,
): Record<string, unknown> | undefined {
  const declared = definition.outputSchema;
  if (typeof declared === 'function') {
    if (!configValid) return OPEN_OUTPUT;
    try {
      return outputJsonSchema(declared(config));
    } catch {
      return OPEN_OUTPUT;
    }
  }
  return definition.outputJsonSchema;
}

/** Direct predecessors of each node. */
export function parentsOf(analysis: AutomationAnalysis): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  for (const node of analysis.nodes.values()) {
    for (const targets of node.next.values()) {
      for (const target of targets) parents.set(target, [...(parents.get(target) ?? []), node.id]);
    }
  }
  return parents;
}

/** Every node that can run before `id`. */
export function ancestorsOf(id: string, parents: Map<string, string[]>): Set<string> {
  const found = new Set<string>();
  const stack = [...(parents.get(id) ?? [])];
  while (stack.length > 0) {
    const parent = stack.pop() as string;
    if (found.has(parent) || parent === id) continue;
    found.add(parent);
    stack.push(...(parents.get(parent) ?? []));
  }
  return found;
}

/** The steps that can run before `id`, in the document's order, with their types and kinds. */
export function upstreamSteps(
  analysis: AutomationAnalysis,
  id: string,
  parents: Map<string, string[]>,
): UpstreamStep[] {
  const ancestors = ancestorsOf(id, parents);
  const steps: UpstreamStep[] = [];
  for (const node of analysis.nodes.values()) {
    if (!ancestors.has(node.id) || !node.definition) continue;
    steps.push({ id: node.id, type: node.definition.type, kind: node.definition.kind });
  }
  return steps;
}
