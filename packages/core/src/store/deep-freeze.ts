/**
 * Freezes `value` and everything reachable from it, and returns it. Stores use it for results they share
 * between callers (see the read-only notes on `AutomationRepository`).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
