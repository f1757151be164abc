import type { Registry } from '../node/types';
import { analyzeGraph, type AnalyzeOptions, type AutomationAnalysis } from './analyze-graph';
import { runHooks } from './run-hooks';
import { zodChecks } from './zod-checks';

export {
  problemReporter,
  type AnalyzedNode,
  type AnalyzedTrigger,
  type AnalyzeOptions,
  type AutomationAnalysis,
  type Problem,
  type ProblemDetail,
} from './analyze-graph';
export { hookContext, reportHookProblems } from './run-hooks';

/** Checks a document against the zod schemas, the registry, the graph rules and the nodes' hooks; never throws. */
export function analyzeAutomation(
  input: unknown,
  registry: Registry,
  options: AnalyzeOptions = {},
): AutomationAnalysis {
  return analyzeGraph(input, registry, zodChecks, { ...options, runHooks });
}
