import type { ValidationProblem } from '../errors/errors';
import type { Registry } from '../node/types';
import { analyzeAutomation } from './analyze-automation';

/**
 * Returns every problem of an automation document (schema, node types, configs, graph, trigger, node checks),
 * each with its code, node id and field path; an empty list means it can run. Never throws.
 * @example
 * const problems = validateAutomation(JSON.parse(body), registry);
 * if (problems.length) return reply(422, { problems });
 */
export function validateAutomation(automation: unknown, registry: Registry): ValidationProblem[] {
  return analyzeAutomation(automation, registry, { hooks: true }).problems;
}
