import { NonRetriableError, createSystemClock, type Clock, type RecordPort, type Store } from '@swigs/automation-core';
import { z } from 'zod';
import type { InvoicingDeps } from './context';
import { PROJECT_STATUSES, type ProjectDoc } from './documents';
import { zurichCalendarDate } from './calendar';
import { invoicesOf, requireInvoice, withDefaults } from './invoices';
import { projectJson, invoiceJson } from './serialize';
import { updateProject } from './projects';

/** Fields an automation may set: never money, numbers, lines or invoice status. */
const projectFieldsSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000),
    status: z.enum(PROJECT_STATUSES),
  })
  .partial();

const invoiceFieldsSchema = z.strictObject({ notes: z.string().trim().max(2000) }).partial();

/** Options of `createInvoicingRecordPort`. */
export interface InvoicingRecordPortOptions {
  clock?: Clock;
  /** When given, a status set by an automation fires `project.status_changed` like one set through the API. */
  engine?: InvoicingDeps['engine'];
}

/**
 * The `RecordPort` behind the `update_record` node: projects (name, description, status) and invoices
 * (notes, while draft). Other fields, unknown types and locked invoices fail with `NonRetriableError`.
 */
export function createInvoicingRecordPort(store: Store, options: InvoicingRecordPortOptions = {}): RecordPort {
  const deps: InvoicingDeps = {
    store,
    clock: options.clock ?? createSystemClock(),
    engine: options.engine ?? { fire: async () => [] },
  };
  return {
    types: ['project', 'invoice'],
    async update({ userId, type, id, fields }) {
      if (type === 'project') {
        const input = parseFields(projectFieldsSchema, fields, type);
        const exists = await store.collection('projects').get(userId, id);
        if (!exists) return null;
        return asRecord(projectJson(await updateProject(deps, userId, id, input)));
      }
      if (type === 'invoice') {
        const input = parseFields(invoiceFieldsSchema, fields, type);
        const stored = await invoicesOf(deps).get(userId, id);
        if (!stored) return null;
        const invoice = withDefaults(stored);
        if (input.notes === undefined) return asRecord(invoiceJson(invoice, zurichCalendarDate(deps.clock.now())));
        const updated = await invoicesOf(deps).update(
          userId,
          id,
          { notes: input.notes, updatedAt: deps.clock.now() },
          { where: { status: 'draft' } },
        );
        if (!updated) {
          const current = await requireInvoice(deps, userId, id);
          throw new NonRetriableError(`update_record: invoice ${current.number} is ${current.status} and locked`);
        }
        return asRecord(invoiceJson(withDefaults(updated), zurichCalendarDate(deps.clock.now())));
      }
      throw new NonRetriableError(`update_record: record type "${type}" is not supported (project, invoice)`);
    },
    async get({ userId, type, id }) {
      if (type === 'project') {
        const project = await store.collection<ProjectDoc>('projects').get(userId, id);
        return project ? asRecord(projectJson(project)) : null;
      }
      if (type === 'invoice') {
        const stored = await invoicesOf(deps).get(userId, id);
        return stored ? asRecord(invoiceJson(withDefaults(stored), zurichCalendarDate(deps.clock.now()))) : null;
      }
      throw new NonRetriableError(`get_record: record type "${type}" is not supported (project, invoice)`);
    },
  };
}

function asRecord(value: object): Record<string, unknown> {
  return { ...value };
}

function parseFields<S extends z.ZodType>(schema: S, fields: Record<string, unknown>, type: string): z.output<S> {
  const result = schema.safeParse(fields);
  if (result.success) return result.data;
  const allowed = Object.keys((schema as unknown as z.ZodObject).shape).join(', ');
  const details = result.error.issues
    .map((issue) => `${issue.path.join('.') || 'fields'}: ${issue.message}`)
    .join('; ');
  // Permanent: retrying the same fields cannot succeed.
  throw new NonRetriableError(`update_record: ${type} fields refused (${details}); allowed: ${allowed}`);
}
