import type { ValidationProblem } from '../errors/errors';
import type { Registry } from '../node/types';
import { type AnalyzedNode, type AnalyzedTrigger, analyzeAutomation } from '../validation/analyze-automation';
import { NON_BLOCKING_CODES } from '../validation/problem-codes';

/** An automation version compiled for execution: configs parsed once, edges indexed, blocking problems listed. */
export interface ExecutionPlan {
  automation: { id: string; userId: string; name: string; version: number };
  nodes: Map<string, AnalyzedNode>;
  entry: string[];
  trigger: AnalyzedTrigger | null;
  /** Problems that stop the automation from running (unreachable nodes and node hook findings do not). */
  blocking: ValidationProblem[];
}

/** Compiles a stored automation document; never throws. */
export function compilePlan(document: unknown, registry: Registry): ExecutionPlan {
  const analysis = analyzeAutomation(document, registry, { hooks: false });
  const raw = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
  return {
    automation: {
      id: typeof raw.id === 'string' ? raw.id : '',
      userId: typeof raw.userId === 'string' ? raw.userId : '',
      name: analysis.name,
      version: Number.isInteger(raw.version) && (raw.version as number) > 0 ? (raw.version as number) : 1,
    },
    nodes: analysis.nodes,
    entry: analysis.entry,
    trigger: analysis.trigger,
    blocking: analysis.problems.filter((problem) => !NON_BLOCKING_CODES.has(problem.code)),
  };
}

/** The cache key of an automation version. */
export function planKey(userId: string, automationId: string, version: number): string {
  return `${userId}\u0000${automationId}\u0000${version}`;
}

/** One readable line for a failed run: the first problems and how many more. */
export function summarizeProblems(name: string, problems: ValidationProblem[]): string {
  const shown = problems.slice(0, 3).map((problem) => problem.message);
  const more = problems.length > 3 ? ` (+${problems.length - 3} more)` : '';
  return `automation "${name}" cannot run: ${shown.join(' ')}${more}`;
}
