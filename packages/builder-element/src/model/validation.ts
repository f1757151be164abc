import {
  createDescriptorValidator,
  type Automation,
  type DescriptorValidator,
  type NodeTypeDescriptor,
  type Registry,
  type ValidationProblem,
} from '@swigs/automation-core/graph';
import { TRIGGER_ID } from './geometry';

/**
 * A registry for validation in the browser: one definition per descriptor, configs checked against their JSON
 * Schemas (core's zod-free `/graph` entry, so the bundle carries no zod).
 */
export function createDescriptorRegistry(descriptors: readonly NodeTypeDescriptor[]): Registry {
  const validator = createDescriptorValidator(descriptors);
  validators.set(validator.registry, validator);
  return validator.registry;
}

/** The validator of each registry, built once (any registry works: its `describe()` gives the descriptors). */
const validators = new WeakMap<Registry, DescriptorValidator>();

function validatorFor(registry: Registry): DescriptorValidator {
  let validator = validators.get(registry);
  if (!validator) {
    validator = createDescriptorValidator(registry.describe());
    validators.set(registry, validator);
  }
  return validator;
}

/** Problems of an automation per core's `validateAutomation`, grouped by node id (`trigger` for the trigger). */
export interface ValidationReport {
  problems: ValidationProblem[];
  byNode: Map<string, ValidationProblem[]>;
  valid: boolean;
}

/** Core's checks of `validateAutomation` against a descriptor registry, the nodes' hooks aside (the server runs them). */
export function validateForBuilder(automation: Automation, registry: Registry): ValidationReport {
  return reportOf(validatorFor(registry).validate(automation));
}

/** Groups `problems` by node id. */
export function reportOf(problems: ValidationProblem[]): ValidationReport {
  const byNode = new Map<string, ValidationProblem[]>();
  for (const problem of problems) {
    const id = problemNodeId(problem);
    if (!id) continue;
    byNode.set(id, [...(byNode.get(id) ?? []), problem]);
  }
  return { problems, byNode, valid: problems.length === 0 };
}

/** The step a problem is about (`trigger` for the trigger's), if any. */
export function problemNodeId(problem: ValidationProblem): string | undefined {
  return problem.nodeId ?? (problem.path[0] === 'trigger' ? TRIGGER_ID : undefined);
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
