/**
 * Shapes of the API answers the UI reads: the server's own types, as JSON (type imports only, so nothing of core or
 * the server reaches the bundle). The server validates; the UI only displays.
 */
import type {
  AutomationResponse,
  EmailTemplateResponse,
  Jsonified,
  RunResponse,
  RunStatus,
} from '@swigs/automation-core';
import type {
  CreditNoteJson,
  EventJson,
  InvoiceJson,
  LineJson,
  ProjectJson,
  QuoteJson,
} from '../../../src/invoicing/serialize.js';
import type { OutboxMessage as StoredOutboxMessage } from '@swigs/automation-adapters/outbox';

export type { RunStatus };

/** An automation with its problems (`GET /api/automations/:id`). */
export type Automation = AutomationResponse;
export type AutomationNode = Automation['nodes'][number];
export type AutomationStats = Automation['stats'];

/**
 * A run: the whole run from `GET /api/automation-runs/:id`, or a list's summary (no outputs, log or queue), titled
 * from its trigger data when the server can.
 */
export type Run = Omit<RunResponse, 'outputs' | 'executionLog' | 'queue'> &
  Partial<Pick<RunResponse, 'outputs' | 'executionLog' | 'queue'>> & { title?: string };
export type LogEntry = RunResponse['executionLog'][number];

/** An email template; the UI never reads the tenant (it is the session's), so drafts need none. */
export type EmailTemplate = Omit<EmailTemplateResponse, 'userId'>;

/** A message the outbox kept (`GET /api/outbox`). */
export type OutboxMessage = Jsonified<StoredOutboxMessage>;

export type Project = ProjectJson;
export type Party = NonNullable<ProjectJson['client']>;
export type ProjectEvent = EventJson;
export type Line = LineJson;
export type Quote = QuoteJson;
export type Invoice = InvoiceJson;
export type CreditNote = CreditNoteJson;

/** A list answer: either a bare array or `{ items }` / `{ data }` with paging. */
export type ListAnswer<T> = T[] | { items?: T[]; data?: T[]; total?: number };

/** Reads a list answer of any of the accepted shapes. */
export function itemsOf<T>(answer: ListAnswer<T> | undefined): T[] {
  if (!answer) return [];
  if (Array.isArray(answer)) return answer;
  return answer.items ?? answer.data ?? [];
}
