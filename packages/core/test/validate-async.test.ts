import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode } from '../src/node/define-node';
import { chain, setup } from './fixtures/harness';

/** A node that names a stored document of the tenant and reports when it does not exist. */
const useDoc = defineNode({
  type: 'use_doc',
  kind: 'action',
  version: 1,
  title: { fr: 'Utiliser un document', en: 'Use a document' },
  configSchema: z.object({ docId: z.string() }),
  messages: { doc_missing: { fr: 'le document « {docId} » n’existe pas', en: 'document "{docId}" does not exist' } },
  validateAsync: async ({ config, ports, userId, isKnown }) => {
    const doc = await ports.documents?.collection('docs').get(userId, config.docId);
    const problems = doc
      ? []
      : [{ path: ['docId'], code: 'doc_missing', message: 'missing', params: { docId: config.docId } }];
    if (!isKnown('trigger.order.id')) throw new Error('the hook should see the trigger variables');
    return problems;
  },
  execute: () => ({}),
});

const failing = defineNode({
  type: 'failing_check',
  kind: 'action',
  version: 1,
  title: { fr: 'Vérification en panne', en: 'Broken check' },
  configSchema: z.object({}),
  validateAsync: async () => {
    throw new Error('store down');
  },
  execute: () => ({}),
});

describe('engine.validateAsync', () => {
  it('adds the problems of hooks that read the tenant’s data through the ports', async () => {
    const { engine, store } = setup([useDoc, failing]);
    const automation = chain([
      { id: 'd', type: 'use_doc', config: { docId: 'tpl-1' } },
      { id: 'f', type: 'failing_check' },
    ]);
    const problems = await engine.validateAsync(automation, { lang: 'fr' });
    expect(problems).toEqual([
      {
        code: 'doc_missing',
        path: ['nodes', 0, 'config', 'docId'],
        nodeId: 'd',
        params: { docId: 'tpl-1' },
        message: 'Étape « Utiliser un document (d) » : le document « tpl-1 » n’existe pas.',
      },
      {
        code: 'node_invalid',
        path: ['nodes', 1, 'config'],
        nodeId: 'f',
        params: { type: 'failing_check', error: 'store down' },
        message: 'Étape « Vérification en panne (f) » : la vérification a échoué : store down.',
      },
    ]);
    await store.collection('docs').insert({ id: 'tpl-1', userId: 'u1' });
    expect((await engine.validateAsync(automation)).map((p) => p.code)).toEqual(['node_invalid']);
    // Another tenant's document does not count.
    expect((await engine.validateAsync({ ...automation, userId: 'u2' })).map((p) => p.code)).toEqual([
      'doc_missing',
      'node_invalid',
    ]);
    // The sync validation (the browser's) never runs them.
    expect(engine.validate(automation)).toEqual([]);
  });
});
