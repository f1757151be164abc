import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Checkpoints of one SQLite file's WAL, run by a worker thread on its own connection. */
export interface WalCheckpointer {
  /** Tells it that a transaction was committed: a checkpoint follows soon, once the WAL passes `START_BYTES`. */
  committed(): void;
  /** True while commits must wait: the WAL passed its limit and is being fully checkpointed so it can restart. */
  holding(): boolean;
  /** Stops the thread after any checkpoint in progress; safe to call twice. */
  close(): Promise<void>;
}

export interface WalCheckpointerOptions {
  filename: string;
  /** Called when held commits may go on (the queue's flush). */
  release(): void;
  /** Called once if the thread cannot run: the caller goes back to SQLite's own checkpoints. */
  failed(error: Error): void;
}

/**
 * WAL size (bytes) below which no thread runs: an idle server, or one that writes little, never pays for one (a
 * thread is several MB of memory); a WAL this short is copied in well under a millisecond when the thread starts.
 */
const START_BYTES = 4 * 1024 * 1024;
/** Least time between two checkpoints: each syncs the database file, so under load they are grouped. */
const INTERVAL_MS = 100;
/** A WAL longer than this (frames of 4 KiB, as `wal_autocheckpoint` counted them) holds commits until it restarts. */
const LIMIT_FRAMES = 4000;
/**
 * Longest commits are held for a restart: another process's reader or writer may keep the WAL from restarting.
 * After such a hold, commits are not held again for `MAX_HOLD_MS * 10`, so they stay held a tenth of the time at most.
 */
const MAX_HOLD_MS = 1000;

interface Checkpointed {
  log: number;
  checkpointed: number;
}

/**
 * SQLite's automatic checkpoint runs in the commit that crosses `wal_autocheckpoint`: it copies the WAL into the
 * database and syncs the database file on the event loop, a 30 ms stall every second under load (the p99 of the
 * webhook bench). Here a worker thread runs `wal_checkpoint(PASSIVE)`, which never blocks writers, shortly after
 * commits. A WAL only restarts from its start when a writer finds it fully copied, which steady commits never
 * allow: past `LIMIT_FRAMES`, commits are held (writes keep queueing, the event loop keeps running) for the one
 * checkpoint that copies the rest, and the next commit restarts the WAL.
 */
export function createWalCheckpointer(options: WalCheckpointerOptions): WalCheckpointer {
  let thread: Worker | undefined;
  let inFlight = false;
  let sawWhole = false;
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  let lastAt = 0;
  let heldSince: number | undefined;
  let holdAfter = 0;
  let closed = false;
  let broken = false;

  const start = (): Worker => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: driverEntry(), filename: options.filename },
    });
    worker.unref();
    worker.on('message', (result: Checkpointed) => {
      inFlight = false;
      lastAt = Date.now();
      if (closed) return;
      const now = Date.now();
      if (heldSince === undefined && result.log > LIMIT_FRAMES && now >= holdAfter) heldSince = now;
      // Only a checkpoint that started while commits were held saw the whole WAL: `log` is its length then.
      if (heldSince !== undefined && sawWhole && result.log === result.checkpointed) {
        heldSince = undefined;
        options.release();
      } else if (heldSince !== undefined && now - heldSince > MAX_HOLD_MS) {
        heldSince = undefined;
        holdAfter = now + MAX_HOLD_MS * 10;
        options.release();
      }
      // A held WAL is copied again at once: nothing was committed meanwhile, so that checkpoint completes it.
      if (heldSince !== undefined) pending = true;
      if (pending) schedule();
    });
    worker.on('error', (error) => {
      broken = true;
      thread = undefined;
      if (heldSince !== undefined) {
        heldSince = undefined;
        options.release();
      }
      if (!closed) options.failed(error);
    });
    return worker;
  };

  const walPastStart = (): boolean => {
    try {
      return statSync(`${options.filename}-wal`).size > START_BYTES;
    } catch {
      return false;
    }
  };

  const request = (): void => {
    timer = undefined;
    if (closed || broken || inFlight) return;
    pending = false;
    inFlight = true;
    sawWhole = heldSince !== undefined;
    thread ??= start();
    thread.postMessage('checkpoint');
  };

  const schedule = (): void => {
    if (timer !== undefined || inFlight || closed || broken) return;
    const wait = heldSince !== undefined ? 0 : Math.max(0, lastAt + INTERVAL_MS - Date.now());
    timer = setTimeout(request, wait);
    timer.unref();
  };

  return {
    committed() {
      if (thread === undefined && !walPastStart()) return;
      pending = true;
      schedule();
    },
    holding: () => heldSince !== undefined,
    async close() {
      if (closed) return;
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      if (heldSince !== undefined) {
        heldSince = undefined;
        options.release();
      }
      const worker = thread;
      thread = undefined;
      if (!worker || broken) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // Unreferenced, the thread would let the process end before it closed (and before the caller goes on).
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}

/** better-sqlite3's entry, resolved from this module (the worker's eval code has no module of its own). */
function driverEntry(): string {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  return createRequire(here).resolve('better-sqlite3');
}

// synchronous NORMAL: a checkpoint syncs the WAL before copying it and the database file before the WAL may
// restart, which is what crash safety needs; this connection never writes, so it never checkpoints on its own.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  const { log, checkpointed } = checkpoint.get();
  parentPort.postMessage({ log, checkpointed });
});
`;
