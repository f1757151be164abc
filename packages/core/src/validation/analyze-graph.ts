import type { ConditionGroup } from '../conditions/schema';
import type { ValidationProblem } from '../errors/errors';
import type { Automation } from '../model/automation';
import { NodeKind, type Lang, type LocalizedText, type NodeDefinition, type Registry } from '../node/types';
import { issueText } from './issue-text';
import { AUTOMATION_FIELD_LABELS } from './problem-catalogue';
import { ValidationCode } from './problem-codes';
import { makeProblem, problemBody, type ProblemSubject } from './problem-text';
import type { CheckIssue, SchemaChecks } from './schema-checks';
import type { VariableSamples } from './step-variables';
import type { VariableInfo } from './variable-scope';

// Zod-free on purpose (the builder bundles it): schemas are checked through `SchemaChecks`, hooks run in `run-hooks.ts`.

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

/** The trigger as analysed: its type, its plugin when registered, its config and its conditions. */
export interface AnalyzedTrigger {
  type: string;
  definition: NodeDefinition | undefined;
  config: unknown;
  conditions?: ConditionGroup;
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
  trigger: AnalyzedTrigger | null;
  /** What each step can read, by node id and `$trigger`; computed when hooks run. */
  variables?: Map<string, VariableInfo[]>;
}

export interface AnalyzeOptions {
  /** Run the nodes' `validate` hooks (the executor skips them). Default true. */
  hooks?: boolean;
  /** Language of the problems' messages. Default English. */
  lang?: Lang;
  /** Samples the variables carry (default: the automation's `sampleData`, then each node's `sampleOutput`). */
  samples?: VariableSamples;
}

/** What runs the nodes' `validate` hooks once the graph is read (`runHooks` on the server). */
export type HookRunner = (
  analysis: AutomationAnalysis,
  nodes: NodeEntry[],
  problem: Problem,
  samples: VariableSamples | undefined,
) => void;

/** Checks a document against the schemas (through `checks`), the registry and the graph rules; never throws. */
export function analyzeGraph(
  input: unknown,
  registry: Registry,
  checks: SchemaChecks,
  options: AnalyzeOptions & { runHooks?: HookRunner } = {},
): AutomationAnalysis {
  const analysis: AutomationAnalysis = {
    automation: null,
    name: '(unnamed)',
    problems: [],
    nodes: new Map(),
    entry: [],
    trigger: null,
  };
  const lang = options.lang ?? 'en';
  try {
    analyze(input, registry, checks, options, lang, analysis);
  } catch (error) {
    analysis.problems.push(
      makeProblem(
        lang,
        { kind: 'automation', name: analysis.name },
        {
          code: ValidationCode.InternalError,
          path: [],
          params: { error: error instanceof Error ? error.message : String(error) },
          body: problemBody(
            lang,
            ValidationCode.InternalError,
            {
              error: error instanceof Error ? error.message : String(error),
            },
            {},
          ),
        },
      ),
    );
  }
  return analysis;
}

function analyze(
  input: unknown,
  registry: Registry,
  checks: SchemaChecks,
  options: AnalyzeOptions & { runHooks?: HookRunner },
  lang: Lang,
  out: AutomationAnalysis,
): void {
  const raw = isRecord(input) ? input : {};
  out.name = pickName(raw);
  const rawNodes = Array.isArray(raw.nodes) ? raw.nodes : [];
  const problem = problemReporter(input, registry, lang, out.problems, out.name);

  const parsed = checks.document(input);
  if (parsed.success) {
    out.automation = parsed.data;
  } else {
    for (const issue of parsed.issues) {
      const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
      const nodeId = path[0] === 'nodes' && typeof path[1] === 'number' ? idOf(rawNodes[path[1]]) : undefined;
      const key = [...path].reverse().find((part): part is string => typeof part === 'string');
      const label = key === undefined ? undefined : AUTOMATION_FIELD_LABELS[key]?.[lang];
      problem(
        ValidationCode.SchemaInvalid,
        path,
        { body: issueText(issue, lang, undefined, label), params: { issue: issue.code } },
        nodeId,
      );
    }
  }

  const nodes = readNodes(rawNodes, registry, checks, problem, out.nodes, lang);
  readTrigger(raw.trigger, registry, checks, problem, out, nodes, lang);
  out.entry = entryOf(raw.trigger, rawNodes, out.nodes);
  checkReachable(out, nodes, problem);
  checkCycles(nodes, out.nodes, problem);
  if (options.hooks !== false) options.runHooks?.(out, nodes, problem, options.samples);
}

/**
 * The function that adds a problem to `problems`, its message in `lang` naming its subject: the step (by label,
 * else title and id), the trigger (by its title) or the automation (by its name).
 */
