import type { ConditionGroup } from '../conditions/schema';
import type { Automation } from '../model/automation';
import type { NodeDefinition } from '../node/types';

/**
 * One finding of a schema check, shaped like a zod issue (`code`, `path`, `message` and the code's details such
 * as `expected`, `minimum`, `values`), so `issueText` words zod's issues and the JSON Schema check's alike.
 */
export interface CheckIssue {
  readonly code: string;
  readonly path: PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
  readonly params?: Record<string, unknown>;
}

/** The answer of a schema check: the parsed value (defaults filled) or its issues. */
export type CheckResult<T> = { success: true; data: T } | { success: false; issues: readonly CheckIssue[] };

/**
 * The schema checks the graph analysis runs: zod on the server and in the engine (`zodChecks`), the JSON Schemas
 * of node descriptors in the browser (`@swigs/automation-core/graph`), so the builder needs no zod.
 */
export interface SchemaChecks {
  /** The document against `AutomationSchema`. */
  document(input: unknown): CheckResult<Automation>;
  /** A trigger's `config.conditions` against `ConditionGroupSchema`. */
  conditions(input: unknown): CheckResult<ConditionGroup>;
  /** A node's config against its type's config schema. */
  config(definition: NodeDefinition, config: unknown): CheckResult<unknown>;
  /** The JSON Schema (input side) of a node's config, for field labels; undefined when it has none. */
  configJsonSchema(definition: NodeDefinition): Record<string, unknown> | undefined;
}
