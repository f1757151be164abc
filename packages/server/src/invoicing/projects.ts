import { NotFoundError, type DocumentCollection } from '@swigs/automation-core';
import type { z } from 'zod';
import { newId, type InvoicingDeps } from './context';
import { Collections, type ProjectDoc, type ProjectStatus } from './documents';
import { conflictError } from './errors';
import { announce, pendingEvent } from './event-outbox';
import { chfToCentimes } from './money';
import type { projectCreateSchema, projectUpdateSchema } from './schemas';

/** Payload of `project.status_changed`. */
export interface ProjectStatusChangedPayload {
  projectId: string;
  name: string;
  from: ProjectStatus;
  to: ProjectStatus;
  /** The project's client, when it has one. */
  client?: { name: string; email?: string };
  changedAt: string;
}

/** The projects collection. */
export function projectsOf(deps: Pick<InvoicingDeps, 'store'>): DocumentCollection<ProjectDoc> {
  return deps.store.collection<ProjectDoc>(Collections.projects);
}

/** The tenant's project, or `NotFoundError`. */
export async function requireProject(
  deps: Pick<InvoicingDeps, 'store'>,
  userId: string,
  id: string,
): Promise<ProjectDoc> {
  const project = await projectsOf(deps).get(userId, id);
  if (!project) throw new NotFoundError(`project ${id} not found`);
  return project;
}

/** Creates a project. */
export async function createProject(
  deps: InvoicingDeps,
  userId: string,
  input: z.output<typeof projectCreateSchema>,
): Promise<ProjectDoc> {
  const now = deps.clock.now();
  return projectsOf(deps).insert({
    id: newId(),
    userId,
    name: input.name,
    description: input.description,
    status: input.status,
    client: input.client,
    hourlyRate: input.hourlyRate === null ? null : chfToCentimes(input.hourlyRate),
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Updates a project. A status change is a compare-and-set on the old status, so two concurrent changes fire
 * `project.status_changed` once each with the right `from`, never twice with the same one.
 */
export async function updateProject(
  deps: InvoicingDeps,
  userId: string,
  id: string,
  input: z.output<typeof projectUpdateSchema>,
): Promise<ProjectDoc> {
  const current = await requireProject(deps, userId, id);
  const now = deps.clock.now();
  const patch: Partial<ProjectDoc> = { updatedAt: now };
  if (input.name !== undefined) patch.name = input.name;
  if (input.description !== undefined) patch.description = input.description;
  if (input.client !== undefined) patch.client = input.client;
  if (input.hourlyRate !== undefined)
    patch.hourlyRate = input.hourlyRate === null ? null : chfToCentimes(input.hourlyRate);
  const statusChanges = input.status !== undefined && input.status !== current.status;
  if (statusChanges) patch.status = input.status;
  // The compare-and-set on the old status makes `current + patch` what is stored: the event is written with it.
  const event = statusChanges
    ? pendingEvent(deps, 'project.status_changed', statusChangedPayload(current, { ...current, ...patch }, now), userId)
    : undefined;
  const updated = await projectsOf(deps).update(userId, id, patch, {
    where: { status: current.status },
    ...(event ? { also: [event] } : {}),
  });
  if (!updated) return updateProject(deps, userId, id, input);
  if (event) await announce(deps, event);
  return updated;
}

function statusChangedPayload(before: ProjectDoc, after: ProjectDoc, now: Date): ProjectStatusChangedPayload {
  return {
    projectId: after.id,
    name: after.name,
    from: before.status,
    to: after.status,
    ...(after.client
      ? { client: { name: after.client.name, ...(after.client.email ? { email: after.client.email } : {}) } }
      : {}),
    changedAt: now.toISOString(),
  };
}

/** Lists the tenant's projects, newest first, optionally by status. */
export async function listProjects(
  deps: InvoicingDeps,
  userId: string,
  query: { status?: ProjectStatus; limit: number; offset: number },
): Promise<{ items: ProjectDoc[]; total: number }> {
  return projectsOf(deps).find(userId, {
    where: query.status ? { status: query.status } : undefined,
    sort: { field: 'createdAt', direction: 'desc' },
    limit: query.limit,
    offset: query.offset,
  });
}

/** Deletes a project with its events and quotes; refused (409) once it has invoices. */
export async function deleteProject(deps: InvoicingDeps, userId: string, id: string): Promise<void> {
  await requireProject(deps, userId, id);
  const invoices = await deps.store
    .collection(Collections.invoices)
    .find(userId, { where: { projectId: id }, limit: 1 });
  if (invoices.total > 0) throw conflictError('project_has_invoices');
  for (const name of [Collections.events, Collections.quotes]) {
    const collection = deps.store.collection(name);
    const { items } = await collection.find(userId, { where: { projectId: id } });
    for (const item of items) await collection.delete(userId, item.id);
  }
  await projectsOf(deps).delete(userId, id);
}
