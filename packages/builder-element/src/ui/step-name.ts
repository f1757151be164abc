import type { BuilderView } from './builder-view';

/** What naming a step reads. */
export type StepNameHost = Pick<BuilderView, 'store' | 'titleOf'>;

/**
 * A step's name as its card shows it: its label, else its node type's title (« Commande payée », « Attendre »),
 * never its id, which people do not see elsewhere.
 */
export function stepName(host: StepNameHost, id: string): string {
  const node = host.store.flow.nodes.find((n) => n.id === id);
  return node?.data.label ?? host.titleOf(node?.data.type ?? '');
}
