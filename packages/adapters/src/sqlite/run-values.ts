import type { RunRow } from './run-row';

/** Every column of `runs`, in the order of `rowOfValues`. */
export const RUN_COLUMNS = `id, user_id, automation_id, status, scheduled_at, lease_owner, lease_until, created_at, updated_at,
  completed_at, due_at, finished_at, automation_version, waiting_node, steps_logged, doc, trigger_data, outputs, log`;

/** A row read in `raw` mode, in the order of `RUN_COLUMNS`. */
export function rowOfValues(values: unknown[]): RunRow {
  const v = values as RunRowValues;
  return {
    id: v[0],
    user_id: v[1],
    automation_id: v[2],
    status: v[3],
    scheduled_at: v[4],
    lease_owner: v[5],
    lease_until: v[6],
    created_at: v[7],
    updated_at: v[8],
    completed_at: v[9],
    due_at: v[10],
    finished_at: v[11],
    automation_version: v[12],
    waiting_node: v[13],
    steps_logged: v[14],
    doc: v[15],
    trigger_data: v[16],
    outputs: v[17],
    log: v[18],
  };
}

type RunRowValues = [
  RunRow['id'],
  RunRow['user_id'],
  RunRow['automation_id'],
  RunRow['status'],
  RunRow['scheduled_at'],
  RunRow['lease_owner'],
  RunRow['lease_until'],
  RunRow['created_at'],
  RunRow['updated_at'],
  RunRow['completed_at'],
  RunRow['due_at'],
  RunRow['finished_at'],
  RunRow['automation_version'],
  RunRow['waiting_node'],
  RunRow['steps_logged'],
  RunRow['doc'],
  RunRow['trigger_data'],
  RunRow['outputs'],
  RunRow['log'],
];
