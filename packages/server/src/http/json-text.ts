const texts = new WeakMap<object, string>();

/**
 * `JSON.stringify(value)`, remembered for deep-frozen values: a store's shared read-only results (see
 * `AutomationRepository`) are then serialized once, not on every request that lists them.
 */
export function jsonText(value: object): string {
  if (!Object.isFrozen(value)) return JSON.stringify(value);
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

/** The JSON text of a page `{ items, ...rest }`, built from each item's `jsonText`. */
export function pageText(items: readonly object[], rest: Record<string, unknown>): string {
  let text = '{"items":[';
  for (let i = 0; i < items.length; i++) text += (i === 0 ? '' : ',') + jsonText(items[i]!);
  return `${text}],${JSON.stringify(rest).slice(1)}`;
}
