import type { EmailTemplate } from '../model/email-template';
import type { DocumentStore } from './document-store';

/** The stored email templates `send_email` renders (`ports.templates`). */
export interface TemplatePort {
  /** The tenant's template `id`, or null when it has none. */
  get(userId: string, id: string): Promise<EmailTemplate | null>;
}

/** The document collection email templates are kept in by the default `TemplatePort` (and the reference server). */
export const EMAIL_TEMPLATES_COLLECTION = 'emailtemplates';

/**
 * A `TemplatePort` reading the `emailtemplates` collection of a document store. The engine uses it when it is
 * given a store with documents and no `ports.templates`.
 */
export function createStoredTemplates(documents: DocumentStore): TemplatePort {
  const collection = documents.collection<EmailTemplate>(EMAIL_TEMPLATES_COLLECTION);
  return { get: (userId, id) => collection.get(userId, id) };
}
