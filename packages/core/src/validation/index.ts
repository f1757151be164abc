export * from './problem-codes';
export * from './flatten-variables';
export * from './validate-automation';
export * from './validate-async';
export {
  canonicalPath,
  createVariableScope,
  type VariableInfo,
  type VariableScope,
  type VariableType,
} from './variable-scope';
export { TRIGGER_VARIABLES_KEY, type VariableSamples } from './step-variables';
export { ERROR_KEYWORD, issueText } from './issue-text';
