import { NotFoundError, type DocumentCollection } from '@swigs/automation-core';
import type { HttpError } from '../http/http-error';
import type { z } from 'zod';
import { newId, type InvoicingDeps } from './context';
import { Collections, type ProjectEventDoc } from './documents';
import { chfToCentimes, lineNetCentimes } from './money';
import { conflictError, invalidField } from './errors';
import { requireProject } from './projects';
import type { eventCreateSchema, eventUpdateSchema } from './schemas';

/** The project events collection (hours and expenses). */
export function eventsOf(deps: Pick<InvoicingDeps, 'store'>): DocumentCollection<ProjectEventDoc> {
  return deps.store.collection<ProjectEventDoc>(Collections.events);
}

/** The tenant's event, or `NotFoundError`. */
export async function requireEvent(
  deps: Pick<InvoicingDeps, 'store'>,
  userId: string,
  id: string,
): Promise<ProjectEventDoc> {
  const event = await eventsOf(deps).get(userId, id);
  if (!event) throw new NotFoundError(`event ${id} not found`);
  return event;
}

/** Records hours (at the given or the project's hourly rate) or an expense on a project. */
export async function createEvent(
  deps: InvoicingDeps,
  userId: string,
  projectId: string,
  input: z.output<typeof eventCreateSchema>,
): Promise<ProjectEventDoc> {
  const project = await requireProject(deps, userId, projectId);
  const now = deps.clock.now();
  let quantity = 1;
  let unitPrice: number;
  if (input.type === 'hours') {
    quantity = input.hours;
    const rate = input.hourlyRate === undefined ? project.hourlyRate : chfToCentimes(input.hourlyRate);
    if (rate === null) {
      throw invalidField('hourly_rate_missing', 'hourlyRate');
    }
    unitPrice = rate;
  } else {
    unitPrice = chfToCentimes(input.amount);
  }
  return eventsOf(deps).insert({
    id: newId(),
    userId,
    projectId,
    type: input.type,
    description: input.description,
    date: input.date,
    quantity,
    unitPrice,
    total: lineNetCentimes(quantity, unitPrice),
    vatCategory: input.vatCategory ?? null,
    billed: false,
    invoiceId: null,
    createdAt: now,
    updatedAt: now,
  });
}

/** Edits an event that is not billed yet (409 once billed). */
export async function updateEvent(
  deps: InvoicingDeps,
  userId: string,
  id: string,
  input: z.output<typeof eventUpdateSchema>,
): Promise<ProjectEventDoc> {
  const event = await requireEvent(deps, userId, id);
  if (event.billed) throw billedConflict();
  const patch: Partial<ProjectEventDoc> = { updatedAt: deps.clock.now() };
  if (input.description !== undefined) patch.description = input.description;
  if (input.date !== undefined) patch.date = input.date;
  if (input.vatCategory !== undefined) patch.vatCategory = input.vatCategory;
  if (event.type === 'hours') {
    if (input.hours !== undefined) patch.quantity = input.hours;
    if (input.hourlyRate !== undefined) patch.unitPrice = chfToCentimes(input.hourlyRate);
  } else if (input.amount !== undefined) {
    patch.unitPrice = chfToCentimes(input.amount);
  }
  patch.total = lineNetCentimes(patch.quantity ?? event.quantity, patch.unitPrice ?? event.unitPrice);
  const updated = await eventsOf(deps).update(userId, id, patch, { where: { billed: false } });
  if (!updated) throw billedConflict();
  return updated;
}

/** Deletes an event that is not billed yet (409 once billed). */
export async function deleteEvent(deps: InvoicingDeps, userId: string, id: string): Promise<void> {
  const event = await requireEvent(deps, userId, id);
  if (event.billed) throw billedConflict();
  await eventsOf(deps).delete(userId, id);
}

/** A project's events, by service date. */
export async function listEvents(
  deps: InvoicingDeps,
  userId: string,
  projectId: string,
  query: { billed?: boolean },
): Promise<{ items: ProjectEventDoc[]; total: number }> {
  await requireProject(deps, userId, projectId);
  return eventsOf(deps).find(userId, {
    where: { projectId, ...(query.billed === undefined ? {} : { billed: query.billed }) },
    sort: { field: 'date', direction: 'asc' },
  });
}

function billedConflict(): HttpError {
  return conflictError('event_locked');
}
