import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode } from '../src/node/define-node';
import type { Logger } from '../src/ports/logger';
import { chain, setup } from './fixtures/harness';

/** A logger port that records what it wrote and the bindings of each child it made. */
function recordingLogger(): { logger: Logger; lines: unknown[][]; children: Record<string, unknown>[] } {
  const lines: unknown[][] = [];
  const children: Record<string, unknown>[] = [];
  const make = (bound: Record<string, unknown>): Logger => ({
    debug: (message, fields) => lines.push(['debug', message, { ...bound, ...fields }]),
    info: (message, fields) => lines.push(['info', message, { ...bound, ...fields }]),
    warn: (message, fields) => lines.push(['warn', message, { ...bound, ...fields }]),
    error: (message, fields) => lines.push(['error', message, { ...bound, ...fields }]),
    child: (fields) => {
      children.push(fields);
      return make({ ...bound, ...fields });
    },
  });
  return { logger: make({}), lines, children };
}

const chatty = defineNode({
  type: 'chatty',
  kind: 'action',
  version: 1,
  title: { fr: 'Bavard', en: 'Chatty' },
  configSchema: z.object({}),
  execute: (ctx) => {
    ctx.logger.info('synced', { items: 2 });
    return { output: { ok: true } };
  },
});

const quiet = defineNode({
  type: 'quiet',
  kind: 'action',
  version: 1,
  title: { fr: 'Discret', en: 'Quiet' },
  configSchema: z.object({}),
  execute: () => ({ output: { ok: true } }),
});

describe('node loggers', () => {
  it('gives a node that logs a logger bound to its run and node, and makes none for a node that does not', async () => {
    const { logger, lines, children } = recordingLogger();
    const { engine, save } = setup([chatty, quiet], { logger });
    await save(
      chain([
        { id: 'first', type: 'quiet' },
        { id: 'talk', type: 'chatty' },
        { id: 'last', type: 'quiet' },
      ]),
    );
    const [run] = await engine.fire('order.paid', {});
    expect(run?.status).toBe('completed');
    expect(lines).toContainEqual(['info', 'synced', { runId: run!.id, nodeId: 'talk', items: 2 }]);
    expect(children.filter((fields) => 'nodeId' in fields)).toEqual([{ runId: run!.id, nodeId: 'talk' }]);
  });
});
