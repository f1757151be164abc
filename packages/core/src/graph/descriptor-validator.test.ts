import { describe, expect, it } from 'vitest';
import { designExample } from '../../test/fixtures/automations';
import { testRegistry } from '../../test/fixtures/test-nodes';
import { analyzeAutomation } from '../validation/analyze-automation';
import { createDescriptorValidator } from './descriptor-validator';

const registry = testRegistry();
const validator = createDescriptorValidator(registry.describe());
type Doc = ReturnType<typeof designExample>;
const edit = (change: (doc: Doc) => void): unknown => {
  const doc = structuredClone(designExample());
  change(doc);
  return doc;
};
const node = (doc: Doc, index: number): Record<string, unknown> => doc.nodes?.[index] as Record<string, unknown>;

/** Documents with one kind of fault each: the browser's check must find what zod and the graph rules find. */
const faulty: Record<string, unknown> = {
  'the design example': designExample(),
  'an empty name': edit((doc) => (doc.name = '')),
  'a name too long': edit((doc) => (doc.name = 'x'.repeat(201))),
  'a position of text': edit((doc) => (node(doc, 1).position = { x: 'left', y: 0 })),
  'a missing id': edit((doc) => delete node(doc, 1).id),
  'a config of the wrong type': edit((doc) => (node(doc, 1).config = { days: 'two' })),
  'a fractional day count': edit((doc) => (node(doc, 1).config = { days: 1.5 })),
  'a negative day count': edit((doc) => (node(doc, 1).config = { days: -1 })),
  'an empty subject': edit((doc) => (node(doc, 2).config = { to: 'a@b.ch', subject: '' })),
  'a missing recipient': edit((doc) => (node(doc, 2).config = { subject: 'Hi' })),
  'an unknown operator': edit(
    (doc) => (node(doc, 0).config = { combinator: 'all', conditions: [{ field: 'x', operator: 'like' }] }),
  ),
  'a nested group with an empty field': edit(
    (doc) =>
      (node(doc, 0).config = {
        combinator: 'any',
        conditions: [{ combinator: 'all', conditions: [{ field: '', operator: 'equals' }] }],
      }),
  ),
  'an unknown node type': edit((doc) => (node(doc, 2).type = 'send_fax')),
  'a missing target': edit((doc) => (node(doc, 1).connections = [{ targetId: 'nowhere' }])),
  'a wrong output': edit((doc) => (node(doc, 1).connections = [{ targetId: 'thanks', condition: 'true' }])),
  'a cycle': edit((doc) => (node(doc, 4).connections = [{ targetId: 'wait-2', condition: 'default' }])),
  'an unreachable step': edit((doc) => (node(doc, 0).connections = [])),
  'no trigger': edit((doc) => delete (doc as { trigger?: unknown }).trigger),
  'trigger conditions of the wrong shape': edit((doc) => (doc.trigger.config = { conditions: { combinator: 'x' } })),
  'a condition value of the wrong type': edit((doc) => (doc.isActive = 'yes' as unknown as boolean)),
  'nodes not a list': edit((doc) => ((doc as { nodes: unknown }).nodes = { a: 1 })),
};

describe('createDescriptorValidator', () => {
  for (const [what, doc] of Object.entries(faulty)) {
    it(`finds what validateAutomation finds (hooks aside) in ${what}`, () => {
      for (const lang of ['fr', 'en'] as const) {
        const expected = analyzeAutomation(doc, registry, { hooks: false, lang }).problems;
        expect(validator.validate(doc, { lang })).toEqual(expected);
      }
    });
  }

  it('reports each fault with its path and a readable message', () => {
    const problems = validator.validate(faulty['a missing recipient'], { lang: 'fr' });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'config_invalid', path: ['nodes', 2, 'config', 'to'], nodeId: 'thanks' }),
    ]);
    expect(problems[0]?.message).toContain('est obligatoire');
  });

  it('leaves the nodes’ hooks to the server', () => {
    const doc = edit((d) => (node(d, 2).config = { to: 'a@b.ch', subject: 'Hi {{trigger.nope}}' }));
    expect(analyzeAutomation(doc, registry).problems.map((p) => p.code)).toEqual(['unknown_variable']);
    expect(validator.validate(doc)).toEqual([]);
  });
});
