import type { z } from 'zod';
import { ConditionGroupSchema, type ConditionGroup } from '../conditions/schema';
import type { ValidationProblem } from '../errors/errors';
import { AutomationSchema, type Automation } from '../model/automation';
import { NodeKind, type NodeDefinition, type Registry } from '../node/types';
import { flattenVariables } from './flatten-variables';
import { ValidationCode } from './problem-codes';

type Path = (string | number)[];

/** A node as the executor needs it, read leniently from a possibly malformed document. */
export interface AnalyzedNode {
  id: string;
  index: number;
  type: string;
  definition: NodeDefinition | undefined;
  /** The config parsed by the node's schema; undefined when it failed. */
  config: unknown;
  rawConfig: Record<string, unknown>;
  /** Target ids per output (`default`, `true`, `false`). */
  next: Map<string, string[]>;
}

/** Everything `validateAutomation` learns about a document, reused by the executor's plans. */
export interface AutomationAnalysis {
  /** The parsed document when it matches `AutomationSchema`. */
  automation: Automation | null;
  name: string;
  problems: ValidationProblem[];
  nodes: Map<string, AnalyzedNode>;
  /** Node ids that run first. */
  entry: string[];
  trigger: { type: string; definition: NodeDefinition | undefined; config: unknown; conditions?: ConditionGroup } | null;
}

export interface AnalyzeOptions {
  /** Run the nodes' `validate` hooks (the executor skips them). Default true. */
  hooks?: boolean;
}

/** Checks a document against the schema, the registry and the graph rules; never throws. */
export function analyzeAutomation(input: unknown, registry: Registry, options: AnalyzeOptions = {}): AutomationAnalysis {
  const analysis: AutomationAnalysis = { automation: null, name: '(unnamed)', problems: [], nodes: new Map(), entry: [], trigger: null };
  try {
    analyze(input, registry, options.hooks !== false, analysis);
  } catch (error) {
    analysis.problems.push({
      code: ValidationCode.InternalError,
      message: `automation "${analysis.name}": could not be checked (${error instanceof Error ? error.message : String(error)})`,
      path: [],
    });
  }
  return analysis;
}

function analyze(input: unknown, registry: Registry, hooks: boolean, out: AutomationAnalysis): void {
  const raw = isRecord(input) ? input : {};
  out.name = pickName(raw);
  const problem = (code: string, path: Path, text: string, nodeId?: string): void => {
    const where = nodeId === undefined ? `automation "${out.name}"` : `automation "${out.name}" node "${nodeId}"`;
    out.problems.push({ code, message: `${where}: ${text}`, path, ...(nodeId === undefined ? {} : { nodeId }) });
  };

  const rawNodes = Array.isArray(raw.nodes) ? raw.nodes : [];
  const parsed = AutomationSchema.safeParse(input);
  if (parsed.success) {
    out.automation = parsed.data;
  } else {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
      const nodeId = path[0] === 'nodes' && typeof path[1] === 'number' ? idOf(rawNodes[path[1]]) : undefined;
      problem(ValidationCode.SchemaInvalid, path, `${describePath(nodeId === undefined ? path : path.slice(2))}${issue.message}`, nodeId);
    }
  }

  const nodes = readNodes(rawNodes, registry, problem, out.nodes);
  readTrigger(raw.trigger, registry, problem, out, nodes);
  out.entry = entryOf(raw.trigger, rawNodes, out.nodes);
  checkReachable(out, nodes, problem);
  checkCycles(nodes, out.nodes, problem);
  if (hooks) runHooks(out, nodes, problem);
}

type Problem = (code: string, path: Path, text: string, nodeId?: string) => void;

interface NodeEntry {
  node: AnalyzedNode;
  /** Connections as written, with their index, for paths in problems. */
  connections: { targetId: string; condition: string; index: number }[];
}

