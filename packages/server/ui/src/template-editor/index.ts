export { createCodeField, type CodeField, type CodeFieldOptions, type FieldProblem } from './code-field.js';
export type { CompletionCatalogue, HelperOption } from './handlebars-support.js';
export { variablePaths, type VariableOption } from './variable-paths.js';
