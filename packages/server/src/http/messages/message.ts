/** Values a message names: its `{name}` placeholders, or what a message function reads. */
export type MessageParams = Readonly<Record<string, unknown>>;

/** One message of a table: a text with `{name}` placeholders, or a function of its parameters (plurals, lists). */
export type Message = string | ((params: MessageParams) => string);
