export { SwigsAutomationBuilder } from './swigs-automation-builder';
export type { BuilderUiState, QuickAddState, TemplateDraft } from './ui/ui-state';
export { SwigsChangeEvent, SwigsSaveEvent, SwigsThemeChangeEvent } from './events';
export type { ChangeReason } from './events';
export { createBuilderClient, resolveClient, BuilderClientError } from './client';
export type {
  BuilderClient,
  BuilderClientOptions,
  EmailPreview,
  EmailPreviewInput,
  EmailTemplateSummary,
  ListenAnswer,
  RequestOptions,
  StepStatsEntry,
  StepTestAnswer,
  TestResult,
  TestTimelineEntry,
} from './client';
export { BuilderStore } from './editor/builder-store';
export { toFlow, fromFlow, normalizeAutomation, edgeId } from './model/flow-graph';
export type { FlowEdge, FlowGraph, FlowNode, FlowNodeData } from './model/flow-graph';
export { createHistory } from './model/history';
export type { History } from './model/history';
export { copyNodes, pasteNodes, parseClipboard, CLIPBOARD_MIME } from './model/clipboard';
export type { ClipboardPayload } from './model/clipboard';
export { spliceEdge } from './model/edge-splice';
export { autoLayout, layoutPositions } from './model/layout';
export { extractVariablePaths, upstreamNodeIds, variablesFor, insertVariable } from './model/variables';
export type { VariableEntry, VariableGroup } from './model/variables';
export { buildFormModel, defaultValue, getAt, setAt } from './model/schema-form';
export type { FieldKind, FieldModel, JsonSchema } from './model/schema-form';
export { createDescriptorRegistry, validateForBuilder } from './model/validation';
export type { ValidationReport } from './model/validation';
export { describeCron } from './model/cron-preview';
export { messagesFor } from './i18n/messages';
export type { Lang, Messages } from './i18n/messages';
