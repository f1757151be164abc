import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EmailTemplate } from '@swigs/automation-core';
import type { RenderedEmail, TemplateProblem } from '@swigs/automation-nodes';

/** The template fields checked and rendered. */
export type TemplateFields = Pick<EmailTemplate, 'subject' | 'body' | 'preheader' | 'text'>;

/** What a job answers: the syntax problems per field, and the rendered mail when asked and the template is valid. */
export type TemplateJobResult =
  | { kind: 'checked'; problems: { field: keyof TemplateFields; problem: TemplateProblem }[]; rendered?: RenderedEmail }
  | { kind: 'render_failed'; reason: string }
  | { kind: 'timed_out' };

/** Checks and renders templates off the request thread, one job at a time, each within a time limit. */
export interface TemplateWorker {
  run(template: TemplateFields, options: { render?: { data: unknown } }): Promise<TemplateJobResult>;
  close(): Promise<void>;
}

export interface TemplateWorkerOptions {
  /** Longest a job may take before the worker is stopped (and restarted). Default 2000 ms. */
  timeLimitMs?: number;
}

/**
 * Handlebars compiles a large template in seconds (a 200 kB one with 5 000 expressions: ~3 s, all synchronous): on
 * the request thread that stalls every tenant. Here the compile runs in a worker thread, so the event loop only
 * passes messages; a job past its time limit terminates the worker and answers `timed_out`.
 * @example
 * const worker = createTemplateWorker();
 * const result = await worker.run(template, { render: { data } });
 */
export function createTemplateWorker(options: TemplateWorkerOptions = {}): TemplateWorker {
  const timeLimitMs = options.timeLimitMs ?? 2000;
  let worker: { thread: Worker; ready: Promise<void> } | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const spawn = (): { thread: Worker; ready: Promise<void> } => {
    const thread = new Worker(WORKER_SOURCE, { eval: true, workerData: { nodes: nodesEntry() } });
    thread.unref();
    const spawned = {
      thread,
      // Loading Handlebars in the thread takes a while under load: the time limit starts once it is ready.
      ready: new Promise<void>((resolve, reject) => {
        thread.once('message', () => resolve());
        thread.once('error', reject);
      }),
    };
    thread.on('error', () => {
      if (worker === spawned) worker = undefined;
    });
    return spawned;
  };

  const once = async (template: TemplateFields, render: { data: unknown } | undefined): Promise<TemplateJobResult> => {
    worker ??= spawn();
    const spawned = worker;
    await spawned.ready;
    const w = spawned.thread;
    return new Promise((resolve) => {
      const finish = (result: TemplateJobResult): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        resolve(result);
      };
      const onMessage = (result: TemplateJobResult): void => finish(result);
      const onError = (error: Error): void => finish({ kind: 'render_failed', reason: error.message });
      const timer = setTimeout(() => {
        if (worker === spawned) worker = undefined;
        void w.terminate();
        finish({ kind: 'timed_out' });
      }, timeLimitMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.postMessage({ template, render });
    });
  };

  return {
    run(template, runOptions) {
      if (closed) return Promise.reject(new Error('template worker is closed'));
      const job = queue.then(() => once(template, runOptions.render));
      queue = job.catch(() => undefined);
      return job;
    },
    async close() {
      closed = true;
      const w = worker;
      worker = undefined;
      if (w) await w.thread.terminate();
    },
  };
}

/** The nodes package's CommonJS entry, resolved from this module (the worker's eval code has no module of its own). */
function nodesEntry(): string {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  return createRequire(here).resolve('@swigs/automation-nodes');
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { renderEmail, validateTemplateSource } = require(workerData.nodes);
parentPort.postMessage('ready');
parentPort.on('message', ({ template, render }) => {
  const problems = [];
  for (const field of ['subject', 'body', 'preheader', 'text']) {
    const source = template[field];
    if (!source) continue;
    for (const problem of validateTemplateSource(source, [])) {
      if (problem.code !== 'unknown_variable') problems.push({ field, problem });
    }
  }
  if (problems.length > 0 || !render) return parentPort.postMessage({ kind: 'checked', problems });
  try {
    parentPort.postMessage({ kind: 'checked', problems, rendered: renderEmail(template, render.data) });
  } catch (error) {
    parentPort.postMessage({ kind: 'render_failed', reason: error instanceof Error ? error.message : String(error) });
  }
});
`;
