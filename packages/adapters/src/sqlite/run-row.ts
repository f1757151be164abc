import {
  type AutomationRun,
  claimableAt,
  isTerminalRunStatus,
  type RunStatus,
  waitingStepOf,
} from '@swigs/automation-core';
import { type DateMarker, decodeDate, decodeJson, encodeDate, encodeJson } from './codec';

/** A row of `runs` as `SELECT *` reads it. */
export interface RunRow {
  id: string;
  user_id: string;
  automation_id: string;
  status: RunStatus;
  scheduled_at: number | null;
  lease_owner: string | null;
  lease_until: number | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  due_at: number | null;
  finished_at: number | null;
  automation_version: number;
  waiting_node: string | null;
  steps_logged: number;
  doc: string;
  trigger_data: string | null;
  outputs: string;
  log: string;
}

/** The columns a checkpoint sets whatever it appends. */
export interface RunState {
  id: string;
  status: RunStatus;
  scheduled_at: number | null;
  lease_owner: string | null;
  lease_until: number | null;
  updated_at: number;
  completed_at: number | null;
  due_at: number | null;
  finished_at: number | null;
  waiting_node: string | null;
  steps_logged: number;
  doc: string;
}

/**
 * What a store last read or wrote of a run object: how many log entries and output keys the row holds. The log,
 * the outputs and the trigger data are append-only (the Store contract), so a checkpoint of that object encodes
 * only what came after. Output keys keep their insertion order (integer-like keys excepted, see `appendedParts`),
 * so the first `outputs` keys are the stored ones.
 */
export interface StoredParts {
  logged: number;
  outputs: number;
}

/** The parts of `run` the row holds once it is written. */
export function partsOf(run: AutomationRun): StoredParts {
  let outputs = 0;
  for (const _ in run.outputs) outputs += 1;
  return { logged: run.executionLog.length, outputs };
}

/** The whole row of `run`: every part encoded. */
export function toRow(run: AutomationRun): RunRow {
  // Field by field, not `{ ...stateOf(run), user_id, ... }`: on Node 20 each field added to the spread's copy
  // missed its inline cache (a map migration per field per call), ~15 µs per run, more than the encoding.
  const state = stateOf(run);
  return {
    id: state.id,
    user_id: run.userId,
    automation_id: run.automationId,
    status: state.status,
    scheduled_at: state.scheduled_at,
    lease_owner: state.lease_owner,
    lease_until: state.lease_until,
    created_at: time(run.createdAt) ?? 0,
    updated_at: state.updated_at,
    completed_at: state.completed_at,
    due_at: state.due_at,
    finished_at: state.finished_at,
    automation_version: run.automationVersion,
    waiting_node: state.waiting_node,
    steps_logged: state.steps_logged,
    doc: state.doc,
    trigger_data: run.triggerData === undefined ? null : encodeJson(run.triggerData),
    outputs: encodeJson(run.outputs),
    log: encodeJson(run.executionLog),
  };
}

/** The values of `INSERT INTO runs (id, user_id, ..., log)`, in the column order of `sqlite-runs`. */
export function insertArgs(row: RunRow): unknown[] {
  return [
    row.id,
    row.user_id,
    row.automation_id,
    row.status,
    row.scheduled_at,
    row.lease_owner,
    row.lease_until,
    row.created_at,
    row.updated_at,
    row.completed_at,
    row.due_at,
    row.finished_at,
    row.automation_version,
    row.waiting_node,
    row.steps_logged,
    row.doc,
    row.trigger_data,
    row.outputs,
    row.log,
  ];
}

