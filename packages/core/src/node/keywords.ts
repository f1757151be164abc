// The x-swigs-* JSON Schema keywords, without zod: the builder reads them from descriptors.
/** JSON Schema keyword marking a part whose shape the node cannot know: any path below it is accepted. */
export const OPEN_KEYWORD = 'x-swigs-open';
/** JSON Schema keyword marking an output shape that comes from the node's config (open in the catalogue). */
export const FROM_CONFIG_KEYWORD = 'x-swigs-from-config';
/** JSON Schema keyword of a field's label, `{ fr, en }` (variables panel, config forms, problem messages). */
export const LABEL_KEYWORD = 'x-swigs-label';
/** JSON Schema keyword listing a field's known values with labels: `[{ value, label: { fr, en } }]`. */
export const ENUM_KEYWORD = 'x-swigs-enum';