function readNodes(rawNodes: unknown[], registry: Registry, problem: Problem, byId: Map<string, AnalyzedNode>): NodeEntry[] {
  const entries: NodeEntry[] = [];
  rawNodes.forEach((rawNode, index) => {
    if (!isRecord(rawNode)) return;
    const id = idOf(rawNode);
    if (id === undefined) return;
    if (byId.has(id)) {
      problem(ValidationCode.DuplicateNodeId, ['nodes', index, 'id'], `id is used by more than one node`, id);
      return;
    }
    const type = typeof rawNode.type === 'string' ? rawNode.type : '';
    const definition = type ? registry.get(type) : undefined;
    const rawConfig = isRecord(rawNode.config) ? rawNode.config : {};
    const node: AnalyzedNode = { id, index, type, definition, config: undefined, rawConfig, next: new Map() };
    byId.set(id, node);

    if (type && !definition) {
      problem(ValidationCode.UnknownNodeType, ['nodes', index, 'type'], `unknown node type "${type}"`, id);
    } else if (definition?.kind === NodeKind.Trigger) {
      problem(
        ValidationCode.MultipleTriggers,
        ['nodes', index, 'type'],
        `"${type}" is a trigger; an automation has exactly one trigger, in "trigger"`,
        id,
      );
    } else if (definition) {
      node.config = parseConfig(definition.configSchema, rawConfig, ['nodes', index, 'config'], problem, id);
    }

    const connections = Array.isArray(rawNode.connections) ? rawNode.connections : [];
    const written: NodeEntry['connections'] = [];
    connections.forEach((connection, connectionIndex) => {
      if (!isRecord(connection) || typeof connection.targetId !== 'string' || connection.targetId === '') return;
      const condition = typeof connection.condition === 'string' ? connection.condition : 'default';
      written.push({ targetId: connection.targetId, condition, index: connectionIndex });
    });
    entries.push({ node, connections: written });
  });

  for (const { node, connections } of entries) {
    for (const connection of connections) {
      const path: Path = ['nodes', node.index, 'connections', connection.index];
      if (!byId.has(connection.targetId)) {
        problem(ValidationCode.MissingTarget, [...path, 'targetId'], `connects to missing node "${connection.targetId}"`, node.id);
        continue;
      }
      if (!checkOutput(node, connection.condition, [...path, 'condition'], problem)) continue;
      const targets = node.next.get(connection.condition);
      if (targets) {
        if (!targets.includes(connection.targetId)) targets.push(connection.targetId);
      } else node.next.set(connection.condition, [connection.targetId]);
    }
  }
  return entries;
}

function checkOutput(node: AnalyzedNode, condition: string, path: Path, problem: Problem): boolean {
  const definition = node.definition;
  if (!definition || definition.kind === NodeKind.Trigger) return ['default', 'true', 'false'].includes(condition);
  if (definition.outputs.includes(condition)) return true;
  if (definition.kind === NodeKind.Condition) {
    problem(ValidationCode.ConditionOutputs, path, `a condition node's connections must leave from "true" or "false" (got "${condition}")`, node.id);
  } else {
    problem(
      ValidationCode.ConnectionOutputInvalid,
      path,
      `only condition nodes have "true"/"false" outputs; "${node.type}" connections leave from "default" (got "${condition}")`,
      node.id,
    );
  }
  return false;
}

function readTrigger(rawTrigger: unknown, registry: Registry, problem: Problem, out: AutomationAnalysis, nodes: NodeEntry[]): void {
  if (!isRecord(rawTrigger) || typeof rawTrigger.type !== 'string' || rawTrigger.type === '') {
    problem(ValidationCode.TriggerMissing, ['trigger'], 'has no trigger; an automation needs exactly one');
    return;
  }
  const type = rawTrigger.type;
  const definition = registry.get(type);
  const rawConfig = isRecord(rawTrigger.config) ? rawTrigger.config : {};
  out.trigger = { type, definition, config: undefined };
  if (!definition) {
    problem(ValidationCode.UnknownTriggerType, ['trigger', 'type'], `unknown trigger type "${type}"`);
  } else if (definition.kind !== NodeKind.Trigger) {
    problem(ValidationCode.TriggerInvalid, ['trigger', 'type'], `"${type}" is ${definition.kind === 'action' ? 'an' : 'a'} ${definition.kind} node, not a trigger`);
  } else {
    out.trigger.config = parseConfig(definition.configSchema, rawConfig, ['trigger', 'config'], problem);
  }
  if (rawConfig.conditions !== undefined) {
    const conditions = ConditionGroupSchema.safeParse(rawConfig.conditions);
    if (conditions.success) out.trigger.conditions = conditions.data;
    else reportIssues(conditions.error, ['trigger', 'config', 'conditions'], problem);
  }
  if (Array.isArray(rawTrigger.connections)) {
    const ids = new Set(nodes.map((entry) => entry.node.id));
    rawTrigger.connections.forEach((connection, index) => {
      if (!isRecord(connection)) return;
      const path: Path = ['trigger', 'connections', index];
      if (typeof connection.targetId === 'string' && connection.targetId !== '' && !ids.has(connection.targetId)) {
        problem(ValidationCode.MissingTarget, [...path, 'targetId'], `trigger connects to missing node "${connection.targetId}"`);
      }
      if (connection.condition !== undefined && connection.condition !== 'default') {
        problem(ValidationCode.ConnectionOutputInvalid, [...path, 'condition'], `trigger connections leave from "default" (got "${String(connection.condition)}")`);
      }
    });
  }
}

function entryOf(rawTrigger: unknown, rawNodes: unknown[], byId: Map<string, AnalyzedNode>): string[] {
  if (isRecord(rawTrigger) && Array.isArray(rawTrigger.connections)) {
    const ids: string[] = [];
    for (const connection of rawTrigger.connections) {
      if (isRecord(connection) && typeof connection.targetId === 'string' && byId.has(connection.targetId) && !ids.includes(connection.targetId)) {
        ids.push(connection.targetId);
      }
    }
    return ids;
  }
  const first = idOf(rawNodes[0]);
  return first !== undefined && byId.has(first) ? [first] : [];
}