export function problemReporter(
  input: unknown,
  registry: Registry,
  lang: Lang,
  problems: ValidationProblem[],
  automationName: string,
): Problem {
  const raw = isRecord(input) ? input : {};
  const rawNodes = Array.isArray(raw.nodes) ? raw.nodes : [];
  const rawTrigger = isRecord(raw.trigger) ? raw.trigger : undefined;
  const triggerName = (): string => {
    const type = typeof rawTrigger?.type === 'string' ? rawTrigger.type : '';
    return registry.get(type)?.title[lang] ?? (type || '?');
  };
  const subjectOf = (nodeId: string | undefined, path: Path): ProblemSubject => {
    if (nodeId !== undefined) return { kind: 'step', name: stepName(rawNodes, nodeId, registry, lang) };
    if (path[0] === 'trigger' && path.length > 1) return { kind: 'trigger', name: triggerName() };
    return { kind: 'automation', name: automationName };
  };
  return (code, path, detail, nodeId) => {
    const text =
      typeof detail.body === 'string'
        ? detail.body
        : problemBody(lang, code, detail.params, {
            ...(detail.messages ? { messages: detail.messages } : {}),
            ...(detail.fallback ? { fallback: detail.fallback } : {}),
          });
    const body = detail.field ? fieldPrefixed(lang, detail.field[lang], text) : text;
    problems.push(
      makeProblem(lang, subjectOf(nodeId, path), {
        code,
        path,
        body,
        ...(nodeId === undefined ? {} : { nodeId }),
        ...(detail.params === undefined ? {} : { params: detail.params }),
      }),
    );
  };
}

function fieldPrefixed(lang: Lang, field: string, text: string): string {
  return lang === 'fr' ? `le champ « ${field} » : ${text}` : `the "${field}" field: ${text}`;
}

/** How people know a step: its label, else its type's title and its id. */
function stepName(rawNodes: unknown[], nodeId: string, registry: Registry, lang: Lang): string {
  const node = rawNodes.find((candidate) => idOf(candidate) === nodeId) as Record<string, unknown> | undefined;
  const label = typeof node?.label === 'string' ? node.label.trim() : '';
  if (label !== '') return label;
  const title = typeof node?.type === 'string' ? registry.get(node.type)?.title[lang] : undefined;
  return title ? `${title} (${nodeId})` : nodeId;
}

/** What a problem carries besides its code, path and node. */
export interface ProblemDetail {
  params?: Record<string, unknown>;
  /** The message body as written (zod issues, already in the asked language). */
  body?: string;
  /** The node's texts for its codes. */
  messages?: Readonly<Record<string, LocalizedText>>;
  /** English text when no text exists for the code. */
  fallback?: string;
  /** The config field a hook's problem is about, named before its text: « le champ « Objet » : … ». */
  field?: LocalizedText;
}

/** Adds one problem (see `problemReporter`). */
export type Problem = (code: string, path: Path, detail: ProblemDetail, nodeId?: string) => void;

/** A node as read, with its connections. */
export interface NodeEntry {
  node: AnalyzedNode;
  /** Connections as written, with their index, for paths in problems. */
  connections: { targetId: string; condition: string; index: number }[];
}

