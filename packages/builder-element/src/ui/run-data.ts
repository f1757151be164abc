import { DEFAULT_TIME_ZONE, type AutomationRun, type ExecutionLogEntry } from '@swigs/automation-core/graph';
import type { TestResult, TestTimelineEntry } from '../client';
import type { FlowEdge } from '../model/flow-graph';
import { TRIGGER_ID } from '../model/geometry';

/** Status of a node in a run: its last log entry's, or `none` when it did not run. */
export function runStatusOf(
  run: AutomationRun,
  nodeId: string,
): 'success' | 'failed' | 'skipped' | 'waiting' | 'running' | 'none' {
  if (nodeId === TRIGGER_ID) return 'success';
  const entry = logEntryOf(run, nodeId);
  if (entry) return entry.status;
  if (run.currentNodeId === nodeId) return run.status === 'waiting' ? 'waiting' : 'running';
  return 'none';
}

/** The last log entry of a node. */
export function logEntryOf(run: AutomationRun, nodeId: string): ExecutionLogEntry | undefined {
  const log = run.executionLog ?? [];
  for (let i = log.length - 1; i >= 0; i -= 1) if (log[i]?.nodeId === nodeId) return log[i];
  return undefined;
}

/** An edge was taken when its source succeeded (on the branch it chose) and its target ran or is current. */
export function executedEdge(run: AutomationRun, edge: FlowEdge): boolean {
  const source = edge.source === TRIGGER_ID ? undefined : logEntryOf(run, edge.source);
  if (edge.source !== TRIGGER_ID && source?.status !== 'success') return false;
  if (source?.branch !== undefined && source.branch !== edge.sourceHandle) return false;
  return logEntryOf(run, edge.target) !== undefined || run.currentNodeId === edge.target;
}

/** The first simulated step of each node in a test result. */
export function timelineByNode(result: TestResult | null): Map<string, TestTimelineEntry> {
  const map = new Map<string, TestTimelineEntry>();
  for (const entry of result?.timeline ?? []) if (!map.has(entry.nodeId)) map.set(entry.nodeId, entry);
  return map;
}

/** A date in Europe/Zurich, `fr-CH` (or `en-CH`): `mar. 26.11.2026, 10:00`. */
export function formatZurich(value: string | Date, lang: 'fr' | 'en' = 'fr'): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-CH' : 'fr-CH', {
    timeZone: DEFAULT_TIME_ZONE,
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A rendered email found in a step's output (`{ subject, html }` at the top or under `email`/`message`/`preview`). */
export function emailOf(output: unknown): { to?: string; subject: string; html: string } | undefined {
  if (!output || typeof output !== 'object') return undefined;
  const record = output as Record<string, unknown>;
  for (const candidate of [record, record.email, record.message, record.preview, record.rendered]) {
    if (candidate && typeof candidate === 'object') {
      const c = candidate as Record<string, unknown>;
      if (typeof c.subject === 'string' && typeof c.html === 'string') {
        const rawTo = c.to ?? record.to;
        const to = typeof rawTo === 'string' ? rawTo : Array.isArray(rawTo) ? rawTo.join(', ') : undefined;
        return { subject: c.subject, html: c.html, ...(to ? { to } : {}) };
      }
    }
  }
  return undefined;
}