function checkReachable(out: AutomationAnalysis, nodes: NodeEntry[], problem: Problem): void {
  const seen = new Set<string>(out.entry);
  const stack = [...out.entry];
  while (stack.length > 0) {
    const node = out.nodes.get(stack.pop() as string);
    for (const targets of node?.next.values() ?? []) {
      for (const target of targets) {
        if (!seen.has(target)) {
          seen.add(target);
          stack.push(target);
        }
      }
    }
  }
  for (const { node } of nodes) {
    if (!seen.has(node.id)) problem(ValidationCode.UnreachableNode, ['nodes', node.index], 'is not reachable from the trigger', node.id);
  }
}

function checkCycles(nodes: NodeEntry[], byId: Map<string, AnalyzedNode>, problem: Problem): void {
  const state = new Map<string, 1 | 2>();
  const entries = new Map(nodes.map((entry) => [entry.node.id, entry]));
  const trail: string[] = [];
  const visit = (entry: NodeEntry): void => {
    state.set(entry.node.id, 1);
    trail.push(entry.node.id);
    for (const connection of entry.connections) {
      if (!byId.has(connection.targetId)) continue;
      const seen = state.get(connection.targetId);
      if (seen === 1) {
        const loop = [...trail.slice(trail.indexOf(connection.targetId)), connection.targetId];
        problem(ValidationCode.Cycle, ['nodes', entry.node.index, 'connections', connection.index], `creates a cycle: ${loop.join(' -> ')}`, entry.node.id);
      } else if (seen === undefined) {
        const next = entries.get(connection.targetId);
        if (next) visit(next);
      }
    }
    trail.pop();
    state.set(entry.node.id, 2);
  };
  for (const entry of nodes) if (!state.has(entry.node.id)) visit(entry);
}

function runHooks(out: AutomationAnalysis, nodes: NodeEntry[], problem: Problem): void {
  const triggerVariables = new Set<string>();
  const triggerDefinition = out.trigger?.definition;
  // Without a valid trigger the variables are unknown, and every template would be reported.
  if (triggerDefinition?.kind !== NodeKind.Trigger) return;
  {
    flattenVariables(triggerDefinition.sampleOutput, 'trigger', triggerVariables);
    if (triggerDefinition.validate && out.trigger?.config !== undefined) {
      callHook(triggerDefinition, out.trigger.config, new Set(), ['trigger', 'config'], problem);
    }
  }
  const parents = new Map<string, string[]>();
  for (const { node } of nodes) {
    for (const targets of node.next.values()) {
      for (const target of targets) parents.set(target, [...(parents.get(target) ?? []), node.id]);
    }
  }
  for (const { node } of nodes) {
    const definition = node.definition;
    if (!definition?.validate || node.config === undefined || definition.kind === NodeKind.Trigger) continue;
    const variables = new Set(triggerVariables);
    for (const ancestor of ancestorsOf(node.id, parents)) {
      flattenVariables(out.nodes.get(ancestor)?.definition?.sampleOutput, `nodes.${ancestor}`, variables);
    }
    callHook(definition, node.config, variables, ['nodes', node.index, 'config'], problem, node.id);
  }
}

function ancestorsOf(id: string, parents: Map<string, string[]>): Set<string> {
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

function callHook(definition: NodeDefinition, config: unknown, variables: Set<string>, base: Path, problem: Problem, nodeId?: string): void {
  try {
    const found = definition.validate?.({ config, variables }) ?? [];
    for (const item of Array.isArray(found) ? found : []) {
      const path = Array.isArray(item?.path) ? item.path : [];
      problem(item?.code ?? ValidationCode.NodeInvalid, [...base, ...path], `${describePath(['config', ...path])}${String(item?.message)}`, nodeId);
    }
  } catch (error) {
    problem(ValidationCode.NodeInvalid, base, `the "${definition.type}" check failed: ${error instanceof Error ? error.message : String(error)}`, nodeId);
  }
}

function parseConfig(schema: z.ZodType, config: unknown, base: Path, problem: Problem, nodeId?: string): unknown {
  const result = schema.safeParse(config);
  if (result.success) return result.data;
  reportIssues(result.error, base, problem, nodeId, ValidationCode.ConfigInvalid);
  return undefined;
}

function reportIssues(error: z.ZodError, base: Path, problem: Problem, nodeId?: string, code: string = ValidationCode.ConfigInvalid): void {
  for (const issue of error.issues) {
    const path = [...base, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
    problem(code, path, `${describePath(path.slice(base[0] === 'nodes' ? 2 : 1))}${issue.message}`, nodeId);
  }
}

function describePath(path: Path): string {
  return path.length === 0 ? '' : `${path.join('.')}: `;
}

function pickName(raw: Record<string, unknown>): string {
  if (typeof raw.name === 'string' && raw.name.trim() !== '') return raw.name.trim().slice(0, 200);
  if (typeof raw.id === 'string' && raw.id !== '') return raw.id.slice(0, 100);
  return '(unnamed)';
}

function idOf(node: unknown): string | undefined {
  return isRecord(node) && typeof node.id === 'string' && node.id !== '' ? node.id : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
