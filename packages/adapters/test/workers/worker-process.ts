import { type ChildProcess, fork } from 'node:child_process';
import type { WorkerConfig } from './automation-worker';
import { bundleWorker, WORKER_NODE_PATH } from './bundle-worker';

/** A worker child process running the bundled `automation-worker`. */
export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves once the engine started. */
  ready: Promise<void>;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | string | null>;
  stderr(): string;
  /** Resolves once the worker fired the events it was asked to. */
  fired: Promise<void>;
  /** Nodes the worker completed, reported when it stops gracefully. */
  completedNodes(): number | undefined;
}

/** Starts a worker process on the current sources (bundled once per test file). */
export async function startWorker(config: WorkerConfig): Promise<WorkerProcess> {
  const bundle = await bundleWorker();
  const child = fork(bundle, [], {
    env: { ...process.env, NODE_PATH: WORKER_NODE_PATH, WORKER_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
  });
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? code));
  });
  let completedNodes: number | undefined;
  let onFired: () => void = () => {};
  const fired = new Promise<void>((resolve) => {
    onFired = resolve;
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: { type?: string; nodes?: number }) => {
      if (message?.type === 'ready') resolve();
      if (message?.type === 'stats') completedNodes = message.nodes;
      if (message?.type === 'fired') onFired();
    });
    void exited.then((how) =>
      reject(new Error(`worker ${config.workerId} exited before ready (${String(how)}): ${stderr.slice(-2000)}`)),
    );
  });
  ready.catch(() => undefined);
  return { child, ready, fired, exited, stderr: () => stderr, completedNodes: () => completedNodes };
}

/** Stops a worker gracefully (SIGTERM), or kills it after `ms`. */
export async function stopWorker(worker: WorkerProcess, ms = 10_000): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), ms);
  await worker.exited;
  clearTimeout(timer);
}
