import type { ValidationProblem } from '../errors/errors';
import type { Lang, Registry } from '../node/types';
import { analyzeAutomation } from './analyze-automation';
import { stepVariables, type VariableSamples } from './step-variables';
import type { VariableInfo } from './variable-scope';

/** Options of `validateAutomation` and `analyzeVariables`. */
export interface ValidateOptions {
  /** Language of the problems' messages. Default English. */
  lang?: Lang;
  /** Samples of the trigger payload and node outputs (default: the automation's `sampleData`, `sampleOutput`s). */
  samples?: VariableSamples;
}

/**
 * Returns every problem of an automation document (schema, node types, configs, graph, trigger, node checks),
 * each with its code, node id, field path and a message in `lang` naming the step; an empty list means it can
 * run. Never throws.
 * @example
 * const problems = validateAutomation(JSON.parse(body), registry, { lang: 'fr' });
 * if (problems.length) return reply(422, { problems });
 */
export function validateAutomation(
  automation: unknown,
  registry: Registry,
  options: ValidateOptions = {},
): ValidationProblem[] {
  return analyzeAutomation(automation, registry, { hooks: true, ...options }).problems;
}

/** What each step can read, by node id and `$trigger` (contract C1), with types, labels and samples. */
export function analyzeVariables(
  automation: unknown,
  registry: Registry,
  options: Pick<ValidateOptions, 'samples'> = {},
): Record<string, VariableInfo[]> {
  return validateWithVariables(automation, registry, options).variables;
}

/** `validateAutomation` and `analyzeVariables` from one analysis (the server's `POST /api/automations/validate`). */
export function validateWithVariables(
  automation: unknown,
  registry: Registry,
  options: ValidateOptions = {},
): { problems: ValidationProblem[]; variables: Record<string, VariableInfo[]> } {
  const analysis = analyzeAutomation(automation, registry, { hooks: true, ...options });
  const variables = analysis.variables ?? stepVariables(analysis, options.samples);
  return { problems: analysis.problems, variables: Object.fromEntries(variables) };
}
