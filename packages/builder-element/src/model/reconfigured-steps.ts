import type { Automation } from '@swigs/automation-core';
import { TRIGGER_ID } from './geometry';

/**
 * The ids of the steps whose type or configuration differs between two versions of an automation (`trigger` for
 * the trigger). Edits are immutable, so an unchanged step keeps its config object: identity is enough.
 */
export function reconfiguredSteps(before: Automation, after: Automation): Set<string> {
  const changed = new Set<string>();
  if (before.trigger.type !== after.trigger.type || before.trigger.config !== after.trigger.config)
    changed.add(TRIGGER_ID);
  const old = new Map(before.nodes.map((node) => [node.id, node]));
  for (const node of after.nodes) {
    const previous = old.get(node.id);
    if (previous && (previous.type !== node.type || previous.config !== node.config)) changed.add(node.id);
  }
  return changed;
}
