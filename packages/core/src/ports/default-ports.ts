import type { Ports } from '../node/types';
import { hasDocuments } from './store';
import { createStoredTemplates } from './templates';

/**
 * The ports nodes receive: `ports` as given, plus, when the store also holds documents, `documents` (that store)
 * and `templates` (its `emailtemplates` collection) unless the host passed its own.
 */
export function withStoreDefaults<P extends Partial<Ports>>(ports: P, store: object | undefined): P & Ports {
  const documents = ports.documents ?? (store && hasDocuments(store) ? store : undefined);
  const templates = ports.templates ?? (documents ? createStoredTemplates(documents) : undefined);
  return {
    ...ports,
    ...(documents ? { documents } : {}),
    ...(templates ? { templates } : {}),
  } as P & Ports;
}
