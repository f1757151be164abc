export { createDescriptorValidator, type DescriptorValidator } from './descriptor-validator';
export { checkJsonSchema } from './json-schema-check';
export { AUTOMATION_JSON_SCHEMA, AUTOMATION_RUN_JSON_SCHEMA, CONDITION_GROUP_JSON_SCHEMA } from './document-schemas';
export { ENUM_KEYWORD, FROM_CONFIG_KEYWORD, LABEL_KEYWORD, OPEN_KEYWORD } from '../node/keywords';
export { NodeKind } from '../node/types';
export { DEFAULT_TIME_ZONE } from '../model/time-zone';
export { ValidationCode } from '../validation/problem-codes';
export { issueText, ERROR_KEYWORD } from '../validation/issue-text';
export type { CheckIssue, CheckResult, SchemaChecks } from '../validation/schema-checks';
export type {
  Automation,
  AutomationNode,
  Connection,
  ConnectionCondition,
  Trigger,
} from '../model/automation';
export type { AutomationRun, ExecutionLogEntry, LogStatus, RunStatus } from '../model/run';
export type { ValidationProblem } from '../errors/errors';
export type { Lang, LocalizedText, NodeDefinition, NodeTypeDescriptor, Registry } from '../node/types';
export type { StepStats } from '../ports/step-stats';