function readNodes(
  rawNodes: unknown[],
  registry: Registry,
  checks: SchemaChecks,
  problem: Problem,
  byId: Map<string, AnalyzedNode>,
  lang: Lang,
): NodeEntry[] {
  const entries: NodeEntry[] = [];
  rawNodes.forEach((rawNode, index) => {
    if (!isRecord(rawNode)) return;
    const id = idOf(rawNode);
    if (id === undefined) return;
    if (byId.has(id)) {
      problem(ValidationCode.DuplicateNodeId, ['nodes', index, 'id'], { params: { id } }, id);
      return;
    }
    const type = typeof rawNode.type === 'string' ? rawNode.type : '';
    const definition = type ? registry.get(type) : undefined;
    const rawConfig = isRecord(rawNode.config) ? rawNode.config : {};
    const node: AnalyzedNode = { id, index, type, definition, config: undefined, rawConfig, next: new Map() };
    byId.set(id, node);

    if (type && !definition) {
      problem(ValidationCode.UnknownNodeType, ['nodes', index, 'type'], { params: { type } }, id);
    } else if (definition?.kind === NodeKind.Trigger) {
      problem(ValidationCode.MultipleTriggers, ['nodes', index, 'type'], { params: { type } }, id);
    } else if (definition) {
      node.config = parseConfig(checks, definition, rawConfig, ['nodes', index, 'config'], problem, lang, id);
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
        problem(
          ValidationCode.MissingTarget,
          [...path, 'targetId'],
          { params: { target: connection.targetId } },
          node.id,
        );
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
  const code =
    definition.kind === NodeKind.Condition ? ValidationCode.ConditionOutputs : ValidationCode.ConnectionOutputInvalid;
  problem(code, path, { params: { condition, type: node.type } }, node.id);
  return false;
}

function readTrigger(
  rawTrigger: unknown,
  registry: Registry,
  checks: SchemaChecks,
  problem: Problem,
  out: AutomationAnalysis,
  nodes: NodeEntry[],
  lang: Lang,
): void {
  if (!isRecord(rawTrigger) || typeof rawTrigger.type !== 'string' || rawTrigger.type === '') {
    problem(ValidationCode.TriggerMissing, ['trigger'], {});
    return;
  }
  const type = rawTrigger.type;
  const definition = registry.get(type);
  const rawConfig = isRecord(rawTrigger.config) ? rawTrigger.config : {};
  out.trigger = { type, definition, config: undefined };
  if (!definition) {
    problem(ValidationCode.UnknownTriggerType, ['trigger', 'type'], { params: { type } });
  } else if (definition.kind !== NodeKind.Trigger) {
    problem(ValidationCode.TriggerInvalid, ['trigger', 'type'], { params: { type, kind: definition.kind } });
  } else {
    out.trigger.config = parseConfig(checks, definition, rawConfig, ['trigger', 'config'], problem, lang);
  }
  if (rawConfig.conditions !== undefined) {
    const conditions = checks.conditions(rawConfig.conditions);
    if (conditions.success) out.trigger.conditions = conditions.data;
    else if (!declaresConditions(checks, definition)) {
      // A trigger whose schema declares `conditions` has reported these already.
      reportIssues(conditions.issues, ['trigger', 'config', 'conditions'], problem, lang, undefined);
    }
  }
  if (Array.isArray(rawTrigger.connections)) {
    const ids = new Set(nodes.map((entry) => entry.node.id));
    rawTrigger.connections.forEach((connection, index) => {
      if (!isRecord(connection)) return;
      const path: Path = ['trigger', 'connections', index];
      if (typeof connection.targetId === 'string' && connection.targetId !== '' && !ids.has(connection.targetId)) {
        problem(ValidationCode.MissingTarget, [...path, 'targetId'], { params: { target: connection.targetId } });
      }
      if (connection.condition !== undefined && connection.condition !== 'default') {
        problem(ValidationCode.ConnectionOutputInvalid, [...path, 'condition'], {
          params: { condition: String(connection.condition) },
        });
      }
    });
  }
}

function entryOf(rawTrigger: unknown, rawNodes: unknown[], byId: Map<string, AnalyzedNode>): string[] {
  if (isRecord(rawTrigger) && Array.isArray(rawTrigger.connections)) {
    const ids: string[] = [];
    for (const connection of rawTrigger.connections) {
      if (
        isRecord(connection) &&
        typeof connection.targetId === 'string' &&
        byId.has(connection.targetId) &&
        !ids.includes(connection.targetId)
      ) {
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
    if (!seen.has(node.id)) problem(ValidationCode.UnreachableNode, ['nodes', node.index], {}, node.id);
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
        problem(
          ValidationCode.Cycle,
          ['nodes', entry.node.index, 'connections', connection.index],
          { params: { loop: loop.join(' → ') } },
          entry.node.id,
        );
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

function declaresConditions(checks: SchemaChecks, definition: NodeDefinition | undefined): boolean {
  if (definition?.kind !== NodeKind.Trigger) return false;
  const properties = checks.configJsonSchema(definition)?.properties as Record<string, unknown> | undefined;
  return properties?.conditions !== undefined;
}

function parseConfig(
  checks: SchemaChecks,
  definition: NodeDefinition,
  config: unknown,
  base: Path,
  problem: Problem,
  lang: Lang,
  nodeId?: string,
): unknown {
  const result = checks.config(definition, config);
  if (result.success) return result.data;
  const schema = checks.configJsonSchema(definition);
  reportIssues(result.issues, base, problem, lang, schema, nodeId, ValidationCode.ConfigInvalid);
  return undefined;
}

function reportIssues(
  issues: readonly CheckIssue[],
  base: Path,
  problem: Problem,
  lang: Lang,
  schema: Record<string, unknown> | undefined,
  nodeId?: string,
  code: string = ValidationCode.ConfigInvalid,
): void {
  for (const issue of issues) {
    const inner = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    problem(code, [...base, ...inner], { body: issueText(issue, lang, schema), params: { issue: issue.code } }, nodeId);
  }
}

function pickName(raw: Record<string, unknown>): string {
  if (typeof raw.name === 'string' && raw.name.trim() !== '') return raw.name.trim().slice(0, 200);
  if (typeof raw.id === 'string' && raw.id !== '') return raw.id.slice(0, 100);
  return '(unnamed)';
}

function idOf(node: unknown): string | undefined {
  return isRecord(node) && typeof node.id === 'string' && node.id !== '' ? node.id : undefined;
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
