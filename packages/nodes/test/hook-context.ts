import { createVariableScope, type NodeValidateContext } from '@swigs/automation-core';

/** What a `validate` hook receives for `config` at a step that can read `variables` (dot paths). */
export function hookContext<Config>(
  config: Config,
  variables: Iterable<string>,
  trigger: NodeValidateContext['trigger'] = null,
  upstream: NodeValidateContext['upstream'] = [],
): NodeValidateContext<Config> {
  const list = [...variables];
  return {
    config,
    variables: new Set(list),
    isKnown: createVariableScope(list.map((path) => ({ path }))).has,
    trigger,
    upstream,
  };
}
