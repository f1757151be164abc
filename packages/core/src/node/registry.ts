import { z } from 'zod';
import { DefinitionInvalidError } from '../errors/errors';
import { defineNode } from './define-node';
import { CONFIG_DERIVED_OUTPUT } from './output-shape';
import type { NodeDefinition, NodeTypeDescriptor, Registry } from './types';

/** A node definition of any config and output type, as registries hold them (`any` keeps typed nodes assignable). */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds nodes of every config and output type; `unknown` would reject typed ones
export type AnyNodeDefinition = NodeDefinition<any, any>;

/**
 * Builds the node catalogue; rejects a duplicate type or a malformed definition at once.
 * @example
 * const registry = createRegistry([orderPaid, sendEmail, wait]);
 */
export function createRegistry(nodes: readonly AnyNodeDefinition[]): Registry {
  if (!Array.isArray(nodes)) throw new DefinitionInvalidError('createRegistry expects an array of node definitions');
  const byType = new Map<string, NodeDefinition>();
  for (const node of nodes) {
    // Definitions not made by defineNode (hand-written objects) get the same checks.
    const definition = (Object.isFrozen(node) ? node : defineNode(node)) as NodeDefinition;
    if (typeof definition?.type !== 'string')
      throw new DefinitionInvalidError('createRegistry: an entry is not a node definition');
    if (byType.has(definition.type)) {
      throw new DefinitionInvalidError(`node type "${definition.type}": registered twice`, {
        details: { type: definition.type, field: 'type' },
      });
    }
    byType.set(definition.type, definition);
  }
  const list = Object.freeze([...byType.values()]);
  let described: NodeTypeDescriptor[] | undefined;

  return Object.freeze({
    get: (type: string) => byType.get(type),
    has: (type: string) => byType.has(type),
    list: () => [...list],
    describe: () => {
      described ??= list.map(describeNode);
      return described.map((descriptor) => ({ ...descriptor }));
    },
  });
}

function describeNode(node: NodeDefinition): NodeTypeDescriptor {
  const descriptor: NodeTypeDescriptor = {
    type: node.type,
    kind: node.kind,
    version: node.version,
    title: node.title,
    outputs: node.outputs,
    // The builder fills in the node's input, so fields with defaults are optional there.
    configJsonSchema: z.toJSONSchema(node.configSchema, { io: 'input' }) as Record<string, unknown>,
  };
  if (node.description !== undefined) descriptor.description = node.description;
  if (node.category !== undefined) descriptor.category = node.category;
  if (typeof node.outputSchema === 'function') descriptor.outputJsonSchema = { ...CONFIG_DERIVED_OUTPUT };
  else if (node.outputJsonSchema !== undefined) descriptor.outputJsonSchema = node.outputJsonSchema;
  if (node.sampleOutput !== undefined) descriptor.sampleOutput = node.sampleOutput;
  if (node.messages !== undefined) descriptor.messages = node.messages;
  if (node.templateFields !== undefined) descriptor.templateFields = node.templateFields;
  return descriptor;
}
