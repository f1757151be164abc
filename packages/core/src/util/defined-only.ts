/**
 * `value` without its `undefined` fields, so spreading it over defaults (or a stored copy) keeps what was left out.
 * @example
 * const limits = { ...DEFAULT_LIMITS, ...definedOnly(options.limits) };
 */
export function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
