import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { designExample } from '../../test/fixtures/automations';
import { testRegistry } from '../../test/fixtures/test-nodes';
import { defineNode } from '../node/define-node';
import { fieldMeta } from '../node/output-shape';
import { validateAutomation } from './validate-automation';

const registry = testRegistry();
type Doc = ReturnType<typeof designExample>;
const edit = (change: (doc: Doc) => void): Doc => {
  const doc = structuredClone(designExample());
  change(doc);
  return doc;
};
const codes = (doc: unknown): string[] => validateAutomation(doc, registry).map((p) => p.code);

describe('validateAutomation', () => {
  it('accepts the design example as-is', () => {
    expect(validateAutomation(designExample(), registry)).toEqual([]);
  });

  it('accepts a document without optional fields (defaults apply)', () => {
    const doc = {
      id: 'a',
      userId: 'u',
      name: 'Min',
      trigger: { type: 'order.paid' },
      nodes: [{ id: 'n', type: 'wait' }],
    };
    expect(validateAutomation(doc, registry)).toEqual([]);
  });

  it('maps schema errors of the document to field paths', () => {
    const problems = validateAutomation(
      edit((doc) => {
        doc.name = '';
        (doc.nodes![1] as { position: unknown }).position = { x: 'left', y: 0 };
      }),
      registry,
    );
    expect(problems).toContainEqual(expect.objectContaining({ code: 'schema_invalid', path: ['name'] }));
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'schema_invalid', path: ['nodes', 1, 'position', 'x'], nodeId: 'wait-2' }),
    );
    expect(problems.find((p) => p.nodeId === 'wait-2')?.message).toBe(
      'Step "Wait (wait-2)": the "x" field must be a number.',
    );
    expect(problems.find((p) => p.path[0] === 'name')?.message).toBe(
      'Automation "relance": the "Name" field is required.',
    );
  });

  it('reports an unknown node type with its path', () => {
    const problems = validateAutomation(
      edit((doc) => (doc.nodes![2]!.type = 'send_fax')),
      registry,
    );
    expect(problems).toEqual([
      {
        code: 'unknown_node_type',
        message: 'Step "thanks": unknown step type "send_fax".',
        nodeId: 'thanks',
        path: ['nodes', 2, 'type'],
        params: { type: 'send_fax' },
      },
    ]);
  });

  it('reports a config failing its node schema at the config field', () => {
    const problems = validateAutomation(
      edit((doc) => {
        doc.nodes![1]!.config = { days: -3 };
        doc.nodes![2]!.config = { subject: 'Merci' };
      }),
      registry,
    );
    expect(problems.map((p) => [p.code, p.path, p.nodeId])).toEqual([
      ['config_invalid', ['nodes', 1, 'config', 'days'], 'wait-2'],
      ['config_invalid', ['nodes', 2, 'config', 'to'], 'thanks'],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'Step "Wait (wait-2)": the "days" field must be at least 0.',
      'Step "Send an email (thanks)": the "to" field is required.',
    ]);
  });

  it('checks the trigger config and its optional conditions', () => {
    const problems = validateAutomation(
      edit((doc) => (doc.trigger.config = { siteId: 7, conditions: { combinator: 'both', conditions: [] } })),
      registry,
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['config_invalid', ['trigger', 'config', 'siteId']],
      ['config_invalid', ['trigger', 'config', 'conditions', 'combinator']],
    ]);
  });

  it('reports a connection to a missing node', () => {
    const problems = validateAutomation(
      edit((doc) => (doc.nodes![3]!.connections = [{ targetId: 'gone', condition: 'default' }])),
      registry,
    );
    expect(problems).toContainEqual({
      code: 'missing_target',
      message: 'Step "Wait (wait-7)": connects to a step that does not exist ("gone").',
      nodeId: 'wait-7',
      path: ['nodes', 3, 'connections', 0, 'targetId'],
      params: { target: 'gone' },
    });
    expect(codes(edit((doc) => (doc.trigger.connections = [{ targetId: 'nowhere', condition: 'default' }])))).toContain(
      'missing_target',
    );
  });

  it('reports unreachable nodes', () => {
    const problems = validateAutomation(
      edit((doc) => (doc.nodes![2]!.connections = [])),
      registry,
    );
    expect(problems.map((p) => [p.code, p.nodeId, p.path])).toEqual([
      ['unreachable_node', 'wait-7', ['nodes', 3]],
      ['unreachable_node', 'review', ['nodes', 4]],
    ]);
  });

  it('takes the first steps from trigger.connections when present', () => {
    const doc = edit((doc) => (doc.trigger.connections = [{ targetId: 'wait-2', condition: 'default' }]));
    expect(validateAutomation(doc, registry).map((p) => [p.code, p.nodeId])).toEqual([['unreachable_node', 'is-paid']]);
  });

  it('reports a cycle naming its nodes', () => {
    const problems = validateAutomation(
      edit((doc) => doc.nodes![4]!.connections!.push({ targetId: 'wait-2', condition: 'default' })),
      registry,
    );
    expect(problems).toEqual([
      {
        code: 'cycle',
        message: 'Step "Send an email (review)": creates a loop (wait-2 → thanks → wait-7 → review → wait-2).',
        nodeId: 'review',
        path: ['nodes', 4, 'connections', 0],
        params: { loop: 'wait-2 → thanks → wait-7 → review → wait-2' },
      },
    ]);
    expect(
      codes(edit((doc) => doc.nodes![1]!.connections!.push({ targetId: 'wait-2', condition: 'default' }))),
    ).toEqual(['cycle']);
  });

  it('requires condition nodes to connect from true or false only', () => {
    const problems = validateAutomation(
      edit((doc) => (doc.nodes![0]!.connections = [{ targetId: 'wait-2', condition: 'default' }])),
      registry,
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['condition_outputs', ['nodes', 0, 'connections', 0, 'condition']],
      ['unreachable_node', ['nodes', 1]],
      ['unreachable_node', ['nodes', 2]],
      ['unreachable_node', ['nodes', 3]],
      ['unreachable_node', ['nodes', 4]],
    ]);
  });

  it('rejects true/false connections from nodes that are not conditions', () => {
    const problems = validateAutomation(
      edit((doc) => (doc.nodes![1]!.connections = [{ targetId: 'thanks', condition: 'false' }])),
      registry,
    );
    expect(problems[0]).toMatchObject({
      code: 'connection_output_invalid',
      nodeId: 'wait-2',
      path: ['nodes', 1, 'connections', 0, 'condition'],
    });
    expect(codes(edit((doc) => (doc.trigger.connections = [{ targetId: 'is-paid', condition: 'true' }])))).toContain(
      'connection_output_invalid',
    );
  });

  it('requires exactly one trigger', () => {
    expect(codes(edit((doc) => delete (doc as { trigger?: unknown }).trigger))).toEqual([
      'schema_invalid',
      'trigger_missing',
    ]);
    expect(codes(edit((doc) => (doc.trigger.type = 'send_email')))).toEqual(['trigger_invalid']);
    expect(codes(edit((doc) => (doc.trigger.type = 'order.shipped')))).toEqual(['unknown_trigger_type']);
    const second = validateAutomation(
      edit((doc) => (doc.nodes![4]!.type = 'time.schedule')),
      registry,
    );
    expect(second).toContainEqual(
      expect.objectContaining({ code: 'multiple_triggers', nodeId: 'review', path: ['nodes', 4, 'type'] }),
    );
  });

  it('reports duplicate node ids', () => {
    const problems = validateAutomation(
      edit((doc) => (doc.nodes![4]!.id = 'thanks')),
      registry,
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['duplicate_node_id', ['nodes', 4, 'id']],
      ['missing_target', ['nodes', 3, 'connections', 0, 'targetId']],
    ]);
  });

  it('runs node validate hooks with the variables upstream of each node', () => {
    const seen: Record<string, string[]> = {};
    const spy = defineNode({
      type: 'spy',
      kind: 'action',
      version: 1,
      title: { fr: 'Espion', en: 'Spy' },
      configSchema: z.object({}),
      sampleOutput: { items: [{ sku: 'x' }] },
      validate: ({ variables }) => {
        seen[[...variables].length] = [...variables].sort();
        return [];
      },
      execute: () => ({}),
    });
    const doc = edit((doc) => {
      doc.nodes![4]!.connections = [{ targetId: 'spy', condition: 'default' }];
      doc.nodes!.push({ id: 'spy', type: 'spy', config: {} });
    });
    expect(validateAutomation(doc, testRegistry(spy))).toEqual([]);
    const variables = Object.values(seen)[0];
    expect(variables).toContain('trigger.customer.email');
    expect(variables).toContain('nodes.thanks.messageId');
    expect(variables).toContain('nodes.wait-7.until');
    expect(variables).toContain('nodes.is-paid');
    expect(variables).not.toContain('nodes.spy');
  });

  it('reports hook problems under the node config path', () => {
    const problems = validateAutomation(
      edit((doc) => (doc.nodes![2]!.config = { to: 'a@b.ch', subject: 'Hi {{trigger.customer.phone}}' })),
      registry,
    );
    expect(problems).toEqual(
      [
        {
          code: 'unknown_variable',
          message: 'unknown variable {{trigger.customer.phone}}',
          nodeId: 'thanks',
          path: ['nodes', 2, 'config', 'subject'],
        },
      ].map((p) => ({ ...p, message: `Step "Send an email (thanks)": ${p.message}.` })),
    );
  });

  it('turns a throwing hook into a problem', () => {
    const boom = defineNode({
      type: 'boom',
      kind: 'action',
      version: 1,
      title: { fr: 'B', en: 'B' },
      configSchema: z.object({}),
      validate: () => {
        throw new Error('kaput');
      },
      execute: () => ({}),
    });
    const doc = edit((doc) => (doc.nodes = [{ id: 'b', type: 'boom' }]));
    expect(validateAutomation(doc, testRegistry(boom))).toEqual([
      {
        code: 'node_invalid',
        message: 'Step "B (b)": the check failed: kaput.',
        nodeId: 'b',
        path: ['nodes', 0, 'config'],
        params: { type: 'boom', error: 'kaput' },
      },
    ]);
  });

  it('returns every problem at once', () => {
    const doc = edit((doc) => {
      doc.nodes![0]!.type = 'nope';
      doc.nodes![1]!.config = { days: 'two' };
      doc.nodes![3]!.connections = [{ targetId: 'ghost', condition: 'default' }];
    });
    expect(codes(doc)).toEqual(['unknown_node_type', 'config_invalid', 'missing_target', 'unreachable_node']);
  });

  it('never throws, whatever it is given', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    for (const input of [undefined, null, 42, 'x', [], {}, { nodes: 'x' }, { nodes: [null, 1, { id: 3 }] }, hostile]) {
      expect(() => validateAutomation(input, registry)).not.toThrow();
      expect(validateAutomation(input, registry).length).toBeGreaterThan(0);
    }
  });

  it('survives 1,000 random malformed documents', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
        fc.anything(),
        (junk, nodeJunk) => {
          const doc = edit((doc) => {
            (doc as Record<string, unknown>).trigger = junk;
            doc.nodes!.push(nodeJunk as never);
          });
          expect(Array.isArray(validateAutomation(doc, registry))).toBe(true);
          expect(Array.isArray(validateAutomation(junk, registry))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('problems in the user’s language', () => {
  it('names the step by its label, else its title and id, in French and English', () => {
    const doc = edit((doc) => {
      doc.nodes![2]!.label = 'E-mail Merci';
      doc.nodes![2]!.config = { subject: 'Merci' };
      doc.nodes![3]!.config = { days: 'deux' };
    });
    expect(validateAutomation(doc, registry, { lang: 'fr' }).map((p) => p.message)).toEqual([
      'Étape « E-mail Merci » : le champ « to » est obligatoire.',
      'Étape « Attendre (wait-7) » : le champ « days » doit être un nombre.',
    ]);
    expect(validateAutomation(doc, registry, { lang: 'en' }).map((p) => p.message)).toEqual([
      'Step "E-mail Merci": the "to" field is required.',
      'Step "Wait (wait-7)": the "days" field must be a number.',
    ]);
  });

  it('uses a field’s label and its own error text when the schema gives them', () => {
    const mail = defineNode({
      type: 'mail',
      kind: 'action',
      version: 1,
      title: { fr: 'E-mail', en: 'Email' },
      configSchema: z.object({
        to: z
          .string()
          .min(1)
          .meta({ 'x-swigs-label': { fr: 'Destinataire', en: 'Recipient' } }),
        code: z
          .string()
          .regex(/^[A-Z]+$/, 'must be upper case')
          .meta({ 'x-swigs-error': { fr: 'doit être en majuscules', en: 'must be upper case' } })
          .optional(),
        days: z
          .number()
          .optional()
          .refine((n) => n !== 13, { message: 'not 13', params: { i18n: { fr: 'pas 13', en: 'not 13' } } }),
      }),
      execute: () => ({}),
    });
    const doc = edit((doc) => {
      doc.nodes = [{ id: 'avis', label: 'E-mail Avis', type: 'mail', config: { to: '', code: 'abc', days: 13 } }];
    });
    expect(validateAutomation(doc, testRegistry(mail), { lang: 'fr' }).map((p) => p.message)).toEqual([
      'Étape « E-mail Avis » : le champ « Destinataire » est obligatoire.',
      'Étape « E-mail Avis » : le champ « code » : doit être en majuscules.',
      'Étape « E-mail Avis » : le champ « days » : pas 13.',
    ]);
    expect(validateAutomation(doc, testRegistry(mail), { lang: 'en' })[0]?.message).toBe(
      'Step "E-mail Avis": the "Recipient" field is required.',
    );
  });

  it('names the allowed values by their labels when the field lists them', () => {
    const delay = defineNode({
      type: 'delay',
      kind: 'action',
      version: 1,
      title: { fr: 'Délai', en: 'Delay' },
      configSchema: z.object({
        after: z.enum(['order.paid', 'order.delivered']).meta(
          fieldMeta({ fr: 'Après', en: 'After' }, [
            { value: 'order.paid', label: { fr: 'Commande payée', en: 'Order paid' } },
            { value: 'order.delivered', label: { fr: 'Commande livrée', en: 'Order delivered' } },
          ]),
        ),
        unit: z.enum(['days', 'weeks']),
      }),
      execute: () => ({}),
    });
    const doc = edit((doc) => {
      doc.nodes = [{ id: 'd', type: 'delay', config: { after: 'manual', unit: 'months' } }];
    });
    expect(validateAutomation(doc, testRegistry(delay), { lang: 'fr' }).map((p) => p.message)).toEqual([
      'Étape « Délai (d) » : le champ « Après » doit être l’une de ces valeurs : « Commande payée », « Commande livrée ».',
      'Étape « Délai (d) » : le champ « unit » doit être l’une de ces valeurs : "days", "weeks".',
    ]);
    expect(validateAutomation(doc, testRegistry(delay), { lang: 'en' }).map((p) => p.message)[0]).toBe(
      'Step "Delay (d)": the "After" field must be one of "Order paid", "Order delivered".',
    );
  });

  it('writes graph problems in French too, with stable codes and paths', () => {
    const doc = edit((doc) => {
      doc.nodes![3]!.connections = [{ targetId: 'ghost', condition: 'default' }];
      doc.trigger.type = 'order.shipped';
    });
    expect(validateAutomation(doc, registry, { lang: 'fr' })).toEqual([
      {
        code: 'missing_target',
        path: ['nodes', 3, 'connections', 0, 'targetId'],
        nodeId: 'wait-7',
        params: { target: 'ghost' },
        message: 'Étape « Attendre (wait-7) » : relie une étape qui n’existe pas (« ghost »).',
      },
      {
        code: 'unknown_trigger_type',
        path: ['trigger', 'type'],
        params: { type: 'order.shipped' },
        message: 'Déclencheur « order.shipped » : type de déclencheur inconnu « order.shipped ».',
      },
      {
        code: 'unreachable_node',
        path: ['nodes', 4],
        nodeId: 'review',
        message:
          'Étape « Envoyer un e-mail (review) » : n’est reliée à aucune étape depuis le déclencheur et ne s’exécutera jamais.',
      },
    ]);
  });
});
