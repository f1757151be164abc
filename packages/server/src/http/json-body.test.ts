import { describe, expect, it } from 'vitest';
import type { HttpError } from './http-error';
import { parseJsonText } from './json-body';

const failure = (text: string): HttpError => {
  try {
    parseJsonText(text);
  } catch (error) {
    return error as HttpError;
  }
  throw new Error('expected a failure');
};

describe('parseJsonText', () => {
  it('reads JSON and treats an empty body as undefined', () => {
    expect(parseJsonText('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(parseJsonText('  ')).toBeUndefined();
  });

  it('refuses malformed JSON with a 400', () => {
    const error = failure('{"a":');
    expect(error.status).toBe(400);
    expect(error.key).toBe('invalid_json');
  });

  it('refuses prototype-polluting keys at any depth', () => {
    expect(failure('{"__proto__":{"polluted":true}}').key).toBe('forbidden_key');
    const nested = failure('{"a":[{"b":{"constructor":{"prototype":{}}}}]}');
    expect(nested.key).toBe('forbidden_key');
    expect(nested.issues[0]?.path).toEqual(['a', 0, 'b', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting deeper than 64 levels without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const error = failure(deep);
    expect(error.status).toBe(400);
    expect(['too_deep', 'invalid_json']).toContain(error.key);
    expect(failure('['.repeat(65) + ']'.repeat(65)).key).toBe('too_deep');
    expect(parseJsonText('['.repeat(60) + ']'.repeat(60))).toBeDefined();
  });
});
