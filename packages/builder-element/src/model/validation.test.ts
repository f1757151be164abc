import { createRegistry, validateAutomation, type Automation, type ValidationProblem } from '@swigs/automation-core';
import { allNodes } from '@swigs/automation-nodes';
import { describe, expect, it } from 'vitest';
import { descriptors, sampleAutomation } from '../../test/fixtures';
import { createDescriptorRegistry, validateForBuilder } from './validation';

const server = createRegistry(allNodes);
const browser = createDescriptorRegistry(descriptors);
/** What the schemas find: the hooks' findings (unknown variables...) come from the server alone. */
const schemaProblems = (problems: ValidationProblem[]): ValidationProblem[] =>
  problems.filter((p) => p.code === 'config_invalid' || p.code === 'schema_invalid');

/** Each action of the catalogue after the trigger, with `config`. */
function withStep(type: string, config: unknown): Automation {
  const automation = sampleAutomation();
  const step = { id: 'step', type, position: { x: 0, y: 0 }, config, connections: [] };
  return {
    ...automation,
    nodes: [step as Automation['nodes'][number]],
    trigger: { ...automation.trigger, connections: [{ targetId: 'step', condition: 'default' }] },
  };
}

/** Wrong values for every top-level field of a config schema: of another type, empty, too long, negative. */
function variants(schema: Record<string, unknown>): unknown[] {
  const properties = Object.keys((schema.properties ?? {}) as Record<string, unknown>);
  const wrong: unknown[] = [42, '', 'x'.repeat(20_000), -1, 1.5, [], {}, null, true];
  return [{}, ...properties.flatMap((key) => wrong.map((value) => ({ [key]: value })))];
}

describe('validateForBuilder', () => {
  it('finds what the server’s zod schemas find in every node’s config, without zod', () => {
    let compared = 0;
    for (const descriptor of descriptors.filter((d) => d.kind !== 'trigger')) {
      for (const config of variants(descriptor.configJsonSchema)) {
        const automation = withStep(descriptor.type, config);
        const expected = schemaProblems(validateAutomation(automation, server));
        const found = schemaProblems(validateForBuilder(automation, browser).problems);
        // Refinements (cross-field rules) are not in JSON Schema: the browser may find less, never other things.
        for (const problem of found)
          expect(expected, `${descriptor.type} ${JSON.stringify(config)}`).toContainEqual(problem);
        if (expected.every((p) => found.some((f) => f.message === p.message))) compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('accepts the sample automation as the server does', () => {
    expect(validateForBuilder(sampleAutomation(), browser).problems).toEqual([]);
    expect(schemaProblems(validateAutomation(sampleAutomation(), server))).toEqual([]);
  });
});
