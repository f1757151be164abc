/** Codes of the problems `validateAutomation` reports. Stable across releases. */
export const ValidationCode = {
  SchemaInvalid: 'schema_invalid',
  DuplicateNodeId: 'duplicate_node_id',
  UnknownNodeType: 'unknown_node_type',
  UnknownTriggerType: 'unknown_trigger_type',
  TriggerMissing: 'trigger_missing',
  TriggerInvalid: 'trigger_invalid',
  MultipleTriggers: 'multiple_triggers',
  ConfigInvalid: 'config_invalid',
  MissingTarget: 'missing_target',
  UnreachableNode: 'unreachable_node',
  Cycle: 'cycle',
  ConditionOutputs: 'condition_outputs',
  ConnectionOutputInvalid: 'connection_output_invalid',
  NodeInvalid: 'node_invalid',
  InternalError: 'internal_error',
} as const;
export type ValidationCode = (typeof ValidationCode)[keyof typeof ValidationCode];

/** Problems that do not stop a run: a dead node never executes, and a node hook's findings are advisory at run time. */
export const NON_BLOCKING_CODES: ReadonlySet<string> = new Set<string>([
  ValidationCode.UnreachableNode,
  ValidationCode.NodeInvalid,
]);