/** The columns of `run` that change over its life, with `doc`: the fields no column nor part holds. */
export function stateOf(run: AutomationRun): RunState {
  return {
    id: run.id,
    status: run.status,
    scheduled_at: time(run.scheduledAt),
    lease_owner: run.leaseOwner,
    lease_until: time(run.leaseUntil),
    updated_at: time(run.updatedAt) ?? 0,
    completed_at: time(run.completedAt),
    due_at: claimableAt(run),
    finished_at: isTerminalRunStatus(run.status) ? (time(run.completedAt) ?? time(run.updatedAt)) : null,
    waiting_node: waitingStepOf(run),
    steps_logged: run.executionLog.length,
    // Every field is a string, number, null or string array but `startedAt`, so only that one needs the codec's
    // Date marker: no walk and no copy of the document (what `encodeJson` would do for its one Date).
    doc: JSON.stringify({
      automationVersion: run.automationVersion,
      triggerType: run.triggerType,
      currentNodeId: run.currentNodeId,
      queue: run.queue,
      error: run.error,
      errorCode: run.errorCode,
      attempt: run.attempt,
      steps: run.steps,
      startedAt: encodeDate(run.startedAt),
    }),
  };
}

/**
 * The log entries and outputs `run` has beyond `stored`, as JSON text to append to the row's array and object
 * (null: nothing new); undefined when the outputs cannot be appended to: a key that reads back as a codec marker,
 * or an integer-like key, which objects list first whatever the order it was added in.
 */
export function appendedParts(
  run: AutomationRun,
  stored: StoredParts,
): { log: string | null; outputs: string | null } | undefined {
  let outputs: string | null = null;
  let index = 0;
  for (const key in run.outputs) {
    if (key === '$date' || key === '$esc' || isIndexLike(key)) return undefined;
    if (index++ < stored.outputs) continue;
    const value = run.outputs[key];
    if (value === undefined || typeof value === 'function') continue;
    const pair = `${JSON.stringify(key)}:${encodeJson(value)}`;
    outputs = outputs === null ? pair : `${outputs},${pair}`;
  }
  const log = run.executionLog;
  let entries: string | null = null;
  for (let entry = stored.logged; entry < log.length; entry++) {
    const text = encodeJson(log[entry]);
    entries = entries === null ? text : `${entries},${text}`;
  }
  return { log: entries, outputs };
}

/** Whether objects order `key` as an array index (before every other key). */
function isIndexLike(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(0|[1-9]\d*)$/.test(key) && Number(key) < 4_294_967_295;
}

/** A run from its row. */
export function fromRow(row: RunRow): AutomationRun {
  // The document's fields one by one, as `stateOf` writes them: every run then has the same shape (the engine's
  // inline caches stay monomorphic), with no spread's copy; only `startedAt` can hold a Date marker.
  const doc = JSON.parse(row.doc) as DocFields;
  return {
    id: row.id,
    userId: row.user_id,
    automationId: row.automation_id,
    automationVersion: doc.automationVersion,
    triggerType: doc.triggerType,
    currentNodeId: doc.currentNodeId,
    queue: doc.queue,
    error: doc.error,
    errorCode: doc.errorCode,
    attempt: doc.attempt,
    steps: doc.steps,
    startedAt: decodeDate(doc.startedAt),
    triggerData: row.trigger_data === null ? undefined : decodeJson(row.trigger_data),
    outputs: decodeJson(row.outputs),
    executionLog: decodeJson(row.log),
    status: row.status,
    scheduledAt: date(row.scheduled_at),
    leaseOwner: row.lease_owner,
    leaseUntil: date(row.lease_until),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    completedAt: date(row.completed_at),
  };
}

/** The fields of a run in its row's `doc` column, as JSON has them. */
type DocFields = Pick<
  AutomationRun,
  'automationVersion' | 'triggerType' | 'currentNodeId' | 'queue' | 'error' | 'errorCode' | 'attempt' | 'steps'
> & { startedAt: DateMarker | null | undefined };

const time = (value: Date | null | undefined): number | null => {
  if (!value) return null;
  const ms = value.getTime();
  return Number.isNaN(ms) ? null : ms;
};

/** A stored epoch-ms time as a Date. */
export const date = (value: number | null): Date | null => (value === null ? null : new Date(value));
