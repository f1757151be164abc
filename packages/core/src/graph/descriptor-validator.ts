import type { ValidationProblem } from '../errors/errors';
import type { Lang, NodeDefinition, NodeTypeDescriptor, Registry } from '../node/types';
import { analyzeGraph } from '../validation/analyze-graph';
import type { SchemaChecks } from '../validation/schema-checks';
import { AUTOMATION_JSON_SCHEMA, CONDITION_GROUP_JSON_SCHEMA } from './document-schemas';
import { checkJsonSchema } from './json-schema-check';
import type { ConditionGroup } from '../conditions/schema';

/** A node catalogue ready to validate automations in the browser. */
export interface DescriptorValidator {
  /** The catalogue as a registry (definitions without zod schemas or hooks). */
  readonly registry: Registry;
  /** `validateAutomation` without hooks: the document, node types, configs (from their JSON Schemas), graph rules. */
  validate(automation: unknown, options?: { lang?: Lang }): ValidationProblem[];
}

/**
 * Validates automations against node descriptors (`GET /api/node-types`) without zod: the same graph analysis as
 * `validateAutomation`, with the configs checked against each descriptor's `configJsonSchema`. The nodes' hooks
 * and zod refinements run on the server only.
 * @example
 * const validator = createDescriptorValidator(await (await fetch('/api/node-types')).json());
 * const problems = validator.validate(automation, { lang: 'fr' });
 */
export function createDescriptorValidator(descriptors: readonly NodeTypeDescriptor[]): DescriptorValidator {
  const definitions = new Map<string, NodeDefinition>();
  const schemas = new Map<string, Record<string, unknown>>();
  for (const descriptor of descriptors) {
    definitions.set(descriptor.type, definitionFrom(descriptor));
    schemas.set(descriptor.type, descriptor.configJsonSchema);
  }
  const registry: Registry = {
    get: (type) => definitions.get(type),
    has: (type) => definitions.has(type),
    list: () => [...definitions.values()],
    describe: () => [...descriptors],
  };
  const checks: SchemaChecks = {
    document: (input) => checkJsonSchema(AUTOMATION_JSON_SCHEMA, input) as ReturnType<SchemaChecks['document']>,
    conditions: (input) =>
      checkJsonSchema(CONDITION_GROUP_JSON_SCHEMA, input) as { success: true; data: ConditionGroup },
    config: (definition, config) => {
      const schema = schemas.get(definition.type);
      return schema ? checkJsonSchema(schema, config) : { success: true, data: config };
    },
    configJsonSchema: (definition) => schemas.get(definition.type),
  };
  return {
    registry,
    validate: (automation, options = {}) => analyzeGraph(automation, registry, checks, options).problems,
  };
}

function definitionFrom(descriptor: NodeTypeDescriptor): NodeDefinition {
  // No zod schema here: configs are checked from the descriptor's JSON Schema (`checks.config`).
  return Object.freeze({
    type: descriptor.type,
    kind: descriptor.kind,
    version: descriptor.version,
    title: descriptor.title,
    outputs: descriptor.outputs,
    ...(descriptor.description ? { description: descriptor.description } : {}),
    ...(descriptor.category ? { category: descriptor.category } : {}),
    ...(descriptor.sampleOutput === undefined ? {} : { sampleOutput: descriptor.sampleOutput }),
    ...(descriptor.outputJsonSchema === undefined ? {} : { outputJsonSchema: descriptor.outputJsonSchema }),
    ...(descriptor.messages ? { messages: descriptor.messages } : {}),
    ...(descriptor.templateFields ? { templateFields: descriptor.templateFields } : {}),
  }) as unknown as NodeDefinition;
}
