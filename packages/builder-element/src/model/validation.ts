import {
  validateAutomation,
  type Automation,
  type NodeDefinition,
  type NodeTypeDescriptor,
  type Registry,
  type ValidationProblem,
} from '@swigs/automation-core';
import { z } from 'zod';
import { TRIGGER_ID } from './geometry';

/** A registry for validation in the browser: one definition per descriptor, its zod schema rebuilt from JSON Schema. */
export function createDescriptorRegistry(descriptors: readonly NodeTypeDescriptor[]): Registry {
  const definitions = new Map<string, NodeDefinition>();
  for (const descriptor of descriptors) definitions.set(descriptor.type, definitionFrom(descriptor));
  return {
    get: (type) => definitions.get(type),
    has: (type) => definitions.has(type),
    list: () => [...definitions.values()],
    describe: () => [...descriptors],
  };
}

/** Problems of an automation per core's `validateAutomation`, grouped by node id (`trigger` for the trigger). */
export interface ValidationReport {
  problems: ValidationProblem[];
  byNode: Map<string, ValidationProblem[]>;
  valid: boolean;
}

/** Runs core's `validateAutomation` against a descriptor registry. */
export function validateForBuilder(automation: Automation, registry: Registry): ValidationReport {
  return reportOf(validateAutomation(automation, registry));
}

/** Groups `problems` by node id. */
export function reportOf(problems: ValidationProblem[]): ValidationReport {
  const byNode = new Map<string, ValidationProblem[]>();
  for (const problem of problems) {
    const id = problem.nodeId ?? (problem.path[0] === 'trigger' ? TRIGGER_ID : undefined);
    if (!id) continue;
    byNode.set(id, [...(byNode.get(id) ?? []), problem]);
  }
  return { problems, byNode, valid: problems.length === 0 };
}

/**
 * The browser's problems plus those only the server found (node hooks), kept for nodes still there: until the
 * server answers for the latest edit, its last answer still shows, so the count does not flicker.
 */
export function withServerProblems(
  local: ValidationProblem[],
  server: ValidationProblem[],
  nodeIds: ReadonlySet<string>,
): ValidationReport {
  const extra = serverOnly(local, server).filter((p) => p.nodeId === undefined || nodeIds.has(p.nodeId));
  return reportOf([...local, ...extra]);
}

/**
 * The server's problems on fields the browser's own check of the same automation does not flag: what only the
 * server can find (node hooks). The rest repeats the browser's findings, which the browser re-checks on every
 * edit; kept, such a copy would outlive the fix until the server answered again.
 */
export function serverOnly(local: ValidationProblem[], server: ValidationProblem[]): ValidationProblem[] {
  const known = new Set(local.map(problemKey));
  return server.filter((p) => !known.has(problemKey(p)));
}

function problemKey(problem: ValidationProblem): string {
  // One problem per field: a hook's finding on a field the browser already flags adds nothing.
  return `${problem.nodeId ?? ''}\u0000${problem.path.join('.')}`;
}

function definitionFrom(descriptor: NodeTypeDescriptor): NodeDefinition {
  return Object.freeze({
    type: descriptor.type,
    kind: descriptor.kind,
    version: descriptor.version,
    title: descriptor.title,
    outputs: descriptor.outputs,
    configSchema: schemaFrom(descriptor.configJsonSchema),
    ...(descriptor.description ? { description: descriptor.description } : {}),
    ...(descriptor.category ? { category: descriptor.category } : {}),
    ...(descriptor.sampleOutput === undefined ? {} : { sampleOutput: descriptor.sampleOutput }),
    // The declared output shape (open parts, config-derived outputs open): what later steps may read.
    ...(descriptor.outputJsonSchema === undefined ? {} : { outputJsonSchema: descriptor.outputJsonSchema }),
    ...(descriptor.messages ? { messages: descriptor.messages } : {}),
    ...(descriptor.templateFields ? { templateFields: descriptor.templateFields } : {}),
  }) as NodeDefinition;
}

function schemaFrom(jsonSchema: Record<string, unknown>): z.ZodType {
  try {
    return z.fromJSONSchema(jsonSchema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    // A schema zod cannot rebuild still lets the graph be checked; its config is then accepted as any object.
    return z.record(z.string(), z.unknown());
  }
}
