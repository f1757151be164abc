import type { ValidationProblem } from '../errors/errors';
import type { Ports, Registry } from '../node/types';
import { NodeKind } from '../node/types';
import { analyzeAutomation, hookContext, problemReporter, reportHookProblems } from './analyze-automation';
import { ValidationCode } from './problem-codes';
import { parentsOf, upstreamSteps } from './step-variables';
import type { ValidateOptions } from './validate-automation';

/** Options of `validateAutomationAsync`. */
export interface ValidateAsyncOptions extends ValidateOptions {
  /** The host's ports (templates, mail settings...), handed to the nodes' `validateAsync` hooks. */
  ports: Ports;
  /** The tenant whose data the checks read. */
  userId: string;
}

/**
 * Every problem `validateAutomation` finds, plus those of the nodes' `validateAsync` hooks, which read the host:
 * a stored email template that does not exist for this tenant, a marketing email without unsubscribe settings...
 * Run on saves; never throws (a failing hook is a `node_invalid` problem).
 */
export async function validateAutomationAsync(
  automation: unknown,
  registry: Registry,
  options: ValidateAsyncOptions,
): Promise<ValidationProblem[]> {
  const lang = options.lang ?? 'en';
  const analysis = analyzeAutomation(automation, registry, { hooks: true, ...options });
  const variables = analysis.variables;
  if (!variables) return analysis.problems;
  const problems = [...analysis.problems];
  const problem = problemReporter(automation, registry, lang, problems, analysis.name);
  const trigger = analysis.trigger ? { type: analysis.trigger.type, config: analysis.trigger.config } : null;
  const parents = parentsOf(analysis);
  // One node after the other, so problems come in the document's order.
  for (const node of analysis.nodes.values()) {
    const definition = node.definition;
    if (!definition?.validateAsync || node.config === undefined || definition.kind === NodeKind.Trigger) continue;
    const base = ['nodes', node.index, 'config'];
    try {
      const upstream = upstreamSteps(analysis, node.id, parents);
      const context = hookContext(node.config, variables.get(node.id) ?? [], trigger, upstream);
      const found = await definition.validateAsync({ ...context, ports: options.ports, userId: options.userId });
      reportHookProblems(definition, found, base, problem, node.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problem(ValidationCode.NodeInvalid, base, { params: { type: definition.type, error: message } }, node.id);
    }
  }
  return problems;
}
